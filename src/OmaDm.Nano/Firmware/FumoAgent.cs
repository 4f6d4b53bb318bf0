using System;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The FUMO MO (<c>urn:oma:mo:oma-fumo:1.0</c>) and its state machine: EXEC Download, Update and
    /// DownloadAndUpdate answer 202 and the work runs after the session (<see cref="RunPendingWork"/>);
    /// HGET into <c>Update/PkgData</c> streams the image straight into the slot; after a test swap
    /// <see cref="Settle"/> confirms or reverts the new image. Every state transition is one record
    /// store commit, together with the result alert when it ends an operation: exactly once.
    /// </summary>
    /// <remarks>
    /// Nodes: PkgName, PkgVersion, Download/PkgURL, Update/PkgData (stream sink), DownloadAndUpdate/PkgURL,
    /// State, Ext/ExpectedSize, Ext/ExpectedSha256 (64 hex digits), Ext/Progress (percent),
    /// Ext/LastResult. Store keys: <c>fumo/&lt;MIID&gt;/...</c>. Not thread-safe: the session thread uses it.
    /// </remarks>
    public sealed partial class FumoAgent
    {
        /// <summary>The FUMO MOID.</summary>
        public const string Moid = "urn:oma:mo:oma-fumo:1.0";

        /// <summary>DDF URL listed in Package#1.</summary>
        public const string DdfUrl = "http://www.openmobilealliance.org/tech/omna/dm/fumo/OMA-FUMO-DDF-V1_0.ddf";

        /// <summary>MIID of the instance unless the app picks another.</summary>
        public const string DefaultMiid = "fumo1";

        private readonly ManagementTree _tree;
        private readonly RecordStore _store;
        private readonly IFirmwareSlot _slot;
        private readonly FirmwareDownloader _downloader;
        private readonly GenericAlertStager _stageAlert;
        private readonly string _miid;
        private readonly string _prefix;
        private readonly byte[] _hash = new byte[McuBootTlv.Sha256Bytes];
        private MoInstance _instance;
        private FumoState _state = FumoState.Idle;
        private FumoOperation _operation;
        private int _lastResult;
        private DownloadJob _job = new DownloadJob();
        private string _correlator;
        private string _targetUri;
        private string _sourceUri;
        private byte[] _targetHash;
        private bool _reverting;

        /// <summary>Creates the agent for instance <see cref="DefaultMiid"/>.</summary>
        /// <param name="tree">The device tree (its store persists FUMO state).</param>
        /// <param name="slot">The firmware slot.</param>
        /// <param name="transport">HTTP binding for package downloads.</param>
        /// <param name="clock">Clock for retry backoff.</param>
        /// <param name="stageAlert">Stages result alerts without committing (the session's AlertQueue.Stage).</param>
        public FumoAgent(ManagementTree tree, IFirmwareSlot slot, IHttpTransport transport, IClock clock, GenericAlertStager stageAlert)
            : this(tree, slot, transport, clock, stageAlert, DefaultMiid)
        {
        }

        /// <summary>Creates the agent for instance <paramref name="miid"/>.</summary>
        /// <param name="tree">The device tree (its store persists FUMO state).</param>
        /// <param name="slot">The firmware slot.</param>
        /// <param name="transport">HTTP binding for package downloads.</param>
        /// <param name="clock">Clock for retry backoff.</param>
        /// <param name="stageAlert">Stages result alerts without committing (the session's AlertQueue.Stage).</param>
        /// <param name="miid">MIID of the FUMO instance.</param>
        public FumoAgent(ManagementTree tree, IFirmwareSlot slot, IHttpTransport transport, IClock clock, GenericAlertStager stageAlert, string miid)
        {
            if (tree == null || slot == null || transport == null || clock == null || stageAlert == null || miid == null || miid.Length == 0)
            {
                throw new ArgumentNullException(tree == null ? "tree" : slot == null ? "slot" : transport == null ? "transport"
                    : clock == null ? "clock" : stageAlert == null ? "stageAlert" : "miid");
            }

            _tree = tree;
            _store = tree.Store;
            _slot = slot;
            _stageAlert = stageAlert;
            _miid = miid;
            _prefix = "fumo/" + miid + "/";
            _downloader = new FirmwareDownloader(transport, slot, clock);
            _downloader.Checkpoint = OnCheckpoint;
        }

        /// <summary>The downloader (retry, backoff, timeout, device-match settings).</summary>
        public FirmwareDownloader Downloader { get { return _downloader; } }

        /// <summary>The app allows plain http package URLs to hosts other than loopback.</summary>
        public bool AllowPlainHttp { get; set; }

        /// <summary>The app allows skipping TLS validation for package downloads (loopback always may).</summary>
        public bool AllowInsecureTls { get; set; }

        /// <summary>Called when an EXEC was accepted, so the app runs <see cref="RunPendingWork"/> after the session.</summary>
        public FumoWorkScheduler WorkScheduler { get; set; }

        /// <summary>MIID of the instance.</summary>
        public string Miid { get { return _miid; } }

        /// <summary>The FUMO instance (after <see cref="Register"/>).</summary>
        public MoInstance Instance { get { return _instance; } }

        /// <summary>Current state (the State node).</summary>
        public FumoState State { get { return _state; } }

        /// <summary>The accepted operation not finished yet.</summary>
        public FumoOperation PendingOperation { get { return _operation; } }

        /// <summary>Result code of the last finished operation (Ext/LastResult), 0 before the first.</summary>
        public int LastResult { get { return _lastResult; } }

        /// <summary>The current (or last) download: URL, length, bytes stored.</summary>
        public DownloadJob Job { get { return _job; } }

        /// <summary>True when an accepted operation waits for <see cref="RunPendingWork"/> (not the boot settle).</summary>
        public bool HasPendingWork
        {
            get { return _operation != FumoOperation.None && _state != FumoState.UpdateProgressing; }
        }

        /// <summary>True when a swapped image waits for <see cref="Settle"/>.</summary>
        public bool NeedsSettle { get { return _state == FumoState.UpdateProgressing; } }

        /// <summary>
        /// Registers the FUMO type and adds the instance; reads the persisted state. Call after the
        /// record store is loaded and before <see cref="ManagementTree.Load"/>.
        /// </summary>
        public MoInstance Register()
        {
            _tree.Register(CreateType());
            _instance = _tree.AddInstance(Moid, _miid);
            LoadState();
            return _instance;
        }

        private MoType CreateType()
        {
            MoType type = new MoType(Moid, DdfUrl);
            type.MaxInstances = 1;
            MoNode root = type.Root;
            AccessRights rw = AccessRights.Get | AccessRights.Replace;
            root.Add(MoNode.Leaf("PkgName", NodeFormat.Chr, rw));
            root.Add(MoNode.Leaf("PkgVersion", NodeFormat.Chr, rw));
            ExecHandler exec = OnExec;
            MoNode download = root.Add(MoNode.Interior("Download", AccessRights.Get | AccessRights.Exec));
            download.ExecHandler = exec;
            download.Add(MoNode.Leaf("PkgURL", NodeFormat.Chr, rw)).MaxValueBytes = UrlRules.MaxUrlChars;
            MoNode update = root.Add(MoNode.Interior("Update", AccessRights.Get | AccessRights.Exec));
            update.ExecHandler = exec;
            update.Add(MoNode.Leaf("PkgData", NodeFormat.Bin, AccessRights.Replace)).StreamSink = OnPkgData;
            MoNode both = root.Add(MoNode.Interior("DownloadAndUpdate", AccessRights.Get | AccessRights.Exec));
            both.ExecHandler = exec;
            both.Add(MoNode.Leaf("PkgURL", NodeFormat.Chr, rw)).MaxValueBytes = UrlRules.MaxUrlChars;
            ValueGetter getter = OnGet;
            root.Add(MoNode.Leaf("State", NodeFormat.Int, AccessRights.Get)).Getter = getter;
            MoNode ext = root.Add(MoNode.Interior("Ext", AccessRights.Get));
            ext.Add(MoNode.Leaf("ExpectedSize", NodeFormat.Int, rw)).Setter = OnSetExpected;
            ext.Add(MoNode.Leaf("ExpectedSha256", NodeFormat.Chr, rw)).Setter = OnSetExpected;
            ext.Add(MoNode.Leaf("Progress", NodeFormat.Int, AccessRights.Get)).Getter = getter;
            ext.Add(MoNode.Leaf("LastResult", NodeFormat.Int, AccessRights.Get)).Getter = getter;
            return type;
        }
    }
}

using System;
using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.Runtime.InFieldUpdate;
using OmaDm.Nano.Esp32.Firmware;
using OmaDm.Nano.Esp32.Http;
using OmaDm.Nano.Esp32.Net;
using OmaDm.Nano.Esp32.Platform;
using OmaDm.Nano.Esp32.Settings;
using OmaDm.Nano.Esp32.Storage;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Esp32.Hosting
{
    /// <summary>
    /// Wires the core to an ESP32: settings file, Wi-Fi, LittleFS record store, management tree
    /// with DevInfo, DM Account and FUMO (<see cref="FumoAgent"/> over the In-Field Update slot),
    /// HttpWebRequest transport, DM Notification listener, the boot settle of a new image, and the
    /// session loop. Board apps add their own MOs between
    /// <see cref="Prepare"/> and <see cref="Start"/>, then call <see cref="Run"/>.
    /// </summary>
    /// <remarks>
    /// Threads: everything that touches the record store (sessions, notification checks) runs on
    /// the thread that calls <see cref="Run"/>; the UDP listener only copies a datagram into
    /// <see cref="_pending"/> and wakes that thread. RAM: one copy of each core buffer, one
    /// notification buffer, one settings file.
    /// </remarks>
    public sealed class Esp32DeviceHost
    {
        /// <summary>Wi-Fi attempts before the board restarts (a restart clears a wedged radio).</summary>
        public const int WifiAttemptsBeforeReboot = 10;

        /// <summary>
        /// Wi-Fi attempts while a new image is under test: a few minutes, then the restart brings the
        /// previous image back (an unconfirmed image never survives a reset), so a broken update
        /// cannot keep the board offline for long.
        /// </summary>
        public const int WifiAttemptsUnderTest = 3;

        /// <summary>Seconds to wait after a failed session before trying again (shorter than a normal interval).</summary>
        public const int RetryAfterFailureSeconds = 300;

        /// <summary>DM Account leaf a server may write to change the polling interval (see docs/server.md).</summary>
        public const string PollIntervalPath = "Ext/PollIntervalSec";

        private readonly string _model;
        private readonly string _appVersion;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly object _pendingLock = new object();
        private readonly byte[] _pending = new byte[NotificationParser.MaxPackageBytes];
        private readonly byte[] _work = new byte[NotificationParser.MaxPackageBytes];
        private int _pendingCount;
        private bool _settled;
        private BoardSettings _settings;
        private RecordStore _store;
        private ManagementTree _tree;
        private DmClient _client;
        private NotificationListener _listener;
        private InFieldUpdateSlot _slot;
        private IHttpTransport _transport;
        private FumoAgent _fumo;
        private Esp32DeviceFacts _facts;
        private readonly Esp32Clock _clock = new Esp32Clock();

        /// <summary>Host for a board called <paramref name="model"/> running app version <paramref name="appVersion"/>.</summary>
        public Esp32DeviceHost(string model, string appVersion)
        {
            _model = model;
            _appVersion = appVersion;
        }

        /// <summary>The parsed settings file (after <see cref="Prepare"/>).</summary>
        public BoardSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The management tree; register app MO types on it before <see cref="Start"/>.</summary>
        public ManagementTree Tree
        {
            get { return _tree; }
        }

        /// <summary>The DM client (after <see cref="Start"/>).</summary>
        public DmClient Client
        {
            get { return _client; }
        }

        /// <summary>The FUMO agent (instance fumo1) driving <see cref="Slot"/>.</summary>
        public FumoAgent Fumo
        {
            get { return _fumo; }
        }

        /// <summary>The firmware slot FUMO stages into.</summary>
        public InFieldUpdateSlot Slot
        {
            get { return _slot; }
        }

        /// <summary>The device facts DevInfo reads.</summary>
        public Esp32DeviceFacts Facts
        {
            get { return _facts; }
        }

        /// <summary>The clock.</summary>
        public Esp32Clock Clock
        {
            get { return _clock; }
        }

        /// <summary>
        /// Reads the settings file and builds store, tree and built-in MOs. False (with the reason
        /// logged) when the settings file is missing or broken: nothing can work without it.
        /// </summary>
        public bool Prepare()
        {
            BoardSettings settings;
            BoardSettingsResult read = BoardSettings.TryLoad(BoardSettings.DefaultPath, out settings);
            if (read != BoardSettingsResult.Loaded)
            {
                Debug.WriteLine("settings " + BoardSettings.DefaultPath + ": " + Describe(read));
                return false;
            }

            _settings = settings;
            ImageType image = settings.FirmwareImage == "NanoClr" ? ImageType.NanoClr : ImageType.Deployment;
            _slot = new InFieldUpdateSlot(image, settings.SlotCapacityBytes);
            string devIdOverride = settings.Bootstrap == null ? null : settings.Bootstrap.DevId;
            _facts = new Esp32DeviceFacts(devIdOverride, _model, _appVersion, _slot.GetVersionText(OmaDm.Nano.Firmware.SlotId.Primary));

            _store = new RecordStore(new LittleFsFlashFiles(LittleFsFlashFiles.DefaultFolder));
            StoreResult loaded = _store.Load();
            if (loaded != StoreResult.Success)
            {
                Debug.WriteLine("record store: " + ((int)loaded).ToString());
                return false;
            }

            _tree = new ManagementTree(_store);
            _transport = CreateTransport(settings);
            if (_transport == null)
            {
                return false;
            }

            _client = new DmClient(_tree, _transport, _clock, _facts.DevId);
            DevInfoMo.Register(_tree, _facts);
            DmAccountMo.Register(_tree);

            _fumo = new FumoAgent(_tree, _slot, _transport, _clock, _client.Alerts.Stage);
            _fumo.AllowPlainHttp = settings.Bootstrap != null && settings.Bootstrap.AllowInsecure;
            _fumo.WorkScheduler = ScheduleFumoWork;
            _fumo.Register();
            return true;
        }

        /// <summary>
        /// HttpWebRequest unless the settings ask for a client certificate, which only the socket
        /// transport can present; null (and a log line) when the named certificate files are unusable,
        /// since falling back to no client certificate would only earn refusals from the server.
        /// </summary>
        private static IHttpTransport CreateTransport(BoardSettings settings)
        {
            X509Certificate root = Certificates.ParseCertificate(settings.ReadCaCertificate());
            if (!settings.WantsClientCertificate)
            {
                return new HttpWebRequestTransport(root);
            }

            X509Certificate client = null;
            if (settings.ClientCertificateFile != null)
            {
                byte[][] pair = settings.ReadClientCertificate();
                try
                {
                    client = pair == null ? null : Certificates.ParseClientCertificate(pair[0], pair[1], settings.ClientKeyPassword);
                }
                catch (Exception)
                {
                    // mbedTLS refused the certificate or key (format, or a wrong key password).
                    client = null;
                }

                if (client == null)
                {
                    Debug.WriteLine("client certificate: ClientCertificateFile/ClientKeyFile missing, over " + BoardSettings.MaxCertificateBytes.ToString() + " bytes, or rejected (format or key password)");
                    return null;
                }
            }

            return new SocketTransport(root, client, settings.UseDeviceCertificate, SslProtocols.Tls12);
        }

        /// <summary>
        /// Loads the stored tree, creates the DM Account from the settings on first boot, joins
        /// Wi-Fi and starts the notification listener. False when the store cannot be read or
        /// there is no usable DM Account.
        /// </summary>
        public bool Start()
        {
            StoreResult loaded = _tree.Load();
            if (loaded != StoreResult.Success)
            {
                Debug.WriteLine("management tree: " + ((int)loaded).ToString());
                return false;
            }

            if (!_client.LoadAccount())
            {
                // First boot: the core creates the DM Account from the settings and reports BootstrapComplete.
                if (_settings.Bootstrap == null || !_client.Bootstrap(_settings.Bootstrap))
                {
                    Debug.WriteLine("bootstrap failed: ServerId and an allowed ServerUri are required in the settings");
                    return false;
                }
            }

            _client.DevId = _facts.DevId;
            WifiConnector wifi = new WifiConnector(_settings.WifiSsid, _settings.WifiPassword);
            bool underTest = _slot.Status == OmaDm.Nano.Firmware.SlotStatus.Testing;
            if (!wifi.Connect(underTest ? WifiAttemptsUnderTest : WifiAttemptsBeforeReboot))
            {
                Debug.WriteLine("Wi-Fi failed (" + ((int)wifi.LastStatus).ToString() + "), restarting");
                DeviceReboot.Now();
            }

            if (_settings.NotificationPort > 0)
            {
                _listener = new NotificationListener(_settings.NotificationPort, OnDatagram);
                _listener.Start();
            }

            Debug.WriteLine("DevID " + _facts.DevId + ", server " + _client.Account.ServerUri);
            if (!_client.Account.IsUsable)
            {
                return false;
            }

            // A freshly swapped image proves itself with one DM session (FUMO confirms or reverts and
            // reports 200 or 410); does not return when it reverts (the board restarts).
            FumoRunResult settled = _fumo.Settle(HealthCheck);
            Debug.WriteLine("FUMO settle: " + ((int)settled).ToString());
            return true;
        }

        /// <summary>Runs sessions forever: at start, every interval, on a valid notification, and when app code asks.</summary>
        public void Run()
        {
            long nextSessionMs = 0;
            while (true)
            {
                SessionOutcome outcome = TakeNotification();
                if (outcome == null && (_clock.UptimeMs >= nextSessionMs || _client.SessionRequested))
                {
                    _client.LoadAccount(); // the server may have changed the account during the last session
                    outcome = _client.Run();
                }

                if (outcome != null)
                {
                    Debug.WriteLine("session: " + outcome.Describe());
                    if (!_settled)
                    {
                        SettleUntrackedImage(outcome.Result == SessionResult.Completed);
                    }

                    int waitSeconds = outcome.Result == SessionResult.Completed ? IntervalSeconds() : Min(IntervalSeconds(), RetryAfterFailureSeconds);
                    nextSessionMs = _clock.UptimeMs + (waitSeconds * 1000L);
                }

                long waitMs = nextSessionMs - _clock.UptimeMs;
                if (waitMs > 0)
                {
                    _wake.WaitOne(waitMs > int.MaxValue ? int.MaxValue : (int)waitMs, false);
                }
            }
        }

        /// <summary>
        /// Keeps or rejects an image under test that FUMO did not stage (e.g. one a host wrote over
        /// the wire protocol), after the first session of this boot: a completed session proves
        /// settings, Wi-Fi, TLS and the DM server work with it, so it is confirmed; a failed one
        /// schedules the revert and restarts. Images FUMO staged were settled in <see cref="Start"/>.
        /// </summary>
        public void SettleUntrackedImage(bool healthy)
        {
            _settled = true;
            if (_slot.Status != OmaDm.Nano.Firmware.SlotStatus.Testing)
            {
                return;
            }

            if (healthy)
            {
                Debug.WriteLine("new image healthy: confirm " + ((int)_slot.Confirm()).ToString());
                return;
            }

            Debug.WriteLine("new image failed its first session: revert " + ((int)_slot.RequestRevert()).ToString());
            _slot.Reboot();
        }

        private bool HealthCheck()
        {
            SessionOutcome outcome = _client.Run();
            Debug.WriteLine("health-check session: " + outcome.Describe());
            _settled = true;
            return outcome.Result == SessionResult.Completed;
        }

        private void ScheduleFumoWork()
        {
            _client.QueuePostSessionWork(RunFumoWork);
        }

        private void RunFumoWork(DmClient client, SessionOutcome outcome)
        {
            // Download (and swap: the board restarts inside) after the session that accepted the EXEC.
            FumoRunResult result = _fumo.RunPendingWork();
            Debug.WriteLine("FUMO work: " + ((int)result).ToString());
            if (result == FumoRunResult.Completed)
            {
                // The result alert is queued: report it now instead of at the next interval.
                client.RequestSession();
                _wake.Set();
            }
        }

        /// <summary>Wakes the session loop (e.g. after app code called <see cref="DmClient.RequestSession"/>).</summary>
        public void Wake()
        {
            _wake.Set();
        }

        private int IntervalSeconds()
        {
            DmAccountEntry entry = DmAccountMo.At(_tree, 0);
            string text = entry.Instance.GetText(PollIntervalPath);
            int seconds;
            if (text != null && int.TryParse(text, out seconds) && seconds >= BoardSettings.MinSessionIntervalSeconds)
            {
                return seconds;
            }

            return _settings.SessionIntervalSeconds;
        }

        private void OnDatagram(byte[] data, int count)
        {
            lock (_pendingLock)
            {
                // One pending notification is enough: a second one asks for the same thing.
                Array.Copy(data, 0, _pending, 0, count);
                _pendingCount = count;
            }

            _wake.Set();
        }

        /// <summary>Runs the session a pending, valid notification asks for; null when there is none (or it was refused).</summary>
        private SessionOutcome TakeNotification()
        {
            int count;
            lock (_pendingLock)
            {
                count = _pendingCount;
                if (count > 0)
                {
                    Array.Copy(_pending, 0, _work, 0, count);
                }

                _pendingCount = 0;
            }

            if (count == 0)
            {
                return null;
            }

            SessionOutcome outcome;
            NotificationResult result = _client.HandleNotification(_work, 0, count, out outcome);
            if (result != NotificationResult.Accepted)
            {
                Debug.WriteLine("notification refused: " + ((int)result).ToString());
            }

            return outcome;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }

        private static string Describe(BoardSettingsResult result)
        {
            switch (result)
            {
                case BoardSettingsResult.Missing: return "missing (deploy it with nanoff --filedeployment)";
                case BoardSettingsResult.TooLarge: return "too large";
                default: return "invalid JSON or a board member of the wrong type";
            }
        }
    }
}

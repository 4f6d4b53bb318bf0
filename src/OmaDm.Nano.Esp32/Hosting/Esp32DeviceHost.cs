using System;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Runtime.InFieldUpdate;
using OmaDm.Nano.Esp32.Firmware;
using OmaDm.Nano.Esp32.Http;
using OmaDm.Nano.Esp32.Net;
using OmaDm.Nano.Esp32.Platform;
using OmaDm.Nano.Esp32.Settings;
using OmaDm.Nano.Esp32.Storage;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Esp32.Hosting
{
    /// <summary>
    /// Wires the core to an ESP32: settings file, Wi-Fi, LittleFS record store, management tree
    /// with DevInfo and DM Account, HttpWebRequest transport, In-Field Update slot, DM
    /// Notification listener, and the session loop. Board apps add their own MOs between
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
            _tree = new ManagementTree(_store);
            DevInfoMo.Register(_tree, _facts);
            DmAccountMo.Register(_tree);
            return true;
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
                Debug.WriteLine("record store: " + ((int)loaded).ToString());
                return false;
            }

            byte[] ca = _settings.ReadCaCertificate();
            HttpWebRequestTransport transport = new HttpWebRequestTransport(HttpWebRequestTransport.ParseCertificate(ca));
            _client = new DmClient(_tree, transport, _clock, _facts.DevId);
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
            if (!wifi.Connect(WifiAttemptsBeforeReboot))
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
            return _client.Account.IsUsable;
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
                        Settle(outcome.Result == SessionResult.Completed);
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
        /// Keeps or rejects a freshly swapped image (IFU status Testing) after its first session:
        /// a completed session proves settings, Wi-Fi, TLS and the DM server all work with the new
        /// image, so it is confirmed; a failed one schedules the revert and restarts. Until this
        /// runs, any reset brings the previous image back, which bounds a hung health check.
        /// </summary>
        /// <remarks>
        /// The FUMO result alert (200 after a kept update, 410 after a revert) belongs to the
        /// core's FUMO state machine, which sees the outcome from the slot status on the next boot.
        /// </remarks>
        public void Settle(bool healthy)
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

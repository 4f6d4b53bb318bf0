using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Http;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Device;

/// <summary>
/// The composition root of the virtual device: state folder → record store → management tree
/// (DevInfo, DM Account, and whatever the partial hooks add) → <see cref="DmClient"/> over the
/// HttpClient transport. One instance is one boot of the device.
/// </summary>
/// <remarks>
/// Extension points for other parts (implement in another <c>VirtualDevice.*.cs</c> partial file):
/// <see cref="OnRegisterObjects"/> registers extra MO types/instances before the tree loads (FUMO,
/// firmware slot in <see cref="StateDirectory"/>, <see cref="Facts"/>.FirmwareVersion);
/// <see cref="OnBooted"/> runs after load and bootstrap, before the first session (boot settle of
/// a freshly swapped image). Work an EXEC starts goes through <see cref="DmClient.QueuePostSessionWork"/>
/// and runs inside <see cref="RunSession"/>; alerts go through <see cref="DmClient.Alerts"/>.
/// </remarks>
public sealed partial class VirtualDevice : IDisposable
{
    /// <summary>Store key of the DevID chosen at the first run.</summary>
    public const string DevIdKey = "device/devid";

    /// <summary>Subfolder of the state folder holding the record store files.</summary>
    public const string StoreFolder = "store";

    private readonly DeviceOptions _options;
    private readonly TextWriter _log;
    private readonly HttpClientTransport _http;

    /// <summary>Creates the device; nothing is read until <see cref="Boot"/>.</summary>
    public VirtualDevice(DeviceOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        StateDirectory = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(Path.Combine(StateDirectory, StoreFolder));
        Flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(Path.Combine(StateDirectory, StoreFolder)),
            options.PowerCutAfterOps, PowerCutMode.Seeded, options.PowerCutSeed);
        Store = new RecordStore(Flash);
        Tree = new ManagementTree(Store);
        Clock = new SystemClock();
        Facts = new HostDeviceFacts("pending");
        _http = new HttpClientTransport();
        Transport = new LoggingTransport(_http, log, options.Verbose);
        Client = new DmClient(Tree, Transport, Clock, null);
    }

    /// <summary>Absolute path of the state folder.</summary>
    public string StateDirectory { get; }

    /// <summary>The simulated flash (operation counter and power-cut switch).</summary>
    public FaultInjectingFlashFiles Flash { get; }

    /// <summary>Everything persistent.</summary>
    public RecordStore Store { get; }

    /// <summary>The MO tree.</summary>
    public ManagementTree Tree { get; }

    /// <summary>The DM client.</summary>
    public DmClient Client { get; }

    /// <summary>Device facts for DevInfo.</summary>
    public HostDeviceFacts Facts { get; }

    /// <summary>Clock.</summary>
    public IClock Clock { get; }

    /// <summary>The logging transport over HttpClient (repository downloads use it too).</summary>
    public IHttpTransport Transport { get; }

    /// <summary>The log every line goes to.</summary>
    public TextWriter Log => _log;

    /// <summary>True once the simulated flash lost power: the process must stop at once.</summary>
    public bool PowerLost => Flash.IsPowerOff;

    /// <summary>Loads state, picks the DevID, registers MOs, bootstraps a fresh device. Returns null or a one-line reason it cannot run.</summary>
    public string? Boot()
    {
        StoreResult loaded = Store.Load();
        if (loaded != StoreResult.Success)
        {
            return "cannot load the state folder's record store: " + loaded;
        }

        BootstrapSettings? settings = null;
        if (_options.SettingsFile is not null)
        {
            byte[] bytes = File.ReadAllBytes(_options.SettingsFile);
            if (!BootstrapSettings.TryParse(bytes, bytes.Length, out settings))
            {
                return "invalid settings file " + _options.SettingsFile;
            }
        }

        string devId = ChooseDevId(settings);
        Facts.DevId = devId;
        Client.DevId = devId;

        DevInfoMo.Register(Tree, Facts);
        DmAccountMo.Register(Tree);
        OnRegisterObjects();
        Tree.Load();
        Store.Commit(); // the DevID chosen at the first run

        if (!Client.LoadAccount())
        {
            settings ??= SettingsFromOptions(devId);
            if (settings is null)
            {
                return "no DM account in " + StateDirectory + ": give --server (or --settings) on the first run";
            }

            if (!Client.Bootstrap(settings))
            {
                return "bootstrap failed (server URL must be http(s); plain http only to loopback or with --allow-http)";
            }

            _log.WriteLine($"bootstrapped DM account {settings.ServerId} -> {settings.ServerUri}");
        }

        Client.DevId = devId;
        if (!Client.Account!.IsUsable)
        {
            return "DM account server URI " + Client.Account.ServerUri + " is not allowed (https required unless loopback or --allow-http)";
        }

        OnBooted();
        _log.WriteLine($"device {devId} ready, server {Client.Account.ServerUri} (SrvID {Client.Account.ServerId}, "
            + (Client.Account.UserName is null ? "no credentials" : "user " + Client.Account.UserName) + ")");
        return null;
    }

    /// <summary>Runs one session (and the post-session work it queued), logging the outcome.</summary>
    public SessionOutcome RunSession(SessionTrigger trigger = SessionTrigger.Client, string? notificationId = null)
    {
        SessionOutcome outcome = Client.Run(trigger, notificationId);
        _log.WriteLine("session " + outcome.Describe());
        return outcome;
    }

    /// <summary>
    /// The polling loop: a session at start and every <see cref="DeviceOptions.PollSeconds"/>, at once
    /// when app code requested one, and on every valid DM Notification. Returns an exit code.
    /// </summary>
    public int RunLoop(CancellationToken stop)
    {
        using var datagrams = new BlockingCollection<byte[]>(boundedCapacity: 16);
        using UdpClient? udp = _options.NotificationPort > 0 ? new UdpClient(new IPEndPoint(IPAddress.Loopback, _options.NotificationPort)) : null;
        if (udp is not null)
        {
            _log.WriteLine($"listening for DM notifications on udp 127.0.0.1:{_options.NotificationPort}");
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        UdpReceiveResult r = await udp.ReceiveAsync(stop);
                        datagrams.TryAdd(r.Buffer);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (SocketException)
                    {
                        // a bad datagram or an ICMP error: keep listening
                    }
                }
            });
        }

        bool due = true;
        while (!stop.IsCancellationRequested)
        {
            if (due || Client.SessionRequested)
            {
                RunSession();
                if (PowerLost)
                {
                    return ExitCodes.PowerCut;
                }
            }

            try
            {
                due = !datagrams.TryTake(out byte[]? datagram, _options.PollSeconds * 1000, stop);
                if (datagram is not null)
                {
                    NotificationResult verdict = Client.HandleNotification(datagram, 0, datagram.Length, out SessionOutcome? outcome);
                    _log.WriteLine("notification " + verdict + (outcome is null ? " (ignored)" : ": session " + outcome.Describe()));
                    if (PowerLost)
                    {
                        return ExitCodes.PowerCut;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Registers extra MO types and instances before the tree loads (FUMO hooks in here).</summary>
    partial void OnRegisterObjects();

    /// <summary>Runs after load and bootstrap, before the first session (boot settle hooks in here).</summary>
    partial void OnBooted();

    private string ChooseDevId(BootstrapSettings? settings)
    {
        byte[]? stored = Store.Get(DevIdKey);
        string? devId = _options.DevId ?? settings?.DevId ?? (stored is null ? null : Encoding.UTF8.GetString(stored));
        devId ??= "VIRT-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        if (stored is null || Encoding.UTF8.GetString(stored) != devId)
        {
            Store.Put(DevIdKey, Encoding.UTF8.GetBytes(devId));
        }

        return devId;
    }

    private BootstrapSettings? SettingsFromOptions(string devId)
    {
        if (_options.ServerUrl is null)
        {
            return null;
        }

        return new BootstrapSettings
        {
            ServerId = _options.ServerId,
            ServerUri = _options.ServerUrl,
            // RFC 7617: a Basic user-id cannot contain ':' (DevIDs like IMEI:... need an explicit --user)
            UserName = _options.UserName ?? (_options.Password is null || devId.Contains(':') ? null : devId),
            Password = _options.Password,
            NotificationSecret = _options.NotificationSecret,
            AllowInsecure = _options.AllowHttp,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

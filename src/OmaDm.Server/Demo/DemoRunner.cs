using System.Globalization;
using System.Security.Cryptography;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Devices;
using OmaDm.Server.Firmware;
using OmaDm.Server.Repository;
using Spectre.Console;

namespace OmaDm.Server.Demo;

/// <summary>
/// The README's main command: a throw-away server on loopback, two packed images, several
/// virtual devices enrolled at 1.0.0, a campaign to 1.1.0 over HGET with a dropped connection
/// and a power cut, live progress, a final table, and exit code 0 only when every device runs
/// 1.1.0. Bounded in time; every failure ends with a one-line reason.
/// </summary>
public sealed partial class DemoRunner
{
    /// <summary>Every device runs the new version.</summary>
    public const int ExitOk = 0;

    /// <summary>The campaign ended with devices not on the new version.</summary>
    public const int ExitNotAllUpdated = 1;

    /// <summary>Bad options.</summary>
    public const int ExitUsage = 2;

    /// <summary>The demo could not be set up (device build, server start, packing).</summary>
    public const int ExitSetupFailed = 3;

    /// <summary>The scenario did not finish within <see cref="DemoOptions.Timeout"/>.</summary>
    public const int ExitTimedOut = 4;

    private const string ServerId = "omadm-demo";
    private static readonly ImageVersion OldVersion = new(1, 0, 0, 0);
    private static readonly ImageVersion NewVersion = new(1, 1, 0, 0);

    private readonly DemoOptions _options;
    private readonly IAnsiConsole _console;
    private readonly DemoView _view;
    private readonly List<DemoDevice> _devices = new();

    /// <summary>Prepares a run; nothing happens until <see cref="RunAsync"/>.</summary>
    public DemoRunner(DemoOptions options, IAnsiConsole console)
    {
        _options = options;
        _console = console;
        _view = new DemoView(console);
    }

    /// <summary>The devices of the last run (tests read their notes).</summary>
    public IReadOnlyList<DemoDevice> Devices => _devices;

    /// <summary>Final rows of the last run.</summary>
    public IReadOnlyList<DemoDeviceRow> FinalRows { get; private set; } = Array.Empty<DemoDeviceRow>();

    /// <summary>Connections the repository dropped on purpose in the last run.</summary>
    public int DropsDone { get; private set; }

    /// <summary>Runs the demo; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancel)
    {
        if (_options.Validate() is string usage)
        {
            _view.Result(false, "demo: " + usage);
            return ExitUsage;
        }

        _console.MarkupLine("[bold]OmaDm.Nano demo[/]: a DM server, " + _options.Devices.ToString(CultureInfo.InvariantCulture)
            + " virtual devices and a firmware campaign 1.0.0 → 1.1.0 over HGET, on this machine only.");
        (string? deviceDll, string? buildError) = await DeviceProcess.LocateOrBuildAsync(_options.DeviceAssembly, _options.BuildTimeout, _view.Step, cancel);
        if (deviceDll is null)
        {
            _view.Result(false, "demo: " + buildError);
            return ExitSetupFailed;
        }
        var device = new DeviceProcess(deviceDll);

        string work = _options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "omadm-demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(work);
        string consolePassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '_').Replace('+', '-');
        _view.Step("work folder (database, images, device states): " + work);

        DmServer? server = null;
        try
        {
            server = DmServer.Build(new ServerOptions
            {
                Urls = "http://127.0.0.1:0",
                Database = Path.Combine(work, "demo.db"),
                ConsolePassword = consolePassword,
                EnableFaultInjection = true,
                ServerId = ServerId,
                PasswordIterations = 10_000, // a throw-away server with demo passwords
            });
            await server.StartAsync(cancel);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            _view.Result(false, "demo: the server did not start: " + e.Message);
            return ExitSetupFailed;
        }

        await using (server)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            bounded.CancelAfter(_options.Timeout);
            int code;
            try
            {
                code = await RunScenarioAsync(server, device, work, bounded.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                FinalRows = Rows(server, null);
                _view.Final(FinalRows, "timed out");
                _view.Result(false, string.Create(CultureInfo.InvariantCulture,
                    $"demo: not finished after {_options.Timeout.TotalSeconds:F0} s: {FinalRows.Count(r => !IsNew(r.Version))} device(s) not on {NewVersion.ToString()}"));
                code = ExitTimedOut;
            }
            DropsDone = server.Service<RepositoryFaults>().DropsDone;

            _console.MarkupLine("Web console: [link]" + Markup.Escape(server.BaseUrl + "/console/") + "[/]  password: "
                + Markup.Escape(consolePassword));
            if (_options.KeepRunning && !cancel.IsCancellationRequested)
            {
                _console.MarkupLine("The server keeps running; press Ctrl+C to stop it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop the server.
                }
            }
            else
            {
                _console.MarkupLine("[grey](the server stops with the demo; add --keep-running to browse the console afterwards)[/]");
            }
            return code;
        }
    }

    private static bool IsNew(string? version) => ImageVersion.TryParse(version, out ImageVersion v) && v == NewVersion;

    private static bool IsOld(string? version) => ImageVersion.TryParse(version, out ImageVersion v) && v == OldVersion;

    /// <summary>Device rows from the server's view (campaign state, progress, FwV) plus the demo's fault notes.</summary>
    private IReadOnlyList<DemoDeviceRow> Rows(DmServer server, long? campaignId)
    {
        DeviceRegistry registry = server.Service<DeviceRegistry>();
        Dictionary<string, CampaignDevice> progress = campaignId is long id
            ? server.Service<CampaignService>().Devices(id).ToDictionary(d => d.DevId, StringComparer.Ordinal)
            : new Dictionary<string, CampaignDevice>(StringComparer.Ordinal);
        return _devices.Select(d =>
        {
            string? version = registry.Get(d.DevId)?.FirmwareVersion;
            if (!progress.TryGetValue(d.DevId, out CampaignDevice? p))
            {
                return new DemoDeviceRow(d.DevId, version is null ? "enrolling" : "idle", null, version, null, d.FaultNote);
            }
            return new DemoDeviceRow(d.DevId, p.State.ToDisplayText(), p.PercentDone, version, p.ResultCode, d.FaultNote);
        }).ToList();
    }

    private static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes); // deterministic: the same demo image every run
        return bytes;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OmaDm.Nano.Benchmarks.Load;

/// <summary>
/// Load test (a benchmark, not a unit test): N devices poll one server concurrently on loopback
/// (SQLite file). One benchmark iteration = one polling round: every device has one queued GET
/// and all N run a full session (P1 → P2 → P3 → END) at the same time. BenchmarkDotNet reports
/// the round time; <see cref="GlobalCleanup"/> prints sessions per second, p50/p99/max session
/// latency, and checks that every status a device sent is stored as done (no lost statuses).
/// Run: see docs/console.md, section "Load test".
/// </summary>
[Config(typeof(LoadConfig))]
public class ServerLoadBenchmarks
{
    private const string FwVUri = "urn:oma:mo:oma-dm-devinfo:1.0//FwV";
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);

    private LoadServerProcess _server = null!;
    private HttpClient _admin = null!;
    private HttpClient _dm = null!;
    private LoadDevice[] _devices = Array.Empty<LoadDevice>();
    private long _groupId;
    private readonly ConcurrentBag<double> _latenciesMs = new();
    private double _roundSeconds;
    private int _rounds;

    /// <summary>Number of concurrently polling devices.</summary>
    [Params(100, 1000)]
    public int Devices { get; set; }

    /// <summary>Starts the server, enrols the devices in one group, runs one unmeasured round (PBKDF2 check, DevInfo read).</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _server = LoadServerProcess.Start();
        _admin = new HttpClient { BaseAddress = new Uri(_server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.AdminToken);
        _dm = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(_server.BaseUrl),
            Timeout = RoundTimeout,
        };
        string run = Guid.NewGuid().ToString("N")[..8];
        using (JsonDocument group = Post("/api/groups", new { name = "load-" + run }) ?? throw new InvalidOperationException("no group created"))
        {
            _groupId = group.RootElement.GetProperty("id").GetInt64();
        }
        _devices = Enumerable.Range(0, Devices).Select(i => new LoadDevice(_dm, $"load-{run}-{i:D5}", "pw-" + run + "-" + i)).ToArray();
        Parallel.ForEach(_devices, new ParallelOptions { MaxDegreeOfParallelism = 8 }, d =>
        {
            Post("/api/devices", new { devId = d.DevId, password = d.Password })?.Dispose();
            Post($"/api/groups/{_groupId}/members", new { devId = d.DevId })?.Dispose();
        });
        RunRound(record: false);
    }

    /// <summary>Queues one GET per device (not measured).</summary>
    [IterationSetup(Target = nameof(PollRound))]
    public void QueueOneCommandEach() => Post($"/api/groups/{_groupId}/commands", new { command = new[] { "GET", FwVUri } })?.Dispose();

    /// <summary>One polling round: every device runs one session, all at once.</summary>
    [Benchmark(Description = "poll round (N concurrent sessions)")]
    public void PollRound() => RunRound(record: true);

    /// <summary>
    /// Baseline, the HTTP floor: the same N clients each make the two sequential requests a
    /// one-command session needs (P1, P3), but to <c>/health</c> (no DM parsing, no SQLite).
    /// </summary>
    [Benchmark(Baseline = true, Description = "baseline: 2 x GET /health per device")]
    public void HealthRound()
    {
        using var cancel = new CancellationTokenSource(RoundTimeout);
        Task[] all = _devices.Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                using HttpResponseMessage r = await _dm.GetAsync("/health", cancel.Token);
                r.EnsureSuccessStatusCode();
            }
        })).ToArray();
        Task.WaitAll(all);
    }

    /// <summary>Prints throughput and latency; fails when a status was lost.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        try
        {
            double[] sorted = _latenciesMs.OrderBy(x => x).ToArray();
            long sent = _devices.Sum(d => (long)d.StatusesSent);
            long done = 0, notDone = 0;
            Parallel.ForEach(_devices, new ParallelOptions { MaxDegreeOfParallelism = 8 }, d =>
            {
                using JsonDocument list = JsonDocument.Parse(_admin.GetStringAsync($"/api/devices/{Uri.EscapeDataString(d.DevId)}/commands").GetAwaiter().GetResult());
                long ok = list.RootElement.EnumerateArray().Count(c => c.GetProperty("state").GetString() == "Done" && c.GetProperty("statusCode").GetInt32() == 200);
                Interlocked.Add(ref done, ok);
                Interlocked.Add(ref notDone, list.RootElement.GetArrayLength() - ok);
            });
            string summary = string.Create(CultureInfo.InvariantCulture,
                $"LOAD N={Devices}: {_rounds} measured round(s), {sorted.Length} sessions, {sorted.Length / Math.Max(_roundSeconds, 1e-9):F0} sessions/s, " +
                $"latency p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):F1} ms; " +
                $"statuses sent {sent}, stored done {done}, not done {notDone}");
            if (_rounds > 0) // the baseline case runs no sessions worth reporting
            {
                Console.WriteLine(summary);
                string results = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
                Directory.CreateDirectory(results);
                File.AppendAllText(Path.Combine(results, "load-summary.txt"), DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + summary + Environment.NewLine);
            }
            if (done != sent || notDone != 0)
            {
                throw new InvalidOperationException($"lost statuses: devices sent {sent}, server stored {done} done and {notDone} not done");
            }
        }
        finally
        {
            _dm.Dispose();
            _admin.Dispose();
            _server.Dispose();
        }
    }

    private void RunRound(bool record)
    {
        using var cancel = new CancellationTokenSource(RoundTimeout);
        var clock = Stopwatch.StartNew();
        Task<TimeSpan>[] sessions = _devices.Select(d => Task.Run(() => d.RunSessionAsync(cancel.Token))).ToArray();
        Task.WaitAll(sessions);
        clock.Stop();
        if (!record)
        {
            return;
        }
        foreach (Task<TimeSpan> s in sessions)
        {
            _latenciesMs.Add(s.Result.TotalMilliseconds);
        }
        _roundSeconds += clock.Elapsed.TotalSeconds;
        _rounds++;
    }

    private JsonDocument? Post(string path, object body)
    {
        using HttpResponseMessage r = _admin.PostAsJsonAsync(path, body).GetAwaiter().GetResult();
        if (!r.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: HTTP {(int)r.StatusCode} {r.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
        string text = r.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return text.Length == 0 ? null : JsonDocument.Parse(text);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Macro-benchmark settings: in-process (the server is the separate process), few measured rounds, no BDN warm-up (GlobalSetup ran one).</summary>
    private sealed class LoadConfig : ManualConfig
    {
        public LoadConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }
}

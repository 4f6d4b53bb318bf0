using BenchmarkDotNet.Attributes;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Benchmarks.Storage;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Benchmarks.Session;

/// <summary>
/// Bytes allocated by whole DM sessions through the real DmClient (in-memory transport that
/// allocates nothing itself). Target (issue 3): a session P1 → 3 packages → END under 4 KiB after
/// warm-up, excluding payload data. Baseline: the shortest session, P1 → END.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SessionBenchmarks
{
    /// <summary>Three Package#2s of typical work, then END. No GET: GET results are payload.</summary>
    public static readonly string[] ThreePackages =
    [
        "{\"CMD\":[[\"EXEC\",\"urn:oma:mo:bench:1.0//Reboot\"],[\"DELETE\",\"urn:oma:mo:bench:1.0//Name\"]]}",
        "{\"CMD\":[[\"EXEC\",\"urn:oma:mo:bench:1.0//Reboot\"],[\"SUB\",\"x\"]]}",
        "{\"CMD\":[[\"CONT\",\"https://dm.example.com/dm\"],[\"EXEC\",\"urn:oma:mo:bench:1.0//Reboot\"]]}",
        "{\"CMD\":[[\"END\"]]}",
    ];

    /// <summary>The same three packages with GETs (results carried in Package#3: payload).</summary>
    public static readonly string[] ThreePackagesWithGets =
    [
        "{\"CMD\":[[\"GET\",\"urn:oma:mo:bench:1.0//Name\"],[\"EXEC\",\"urn:oma:mo:bench:1.0//Reboot\"]]}",
        "{\"CMD\":[[\"GET\",\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"],[\"SUB\",\"x\"]]}",
        "{\"CMD\":[[\"GET\",\"urn:oma:mo:bench:1.0//Name\"],[\"EXEC\",\"urn:oma:mo:bench:1.0//Reboot\"]]}",
        "{\"CMD\":[[\"END\"]]}",
    ];

    /// <summary>One Package#2 of 10,000 DELETEs (answered 405: permanent node), then END.</summary>
    public static readonly string[] TenThousandCommands =
    [
        "{\"CMD\":[" + string.Join(",", Enumerable.Repeat("[\"DELETE\",\"urn:oma:mo:bench:1.0//Name\"]", 10_000)) + "]}",
        "{\"CMD\":[[\"END\"]]}",
    ];

    private DmClient _tenThousand = null!;
    private BenchTransport _tenThousandTransport = null!;
    private DmClient _endOnly = null!;
    private DmClient _three = null!;
    private DmClient _threeWithGets = null!;
    private BenchTransport _endTransport = null!;
    private BenchTransport _threeTransport = null!;
    private BenchTransport _getsTransport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _endTransport = new BenchTransport("{\"CMD\":[[\"END\"]]}");
        _threeTransport = new BenchTransport(ThreePackages);
        _getsTransport = new BenchTransport(ThreePackagesWithGets);
        _endOnly = Create(_endTransport);
        _three = Create(_threeTransport);
        _threeWithGets = Create(_getsTransport);
        _tenThousandTransport = new BenchTransport(TenThousandCommands);
        _tenThousand = Create(_tenThousandTransport);
    }

    /// <summary>A device tree like the virtual device's (DevInfo, DMAcc) plus a small app MO.</summary>
    public static DmClient Create(BenchTransport transport)
    {
        var store = new RecordStore(new CountingMemoryFlash());
        store.Load();
        var tree = new ManagementTree(store);
        DevInfoMo.Register(tree, new HostDeviceFacts("BENCH-0001"));
        DmAccountMo.Register(tree);
        var bench = new MoType("urn:oma:mo:bench:1.0", "http://x/ddf");
        bench.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Get)).DefaultText = "bench";
        bench.Root.Add(MoNode.Leaf("Reboot", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ => 200;
        tree.Register(bench);
        tree.AddInstance("urn:oma:mo:bench:1.0", "b1");
        tree.Load();
        var client = new DmClient(tree, transport, new SystemClock(), "BENCH-0001")
        {
            Account = new DmAccount { ServerId = "srv", ServerUri = "https://dm.example.com/dm", UserName = "u", Password = "p" },
        };
        for (int i = 0; i < 3; i++)
        {
            transport.Reset();
            if (client.Run().Result != SessionResult.Completed)
            {
                throw new InvalidOperationException("benchmark session did not complete");
            }
        }

        return client;
    }

    /// <summary>P1 → END (baseline).</summary>
    [Benchmark(Baseline = true)]
    public SessionResult P1ThenEnd()
    {
        _endTransport.Reset();
        return _endOnly.Run().Result;
    }

    /// <summary>P1 → 3 packages (EXEC, DELETE, SUB, CONT) → END.</summary>
    [Benchmark]
    public SessionResult ThreePackagesThenEnd()
    {
        _threeTransport.Reset();
        return _three.Run().Result;
    }

    /// <summary>P1 → one package of 10,000 commands → END: allocations must not grow with the command count.</summary>
    [Benchmark]
    public SessionResult TenThousandCommandsThenEnd()
    {
        _tenThousandTransport.Reset();
        return _tenThousand.Run().Result;
    }

    /// <summary>P1 → 3 packages with GETs (result payload included) → END.</summary>
    [Benchmark]
    public SessionResult ThreePackagesWithGetsThenEnd()
    {
        _getsTransport.Reset();
        return _threeWithGets.Run().Result;
    }
}

using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

/// <summary>
/// Exhaustive power-cut tests over a real temp directory: every operation index of each scenario,
/// each applicable cut mode (applied / not applied / torn write at two seeded lengths).
/// </summary>
[TestClass]
public sealed class RecordStoreCrashPointTests
{
    public TestContext TestContext { get; set; } = null!;

    private static Change Put(string key, string value) => new(key, StoreState.Utf8(value));

    private static Change Del(string key) => new(key, null);

    private static IReadOnlyList<Change> DeviceBaseline() =>
    [
        Put("mo-i/urn:oma:mo:oma-dm-devinfo:1.0/", ""),
        Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//DevId", "IMEI:490154203237518"),
        Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//Man", "Espressif"),
        Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//Mod", "ESP32-WROOM-32"),
        Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV", "1.0.0"),
        Put("mo-i/urn:oma:mo:oma-dm-dmacc:1.2/acc1", ""),
        Put("mo/urn:oma:mo:oma-dm-dmacc:1.2/acc1/ServerID", "dm.example.com"),
        Put("mo/urn:oma:mo:oma-dm-dmacc:1.2/acc1/AppAddr/SrvURI", "https://dm.example.com/omadm"),
        Put("mo/urn:oma:mo:oma-dm-dmacc:1.2/acc1/AppAuth/ClientCred/AAuthName", "device-0042"),
        Put("mo/urn:oma:mo:oma-dm-dmacc:1.2/acc1/AppAuth/ClientCred/AAuthSecret", "s3cr3t-v4lue"),
        Put("default/urn:oma:mo:oma-fumo:1.0", "https://repo.example.com/fumo-defaults.json"),
    ];

    private void Report(CrashRunSummary summary)
    {
        TestContext.WriteLine($"{summary.Scenario}: {summary.Operations} operations, {summary.CrashPoints} crash points tried, landed old {summary.LandedOld}, new {summary.LandedNew}");
        Assert.IsGreaterThan(0, summary.LandedOld, "some cuts must leave the old state");
        Assert.IsGreaterThan(0, summary.LandedNew, "some cuts must land the commit");
    }

    [TestMethod]
    public void FirstBoot_CutAtEveryOperation_OldOrNewState()
    {
        var summary = CrashHarness.Run(new CrashScenario("first boot", _ => { }, [DeviceBaseline()]));
        Report(summary);
    }

    [TestMethod]
    public void CommitOf50Keys_CutAtEveryOperation_OldOrNewState()
    {
        var session = new List<Change> { Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV", "1.1.0"), Del("default/urn:oma:mo:oma-fumo:1.0") };
        for (int i = 0; session.Count < 50; i++)
        {
            session.Add(Put($"mo/urn:oma:mo:acme-sensor:1.0/s{i % 7}/Readings/{i}/Value", (20.5 + i * 0.25).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        }
        var summary = CrashHarness.Run(new CrashScenario("one commit of 50 keys", dir => CrashHarness.CommitAll(dir, [DeviceBaseline()]), [session]));
        Assert.AreEqual(50, session.Count);
        Report(summary);
    }

    [TestMethod]
    public void CommitSequenceWithCompaction_CutAtEveryOperation_OldOrNewState()
    {
        IReadOnlyList<Change> Round(int r) =>
        [
            Put($"mo/urn:oma:mo:acme-sensor:1.0/s1/Counter", r.ToString()),
            Put($"noti/seen/{r:D6}", "1"),
            Del($"noti/seen/{r - 3:D6}"),
        ];
        var setup = Enumerable.Range(1, RecordStore.CompactAfterSegmentFiles - 4).Select(Round).ToList();
        var commits = Enumerable.Range(100, 6).Select(Round).ToList();
        var summary = CrashHarness.Run(new CrashScenario("commit sequence crossing compaction", dir =>
        {
            CrashHarness.CommitAll(dir, [DeviceBaseline()]);
            CrashHarness.CommitAll(dir, setup);
        }, commits));
        Assert.IsGreaterThan(0, summary.CrashPoints);
        Report(summary);
    }

    [TestMethod]
    public void AlertQueuedThenRemoved_CutAtEveryOperation_OldOrNewState()
    {
        const string alert = "{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate.downloadandupdate\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate\",\"DataType\":\"int\",\"Data\":\"200\",\"Correlator\":\"c-17\"}";
        var summary = CrashHarness.Run(new CrashScenario("alert queued then removed", dir => CrashHarness.CommitAll(dir, [DeviceBaseline()]),
        [
            [Put("alert/0000000001", alert), Put("alert-next", "2")],
            [Del("alert/0000000001")],
        ]));
        Report(summary);
    }

    [TestMethod]
    public void BootAfterEarlierCrash_CutAtEveryOperation_OldOrNewState()
    {
        // The folder holds a torn segment and an unfinished compaction: Load's clean-up deletes are cut too.
        var summary = CrashHarness.Run(new CrashScenario("boot over leftovers of an earlier crash", dir =>
        {
            CrashHarness.CommitAll(dir, [DeviceBaseline(), [Put("a", "1")]]);
            var counting = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir));
            Assert.AreEqual(StoreResult.Success, new RecordStore(counting).Load());
            var torn = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir), counting.Operations + 2, PowerCutMode.TornWrite, seed: 3);
            var done = 0;
            try
            {
                CrashHarness.RunWorkload(torn, [[Put("lost", "x")]], ref done);
                Assert.Fail("the setup cut must fire");
            }
            catch (PowerCutException)
            {
                // Leaves seg-0000000003.log torn.
            }
            File.WriteAllBytes(Path.Combine(dir, "snap-0000000009.tmp"), [1, 2, 3]);
        }, [[Put("b", "2"), Del("a")]]));
        Report(summary);
    }

    [TestMethod]
    public void CommitOf50Keys_TornThroughEveryWrite_OldState()
    {
        var session = Enumerable.Range(0, 50).Select(i => Put($"mo/urn:oma:mo:acme-sensor:1.0/s1/Readings/{i}/Value", (i * 3).ToString())).ToList();
        using var prepared = new TempDirectory();
        CrashHarness.CommitAll(prepared.Path, [DeviceBaseline()]);
        var before = CrashHarness.LoadState(prepared.Path);
        var after = StoreState.Apply(before, session.Select(c => (c.Key, c.Value)));
        IReadOnlyList<string> log;
        using (var probe = prepared.Copy())
        {
            var counting = new FaultInjectingFlashFiles(new DirectoryFlashFiles(probe.Path), recordLog: true);
            var done = 0;
            CrashHarness.RunWorkload(counting, [session], ref done);
            log = counting.Log;
        }

        int tried = 0;
        for (int n = 1; n <= log.Count; n++)
        {
            var parts = log[n - 1].Split(' ');
            if (parts[1] != "write")
            {
                continue;
            }
            int count = int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
            // Every prefix length is covered in memory by the shared RecordStoreRecoveryTests; on real files
            // the edges of each write and a stride through the middle keep this test in seconds.
            foreach (var landed in Enumerable.Range(0, count).Where(b => b < 8 || b >= count - 8 || b % 17 == 0))
            {
                using var dir = prepared.Copy();
                var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), n, PowerCutMode.TornWrite) { TornWriteLength = landed };
                var done = 0;
                try
                {
                    CrashHarness.RunWorkload(flash, [session], ref done);
                }
                catch (PowerCutException)
                {
                }
                Assert.IsTrue(flash.IsPowerOff);
                var state = CrashHarness.LoadState(dir.Path);
                Assert.IsTrue(StoreState.Same(before, state), $"write op {n} torn at {landed} of {count} bytes: the commit must not land");
                tried++;
            }
        }
        TestContext.WriteLine($"one commit of 50 keys, torn writes: {tried} crash points tried");
        Assert.IsGreaterThan(200, tried, "a 50-key commit spans several 512-byte writes");
        Assert.IsTrue(StoreState.Same(after, StoreState.Apply(before, session.Select(c => (c.Key, c.Value)))));
    }
}

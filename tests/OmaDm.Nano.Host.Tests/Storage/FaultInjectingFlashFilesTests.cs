using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

[TestClass]
public sealed class FaultInjectingFlashFilesTests
{
    private static void WriteFile(IFlashFiles files, string name, params byte[][] chunks)
    {
        using var s = files.Create(name);
        foreach (var chunk in chunks)
        {
            s.Write(chunk, 0, chunk.Length);
        }
    }

    [TestMethod]
    public void Operations_EveryPrimitive_CountedOnce()
    {
        using var dir = new TempDirectory();
        var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), recordLog: true);

        WriteFile(flash, "a", [1, 2], [3]);        // create, write, write, close = 4
        flash.Exists("a");                          // 5
        flash.List();                               // 6
        using (var r = flash.OpenRead("a"))         // 7 (open) + 8 (close)
        {
            Assert.AreEqual(3, r.Read(new byte[4], 0, 4)); // reads are not counted
        }
        flash.Rename("a", "b");                     // 9
        flash.Delete("b");                          // 10
        Assert.IsNull(flash.OpenRead("b"));         // 11

        Assert.AreEqual(11L, flash.Operations, string.Join("; ", flash.Log));
        Assert.AreEqual(2, flash.WriteCalls);
        Assert.AreEqual(3L, flash.BytesWritten);
        Assert.AreEqual(1, flash.Creates);
        Assert.AreEqual(1, flash.Renames);
        Assert.AreEqual(1, flash.Deletes);
    }

    [TestMethod]
    public void PowerCut_AtCreate_AppliedOrNot()
    {
        using var applied = new TempDirectory();
        using var notApplied = new TempDirectory();

        Assert.ThrowsExactly<PowerCutException>(() => new FaultInjectingFlashFiles(new DirectoryFlashFiles(applied.Path), 1, PowerCutMode.Applied).Create("a"));
        Assert.ThrowsExactly<PowerCutException>(() => new FaultInjectingFlashFiles(new DirectoryFlashFiles(notApplied.Path), 1, PowerCutMode.NotApplied).Create("a"));

        CollectionAssert.AreEqual(new[] { "a" }, applied.FileNames);
        Assert.IsEmpty(notApplied.FileNames);
    }

    [TestMethod]
    public void PowerCut_TornWrite_LandsOnlyAPrefixAndKillsTheRest()
    {
        using var dir = new TempDirectory();
        var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), 3, PowerCutMode.TornWrite) { TornWriteLength = 3 };

        var ex = Assert.ThrowsExactly<PowerCutException>(() => WriteFile(flash, "a", [1, 1], [2, 2, 2, 2, 2], [3]));
        Assert.AreEqual(3L, ex.Operation);
        CollectionAssert.AreEqual(new byte[] { 1, 1, 2, 2, 2 }, File.ReadAllBytes(Path.Combine(dir.Path, "a")));
        Assert.IsTrue(flash.IsPowerOff);
        Assert.ThrowsExactly<PowerCutException>(() => flash.List());
        Assert.ThrowsExactly<PowerCutException>(() => flash.Exists("a"));
        Assert.ThrowsExactly<PowerCutException>(() => flash.Delete("a"));
        Assert.IsTrue(File.Exists(Path.Combine(dir.Path, "a")), "nothing runs after the cut");
    }

    [TestMethod]
    public void PowerCut_SeededTornLength_IsReproducible()
    {
        long Landed(int seed)
        {
            using var dir = new TempDirectory();
            var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), 2, PowerCutMode.TornWrite, seed);
            Assert.ThrowsExactly<PowerCutException>(() => WriteFile(flash, "a", new byte[1000]));
            return new FileInfo(Path.Combine(dir.Path, "a")).Length;
        }

        Assert.AreEqual(Landed(42), Landed(42));
        Assert.IsLessThan(1000L, Landed(42));
        Assert.IsTrue(Enumerable.Range(1, 10).Select(Landed).Distinct().Count() > 1, "different seeds tear at different bytes");
    }

    [TestMethod]
    public void PowerCut_AtRenameOrDelete_AppliedOrNot()
    {
        foreach (var (mode, expectRenamed) in new[] { (PowerCutMode.Applied, true), (PowerCutMode.NotApplied, false) })
        {
            using var dir = new TempDirectory();
            File.WriteAllBytes(Path.Combine(dir.Path, "x.tmp"), [1]);
            var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), 1, mode);
            Assert.ThrowsExactly<PowerCutException>(() => flash.Rename("x.tmp", "x.dat"));
            CollectionAssert.AreEqual(new[] { expectRenamed ? "x.dat" : "x.tmp" }, dir.FileNames);
        }
    }

    [TestMethod]
    public void RecordStore_PowerCutDuringCommit_PropagatesInsteadOfResult()
    {
        using var dir = new TempDirectory();
        var counting = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path));
        var store = new RecordStore(counting);
        store.Load();
        var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), counting.Operations + 2, PowerCutMode.TornWrite, seed: 1);
        store = new RecordStore(flash);
        store.Load();
        store.Put("k", [1]);

        Assert.ThrowsExactly<PowerCutException>(() => store.Commit(), "a power cut stops the simulated process; it is not a WriteFailed");
    }

    [TestMethod]
    public void RecordStore_OverDirectory_SurvivesReopen()
    {
        using var dir = new TempDirectory();
        var store = new RecordStore(new DirectoryFlashFiles(dir.Path));
        store.Load();
        store.Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV", "1.0.0"u8.ToArray());
        Assert.AreEqual(StoreResult.Success, store.Commit());

        var reopened = new RecordStore(new DirectoryFlashFiles(dir.Path));
        Assert.AreEqual(StoreResult.Success, reopened.Load());
        CollectionAssert.AreEqual("1.0.0"u8.ToArray(), reopened.Get("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV"));
        CollectionAssert.AreEqual(new[] { "seg-0000000001.log" }, dir.FileNames);
    }
}

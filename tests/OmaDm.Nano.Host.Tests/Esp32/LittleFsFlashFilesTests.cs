using System.Text;
using OmaDm.Nano.Esp32.Storage;
using OmaDm.Nano.Host.Tests.Storage;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>
/// The ESP32 flash-file binding over a real folder (System.IO behaves like nanoFramework's on the
/// points the store relies on: create/truncate, rename, delete, list). The RecordStore test runs the
/// storage helper's store on this binding end to end.
/// </summary>
[TestClass]
public sealed class LittleFsFlashFilesTests
{
    [TestMethod]
    public void Constructor_MissingFolder_IsCreated()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "omadm");

        _ = new LittleFsFlashFiles(folder);

        Assert.IsTrue(Directory.Exists(folder));
    }

    [TestMethod]
    public void CreateThenOpenRead_ReturnsWhatWasWritten()
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);
        using (var s = files.Create("a.seg"))
        {
            s.Write(Encoding.UTF8.GetBytes("hello"));
        }

        using var read = files.OpenRead("a.seg");
        using var reader = new StreamReader(read!);
        Assert.AreEqual("hello", reader.ReadToEnd());
        Assert.IsTrue(files.Exists("a.seg"));
    }

    [TestMethod]
    public void Create_ExistingFile_Truncates()
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "x"), "a long old value");
        using (var s = files.Create("x"))
        {
            s.Write(new byte[] { 1, 2 });
        }

        Assert.AreEqual(2, new FileInfo(Path.Combine(temp.Path, "x")).Length);
    }

    [TestMethod]
    public void OpenRead_Missing_IsNull()
    {
        using var temp = new TempDirectory();
        Assert.IsNull(new LittleFsFlashFiles(temp.Path).OpenRead("nope"));
    }

    [TestMethod]
    public void Delete_Missing_IsNoOp()
    {
        using var temp = new TempDirectory();
        new LittleFsFlashFiles(temp.Path).Delete("nope");
        Assert.IsEmpty(Directory.GetFiles(temp.Path));
    }

    [TestMethod]
    public void Rename_MovesTheFile()
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "tmp"), "v");

        files.Rename("tmp", "final");

        Assert.IsFalse(files.Exists("tmp"));
        Assert.AreEqual("v", File.ReadAllText(Path.Combine(temp.Path, "final")));
    }

    [TestMethod]
    public void Rename_TargetExists_ThrowsAndKeepsBoth()
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "a"), "new");
        File.WriteAllText(Path.Combine(temp.Path, "b"), "old");

        Assert.ThrowsExactly<IOException>(() => files.Rename("a", "b"));

        Assert.AreEqual("old", File.ReadAllText(Path.Combine(temp.Path, "b")), "the contract: the target must not exist, nothing is overwritten");
        Assert.IsTrue(files.Exists("a"));
    }

    [TestMethod]
    public void List_GivesNamesWithoutFolder()
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "one"), "1");
        File.WriteAllText(Path.Combine(temp.Path, "two"), "2");

        CollectionAssert.AreEquivalent(new[] { "one", "two" }, files.List());
    }

    [TestMethod]
    [DataRow("..")]
    [DataRow("../escape")]
    [DataRow("a\\b")]
    [DataRow("a/b")]
    [DataRow("I:x")]
    [DataRow("")]
    [DataRow("with space")]
    [DataRow("tab\t")]
    [DataRow("ü")]
    public void Operations_NameThatCouldLeaveTheFolder_AreRefused(string name)
    {
        using var temp = new TempDirectory();
        var files = new LittleFsFlashFiles(temp.Path);

        Assert.IsFalse(LittleFsFlashFiles.IsValidName(name));
        Assert.ThrowsExactly<ArgumentException>(() => files.Create(name));
        Assert.ThrowsExactly<ArgumentException>(() => files.OpenRead(name));
    }

    [TestMethod]
    public void IsValidName_StoreStyleNames_AreAccepted()
    {
        Assert.IsTrue(LittleFsFlashFiles.IsValidName("seg-0000000001.log"));
        Assert.IsTrue(LittleFsFlashFiles.IsValidName("snapshot.tmp"));
        Assert.IsFalse(LittleFsFlashFiles.IsValidName(new string('a', LittleFsFlashFiles.MaxNameChars + 1)));
    }

    [TestMethod]
    public void RecordStore_OverThisBinding_SurvivesAReload()
    {
        using var temp = new TempDirectory();
        var store = new RecordStore(new LittleFsFlashFiles(temp.Path));
        Assert.AreEqual(StoreResult.Success, store.Load());
        store.Put("mo/urn:oma:mo:x-omadm-nano-board:1.0/board/Led/State", Encoding.UTF8.GetBytes("true"));
        store.Put("alert/0000000001", Encoding.UTF8.GetBytes("{}"));
        Assert.AreEqual(StoreResult.Success, store.Commit());

        var again = new RecordStore(new LittleFsFlashFiles(temp.Path));
        Assert.AreEqual(StoreResult.Success, again.Load());

        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("true"), again.Get("mo/urn:oma:mo:x-omadm-nano-board:1.0/board/Led/State"));
        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("{}"), again.Get("alert/0000000001"));
    }
}

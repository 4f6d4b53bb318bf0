using OmaDm.Nano.Host.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

[TestClass]
public sealed class DirectoryFlashFilesTests
{
    [TestMethod]
    public void Create_WriteAndClose_OpenReadReturnsBytes()
    {
        using var dir = new TempDirectory();
        var files = new DirectoryFlashFiles(dir.Path);
        using (var s = files.Create("a.bin"))
        {
            s.Write([1, 2, 3], 0, 3);
        }
        using var read = files.OpenRead("a.bin");
        var buffer = new byte[8];
        Assert.AreEqual(3, read.Read(buffer, 0, 8));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, buffer[..3]);
        CollectionAssert.AreEqual(new[] { "a.bin" }, files.List());
        Assert.IsTrue(files.Exists("a.bin"));
    }

    [TestMethod]
    public void Create_ExistingFile_Truncates()
    {
        using var dir = new TempDirectory();
        var files = new DirectoryFlashFiles(dir.Path);
        File.WriteAllBytes(Path.Combine(dir.Path, "a.bin"), new byte[100]);
        using (var s = files.Create("a.bin"))
        {
            s.Write([7], 0, 1);
        }
        Assert.AreEqual(1L, new FileInfo(Path.Combine(dir.Path, "a.bin")).Length);
    }

    [TestMethod]
    public void OpenReadAndDelete_MissingFile_NullAndNoOp()
    {
        using var dir = new TempDirectory();
        var files = new DirectoryFlashFiles(dir.Path);
        Assert.IsNull(files.OpenRead("missing"));
        Assert.IsFalse(files.Exists("missing"));
        files.Delete("missing");
        Assert.IsEmpty(files.List());
    }

    [TestMethod]
    public void Rename_MovesAndRefusesExistingTarget()
    {
        using var dir = new TempDirectory();
        var files = new DirectoryFlashFiles(dir.Path);
        File.WriteAllBytes(Path.Combine(dir.Path, "a"), [1]);
        File.WriteAllBytes(Path.Combine(dir.Path, "c"), [3]);

        files.Rename("a", "b");
        CollectionAssert.AreEqual(new[] { "b", "c" }, dir.FileNames);
        Assert.ThrowsExactly<IOException>(() => files.Rename("b", "c"), "the contract: the target must not exist");
        Assert.ThrowsExactly<FileNotFoundException>(() => files.Rename("nope", "d"));
    }

    [TestMethod]
    public void Names_WithPathParts_AreRejected()
    {
        using var dir = new TempDirectory();
        var files = new DirectoryFlashFiles(dir.Path);
        Assert.ThrowsExactly<ArgumentException>(() => files.Create("../escape"));
        Assert.ThrowsExactly<ArgumentException>(() => files.Delete("sub/file"));
        Assert.ThrowsExactly<ArgumentException>(() => files.OpenRead(".."));
        Assert.ThrowsExactly<ArgumentException>(() => files.Exists(""));
    }

    [TestMethod]
    public void Constructor_MissingFolder_CreatesIt()
    {
        using var dir = new TempDirectory();
        var nested = Path.Combine(dir.Path, "state", "store");
        var files = new DirectoryFlashFiles(nested);
        Assert.IsTrue(Directory.Exists(nested));
        Assert.AreEqual(nested, files.Directory);
    }
}

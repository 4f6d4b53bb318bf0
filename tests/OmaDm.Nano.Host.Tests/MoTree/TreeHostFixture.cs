using System.Text;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Json;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Host.Tests.MoTree;

/// <summary>A management tree over a real record store in a temp folder, with one all-formats MO type.</summary>
internal sealed class TreeHostFixture : IDisposable
{
    public const string Moid = "urn:oma:mo:host-test:1.0";

    public TreeHostFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "omadm-tree-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = new RecordStore(new DirectoryFlashFiles(Folder));
        Assert.AreEqual(StoreResult.Success, Store.Load());
        Tree = new ManagementTree(Store);
        var type = new MoType(Moid, "http://example.com/host.ddf");
        type.AllowServerCreate = true;
        const AccessRights rw = AccessRights.Get | AccessRights.Replace;
        type.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, rw));
        type.Root.Add(MoNode.Leaf("Count", NodeFormat.Int, rw));
        type.Root.Add(MoNode.Leaf("Ratio", NodeFormat.Float, rw));
        type.Root.Add(MoNode.Leaf("On", NodeFormat.Bool, rw));
        type.Root.Add(MoNode.Leaf("Blob", NodeFormat.Bin, rw)).MaxValueBytes = 64;
        MoNode items = type.Root.Add(MoNode.Interior("Items", AccessRights.Get));
        items.Add(MoNode.Placeholder(NodeFormat.Node, AccessRights.Get | AccessRights.Add | AccessRights.Delete))
            .Add(MoNode.Leaf("Value", NodeFormat.Chr, rw));
        Tree.Register(type);
    }

    public string Folder { get; }
    public RecordStore Store { get; }
    public ManagementTree Tree { get; }

    public static ClientUri Uri(string text)
    {
        Assert.IsTrue(ClientUri.TryParse(text, out ClientUri uri, out _), text);
        return uri;
    }

    public byte[] Get(string uri, out int status)
    {
        var output = new MemoryStream();
        var writer = new JsonWriter(output, new byte[128]);
        status = Tree.WriteGetStatus(Uri(uri), "srv", writer);
        writer.Flush();
        return output.ToArray();
    }

    public int Write(string uri, string contentType, byte[] body) =>
        Tree.WriteFromBody(Uri(uri), "srv", contentType, new MemoryStream(body), body.Length);

    public int Write(string uri, string contentType, string body) => Write(uri, contentType, Encoding.UTF8.GetBytes(body));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

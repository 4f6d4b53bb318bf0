using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Http;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Host.Tests.Integration;

/// <summary>
/// The real DmClient over the real HttpClient transport, with an in-memory store and a small tree:
/// the seed's FUMO-like <c>Update</c> node, and a test MO with every kind of node.
/// </summary>
public sealed class IntegrationDevice : IDisposable
{
    public const string FumoMoid = "urn:oma:mo:oma-fumo:1.0";
    public const string TestMoid = "urn:oma:mo:test-dev:1.0";

    public IntegrationDevice(string serverUrl)
    {
        Directory = Path.Combine(Path.GetTempPath(), "omadm-it-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Flash = new DirectoryFlashFiles(Directory);
        Transport = new HttpClientTransport();
        Boot(serverUrl);
    }

    public string Directory { get; }
    public DirectoryFlashFiles Flash { get; }
    public HttpClientTransport Transport { get; }
    public RecordStore Store { get; private set; } = null!;
    public ManagementTree Tree { get; private set; } = null!;
    public DmClient Client { get; private set; } = null!;
    public MoInstance Test { get; private set; } = null!;
    public int UpdateCalls;
    public int RebootCalls;

    public void Boot(string serverUrl)
    {
        Store = new RecordStore(Flash);
        Store.Load();
        Tree = new ManagementTree(Store);

        var fumo = new MoType(FumoMoid, "http://www.vendor.com/DDF/oma-fumo1.0.ddf");
        fumo.Root.Add(MoNode.Leaf("PkgName", NodeFormat.Chr, AccessRights.Get | AccessRights.Replace)).DefaultText = "none";
        fumo.Root.Add(MoNode.Leaf("Update", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ =>
        {
            UpdateCalls++;
            return 200;
        };
        Tree.Register(fumo);

        var test = new MoType(TestMoid, "http://x/ddf");
        test.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Get | AccessRights.Replace)).DefaultText = "dev";
        test.Root.Add(MoNode.Leaf("Count", NodeFormat.Int, AccessRights.Get | AccessRights.Replace)).DefaultText = "7";
        test.Root.Add(MoNode.Leaf("Fixed", NodeFormat.Chr, AccessRights.Get)).DefaultText = "ro";
        var secret = test.Root.Add(MoNode.Leaf("Secret", NodeFormat.Chr, AccessRights.Replace));
        secret.IsSecret = true;
        test.Root.Add(MoNode.Leaf("Reboot", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ =>
        {
            RebootCalls++;
            return 200;
        };
        test.Root.Add(MoNode.Leaf("Later", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ => 202;
        var dyn = test.Root.Add(MoNode.Interior("Dyn", AccessRights.Get | AccessRights.Add));
        dyn.Add(MoNode.Placeholder(NodeFormat.Chr, AccessRights.Get | AccessRights.Replace | AccessRights.Delete));
        Tree.Register(test);

        Tree.AddInstance(FumoMoid, "miid1");
        Test = Tree.AddInstance(TestMoid, "t1");
        Tree.Load();

        Client = new DmClient(Tree, Transport, new SystemClock(), "IMEI:493005100592800")
        {
            Account = new DmAccount { ServerId = "srv", ServerUri = serverUrl, UserName = "dev-user", Password = "dev-pass", NotificationSecret = "noti-secret" },
        };
    }

    public void Dispose()
    {
        Transport.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

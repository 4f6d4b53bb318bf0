using System.Text;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Http;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Server.Tests.Integration;

/// <summary>
/// The real client core (DmClient, ManagementTree, RecordStore over a directory) with host
/// bindings, plus a small app MO, talking to the server over real HTTP. State in a temp folder.
/// </summary>
internal sealed class RealClient : IDisposable
{
    public const string AppMoid = "urn:example:mo:app:1.0";

    private readonly HttpClientTransport _transport;

    public RealClient(string baseUrl, string devId, string password, string folder, string? notificationSecret = null,
        System.Security.Cryptography.X509Certificates.X509Certificate2Collection? trustedRoots = null)
    {
        _transport = new HttpClientTransport(trustedRoots);
        Folder = folder;
        Directory.CreateDirectory(folder);
        Store = new RecordStore(new DirectoryFlashFiles(folder));
        Store.Load();
        Tree = new ManagementTree(Store);
        Facts = new HostDeviceFacts(devId);
        DevInfoMo.Register(Tree, Facts);
        DmAccountMo.Register(Tree);
        RegisterAppMo();
        Tree.Load();
        Client = new DmClient(Tree, _transport, new SystemClock(), devId);
        if (!Client.LoadAccount())
        {
            var settings = new BootstrapSettings { ServerId = "omadm-server", ServerUri = baseUrl + "/dm", UserName = devId, Password = password, DevId = devId, NotificationSecret = notificationSecret! };
            Assert.IsTrue(Client.Bootstrap(settings), "bootstrap");
        }
    }

    public string Folder { get; }

    public RecordStore Store { get; }

    public ManagementTree Tree { get; }

    public HostDeviceFacts Facts { get; }

    public DmClient Client { get; }

    public int BlinkCount { get; private set; }

    public SessionOutcome Run()
    {
        var outcome = Client.Run(SessionTrigger.Client, null!);
        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        return outcome;
    }

    private void RegisterAppMo()
    {
        var type = new MoType(AppMoid, "http://example.com/app.ddf") { AllowServerCreate = true };
        type.Root.Access = AccessRights.Get | AccessRights.Delete;
        type.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Get | AccessRights.Replace)).DefaultText = "factory";
        type.Root.Add(MoNode.Leaf("Count", NodeFormat.Int, AccessRights.Get | AccessRights.Replace)).DefaultText = "0";
        type.Root.Add(MoNode.Leaf("Blink", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ =>
        {
            BlinkCount++;
            return 200;
        };
        type.Root.Add(MoNode.Leaf("Temp", NodeFormat.Float, AccessRights.Get)).Getter = (_, _) => Encoding.UTF8.GetBytes("21.5");
        Tree.Register(type);
        Tree.AddInstance(AppMoid, "app1");
    }

    public void Dispose() => _transport.Dispose();
}

using System.Text;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Nano.Host.Http;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>
/// One boot of a host device with real parts: record store in a folder (with the storage
/// layer's power-cut injection), simulated slot files, HttpClient transport, FUMO agent.
/// A reboot is Dispose + a new instance over the same folder.
/// </summary>
public sealed class HostFumoDevice : IDisposable
{
    public const int Capacity = 512 * 1024;
    public const string Server = "srv";

    private readonly HttpClientTransport http = new();

    public HostFumoDevice(string folder, long storePowerCutAfterOps = 0, PowerCutSwitch? slotPower = null)
    {
        Flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(Directory.CreateDirectory(Path.Combine(folder, "store")).FullName),
            storePowerCutAfterOps, PowerCutMode.Seeded, (int)storePowerCutAfterOps);
        Store = new RecordStore(Flash);
        Assert.AreEqual(StoreResult.Success, Store.Load());
        Tree = new ManagementTree(Store);
        Alerts = new AlertQueue(Store);
        SlotPower = slotPower ?? new PowerCutSwitch();
        Slot = new SimulatedFirmwareSlot(Path.Combine(folder, "slots"), new SimulatedSlotOptions { CapacityBytes = Capacity, Power = SlotPower });
        if (Slot.RunningVersion is null)
        {
            Assert.IsTrue(Slot.InstallFactoryImage(TestImages.Factory));
        }
        Agent = new FumoAgent(Tree, Slot, http, new SystemClock(), Alerts.Stage);
        Agent.Downloader.InitialBackoffMs = 5;
        Agent.Downloader.MaxBackoffMs = 40;
        Agent.Downloader.TimeoutMs = 3000;
        Agent.Register();
        Tree.Load();
    }

    public FaultInjectingFlashFiles Flash { get; }
    public RecordStore Store { get; }
    public ManagementTree Tree { get; }
    public AlertQueue Alerts { get; }
    public PowerCutSwitch SlotPower { get; }
    public SimulatedFirmwareSlot Slot { get; }
    public FumoAgent Agent { get; }
    public IHttpTransport Transport => http;

    public int Exec(string node, string? correlator = null)
    {
        var status = Tree.Exec(Uri(node), Server, new ExecRequest("", correlator!));
        Tree.Commit();
        return status;
    }

    public int SetLeaf(string path, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var status = Tree.WriteFromBody(Uri(path), Server, "text/plain", new MemoryStream(body), body.Length);
        Tree.Commit();
        return status;
    }

    /// <summary>HGET of <paramref name="url"/> into Update/PkgData, as the session does it (one GET, body streamed to the tree).</summary>
    public int HgetPkgData(string url)
    {
        using var exchange = http.Open(new HttpRequest { Method = "GET", Url = url, AllowInsecure = true });
        if (exchange.Send() != TransportResult.Success || exchange.StatusCode != 200)
        {
            return 500;
        }
        var status = Tree.WriteFromBody(Uri("Update/PkgData"), Server, exchange.ContentType, exchange.ResponseBody, exchange.ContentLength);
        Tree.Commit();
        return status;
    }

    /// <summary>Post-session work and the settles it leads to (a "reboot" keeps this object: the slot already swapped).</summary>
    public void RunWorkAndSettle(bool healthy)
    {
        var result = Agent.RunPendingWork();
        for (var guard = 0; result == FumoRunResult.Rebooted && guard < 8; guard++)
        {
            result = Agent.Settle(() => healthy);
        }
    }

    /// <summary>What a device does after power-on: settle, then finish pending work.</summary>
    public void BootAndFinish(bool healthy)
    {
        for (var guard = 0; guard < 8 && Agent.Settle(() => healthy) == FumoRunResult.Rebooted; guard++)
        {
        }
        RunWorkAndSettle(healthy);
    }

    public List<GenericAlert> QueuedAlerts()
    {
        var count = Alerts.TakeBatch(16);
        var list = Enumerable.Range(0, count).Select(Alerts.BatchItem).ToList();
        Alerts.ReleaseBatch();
        return list;
    }

    public void Dispose()
    {
        Slot.Dispose();
        http.Dispose();
    }

    private static ClientUri Uri(string path)
    {
        ClientUri.TryParse(FumoAgent.Moid + "//" + path, out var uri, out _);
        return uri;
    }
}

using OmaDm.Device;
using OmaDm.Nano.Session;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Devices;
using OmaDm.Server.Firmware;
using OmaDm.Server.Repository;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Integration;

/// <summary>
/// Campaigns end to end: the virtual device (real DmClient, FumoAgent, simulated MCUboot slot pair)
/// updated by the server's campaign over real HTTP, with repository faults.
/// </summary>
[TestClass]
public sealed class VirtualDeviceCampaignTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 96 * 1024).Select(i => (byte)(i * 31 % 251)).ToArray();

    private static VirtualDevice Boot(TestServer server, string devId)
    {
        server.Enrol(devId, "pw-" + devId).Dispose();
        var device = new VirtualDevice(new DeviceOptions
        {
            ServerUrl = server.BaseUrl + "/dm",
            StateDirectory = Path.Combine(server.Folder, devId),
            DevId = devId,
            UserName = devId,
            Password = "pw-" + devId,
        }, TextWriter.Null);
        Assert.IsNull(device.Boot());
        return device;
    }

    /// <summary>Runs sessions (each finishing the work it started) until the device's campaign state is final.</summary>
    private static async Task<CampaignDevice> RunUntilFinalAsync(TestServer server, VirtualDevice device, long campaignId, string devId)
    {
        for (int i = 0; i < 12; i++)
        {
            var outcome = await Task.Run(() => device.RunSession());
            Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
            var state = server.Service<CampaignService>().Devices(campaignId).Single(d => d.DevId == devId);
            if (state.State is CampaignDeviceState.Updated or CampaignDeviceState.Failed && state.FirmwareVersion == "1.1.0+0" || state.State == CampaignDeviceState.Failed)
            {
                return state;
            }
        }
        Assert.Fail("campaign did not finish for " + devId);
        return null!;
    }

    private static async Task<FirmwareImage> ImageAsync(TestServer server) =>
        (await server.Service<FirmwareCatalog>().AddAsync("app.bin", new MemoryStream(Payload), "1.1.0")).Image!;

    [TestMethod]
    public async Task UpdateFlow_RealFumo_DeviceEndsOnNewVersion()
    {
        await using var server = await TestServer.StartAsync();
        var image = await ImageAsync(server);
        using var device = Boot(server, "virt-u");
        var id = server.Service<CampaignService>().Start(new CampaignRequest("u", image.Id, Flow: FumoFlow.Update)).Id!.Value;

        var state = await RunUntilFinalAsync(server, device, id, "virt-u");

        Assert.AreEqual(CampaignDeviceState.Updated, state.State, state.Detail);
        Assert.AreEqual(200, state.ResultCode);
        Assert.AreEqual("1.1.0+0", device.Slot!.RunningVersion);
        Assert.AreEqual("1.1.0+0", server.Service<DeviceRegistry>().Get("virt-u")!.FirmwareVersion);
        Assert.AreEqual(CampaignState.Completed, server.Service<CampaignService>().Get(id)!.State);
    }

    [TestMethod]
    public async Task DownloadAndUpdateFlow_DroppedConnection_ResumesAndUpdates()
    {
        await using var server = await TestServer.StartAsync(o => o.EnableFaultInjection = true);
        var image = await ImageAsync(server);
        using var device = Boot(server, "virt-d");
        Assert.IsTrue(server.Service<RepositoryFaults>().DropConnection("virt-d", 40_000));
        var id = server.Service<CampaignService>().Start(new CampaignRequest("d", image.Id, Flow: FumoFlow.DownloadAndUpdate)).Id!.Value;

        var state = await RunUntilFinalAsync(server, device, id, "virt-d");

        Assert.AreEqual(CampaignDeviceState.Updated, state.State, state.Detail);
        Assert.AreEqual(1, server.Service<RepositoryFaults>().DropsDone, "the download was cut once");
        Assert.AreEqual("1.1.0+0", device.Slot!.RunningVersion);
        Assert.AreEqual(100, state.PercentDone);
    }

    [TestMethod]
    public async Task UpdateFlow_DroppedConnectionDuringHget_RetriedByTheCampaign()
    {
        await using var server = await TestServer.StartAsync(o => o.EnableFaultInjection = true);
        var image = await ImageAsync(server);
        using var device = Boot(server, "virt-r");
        Assert.IsTrue(server.Service<RepositoryFaults>().DropConnection("virt-r", 20_000));
        var id = server.Service<CampaignService>().Start(new CampaignRequest("r", image.Id, Flow: FumoFlow.Update, MaxAttempts: 3)).Id!.Value;

        var state = await RunUntilFinalAsync(server, device, id, "virt-r");

        Assert.AreEqual(CampaignDeviceState.Updated, state.State, state.Detail);
        Assert.AreEqual(2, state.Attempts, "the first HGET failed (500), the campaign sent it again");
        Assert.AreEqual("1.1.0+0", device.Slot!.RunningVersion);
    }
}

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

    private static VirtualDevice Boot(TestServer server, string devId, bool enrol = true, long powerCutAfterOps = 0)
    {
        if (enrol)
        {
            server.Enrol(devId, "pw-" + devId).Dispose();
        }
        var device = new VirtualDevice(new DeviceOptions
        {
            ServerUrl = server.BaseUrl + "/dm",
            StateDirectory = Path.Combine(server.Folder, devId),
            DevId = devId,
            UserName = devId,
            Password = "pw-" + devId,
            PowerCutAfterOps = powerCutAfterOps,
        }, TextWriter.Null);
        if (powerCutAfterOps == 0)
        {
            Assert.IsNull(device.Boot());
        }
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
    [TestMethod]
    public async Task PowerCutAtAnyOfManyPoints_DeviceRecoversAndCampaignCompletes()
    {
        await using var server = await TestServer.StartAsync();
        var image = await ImageAsync(server);
        var campaigns = server.Service<CampaignService>();
        // Flash operations of one boot + session + download run: every point below lies inside it.
        var cutPoints = new[] { 1, 2, 3, 5, 7, 8, 10, 12, 14, 15, 16, 18, 20, 22, 25 };
        var devices = cutPoints.Select(n => "cut-" + n).ToList();
        foreach (var devId in devices)
        {
            using var first = Boot(server, devId); // enrolled and bootstrapped, factory image 1.0.0
            Assert.AreEqual(SessionResult.Completed, first.RunSession().Result);
        }
        var id = campaigns.Start(new CampaignRequest("cuts", image.Id, Flow: FumoFlow.DownloadAndUpdate)).Id!.Value;
        var cutHit = new List<int>();

        foreach (var (devId, cut) in devices.Zip(cutPoints))
        {
            using (var cutRun = Boot(server, devId, enrol: false, powerCutAfterOps: cut))
            {
                try
                {
                    if (cutRun.Boot() is null && !cutRun.PowerLost)
                    {
                        await Task.Run(() => cutRun.RunSession());
                    }
                }
                catch (OmaDm.Nano.Host.Storage.PowerCutException)
                {
                    // the simulated board stopped here, as a real one would
                }
                if (cutRun.PowerLost)
                {
                    cutHit.Add(cut);
                }
            }
            using var recovered = Boot(server, devId, enrol: false);
            var state = await RunUntilFinalAsync(server, recovered, id, devId);

            Assert.AreEqual(CampaignDeviceState.Updated, state.State, $"{devId}: {state.Detail}");
            Assert.AreEqual("1.1.0+0", recovered.Slot!.RunningVersion, devId);
        }
        Assert.AreEqual(cutPoints.Length, cutHit.Count, "cut: " + string.Join(",", cutHit));
        Assert.AreEqual(CampaignState.Completed, campaigns.Get(id)!.State);
    }
}

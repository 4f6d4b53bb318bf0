using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Firmware;
using OmaDm.Server.Tests.Infrastructure;
using static OmaDm.Server.Tests.Infrastructure.ScriptedDevice;

namespace OmaDm.Server.Tests.Campaigns;

[TestClass]
public sealed class CampaignTests
{
    private const string UpdateAlert = "org.openmobilealliance.dm.firmwareupdate.update";

    private sealed class Fleet : IAsyncDisposable
    {
        public required TestServer Server { get; init; }
        public required List<ScriptedDevice> Devices { get; init; }
        public required long GroupId { get; init; }
        public required FirmwareImage Image { get; init; }
        public CampaignService Campaigns => Server.Service<CampaignService>();

        public async ValueTask DisposeAsync()
        {
            Devices.ForEach(d => d.Dispose());
            await Server.DisposeAsync();
        }
    }

    private static async Task<Fleet> StartFleetAsync(int devices)
    {
        var server = await TestServer.StartAsync();
        var groups = server.Service<GroupService>();
        var group = groups.Create("fleet")!.Value;
        var list = new List<ScriptedDevice>();
        for (int i = 0; i < devices; i++)
        {
            var d = server.Enrol("dev-" + i);
            groups.AddMember(group, d.DevId);
            await d.RunSessionAsync("1.0.0+0"); // DevInfo known: later sessions carry only campaign work
            list.Add(d);
        }
        var image = (await server.Service<FirmwareCatalog>().AddAsync("v1.1", new MemoryStream(McuBootImageWriter.Pack(new byte[2048], new ImageVersion(1, 1, 0, 0))), null)).Image!;
        return new Fleet { Server = server, Devices = list, GroupId = group, Image = image };
    }

    /// <summary>One device session answering HGET with <paramref name="hgetStatus"/>, EXEC with 202, GET FwV with <paramref name="fwv"/>; returns every command seen.</summary>
    private static async Task<List<string[]>> SessionAsync(ScriptedDevice d, int hgetStatus = 200, string fwv = "1.0.0+0", params string[] alerts)
    {
        var seen = new List<string[]>();
        var cmd = Cmds(await d.Package1Async(alerts));
        while (!(cmd.Count == 1 && cmd[0][0] == "END"))
        {
            seen.AddRange(cmd);
            cmd = Cmds(await d.Package3Async(cmd.Select(c => c[0] switch
            {
                "HGET" => "{\"sc\":" + hgetStatus + "}",
                "EXEC" => "{\"sc\":202}",
                "GET" => DevInfoStatus(c[1], fwv),
                _ => "{\"sc\":200}",
            }).ToArray()));
        }
        return seen;
    }

    private static string FumoAlert(string correlator, int result, string type = UpdateAlert, string source = "urn:oma:mo:oma-fumo:1.0//Update") =>
        JsonSerializer.Serialize(new { AlertType = type, SourceURI = source, DataType = "int", Data = result.ToString(), Correlator = correlator });

    private static CampaignDevice State(Fleet f, long campaign, string devId) => f.Campaigns.Devices(campaign).Single(d => d.DevId == devId);

    [TestMethod]
    public async Task UpdateFlow_HgetThenExecThenAlert_EndsUpdatedWithFwVReadBack()
    {
        await using var f = await StartFleetAsync(1);
        var (id, error) = f.Campaigns.Start(new CampaignRequest("c", f.Image.Id, f.GroupId));
        Assert.IsNull(error);

        var first = await SessionAsync(f.Devices[0]);

        Assert.HasCount(2, first, "HGET, then EXEC only after the HGET succeeded");
        Assert.AreEqual("HGET", first[0][0]);
        Assert.AreEqual($"{f.Server.BaseUrl}/repo/blobs/{f.Image.BlobName}?dev=dev-0", first[0][1]);
        Assert.AreEqual("urn:oma:mo:oma-fumo:1.0//Update/PkgData", first[0][2]);
        CollectionAssert.AreEqual(new[] { "EXEC", "urn:oma:mo:oma-fumo:1.0//Update", "" }, first[1][..3]);
        var correlator = first[1][3];
        Assert.AreEqual(CampaignDeviceState.Updating, State(f, id!.Value, "dev-0").State);

        var second = await SessionAsync(f.Devices[0], fwv: "1.1.0+0", alerts: FumoAlert(correlator, 200));

        CollectionAssert.AreEqual(new[] { "GET", CampaignService.FwVUri }, second.Single(), "new version read back in the same session");
        var state = State(f, id.Value, "dev-0");
        Assert.AreEqual(CampaignDeviceState.Updated, state.State);
        Assert.AreEqual(200, state.ResultCode);
        Assert.AreEqual("1.1.0+0", state.FirmwareVersion);
        Assert.AreEqual(CampaignState.Completed, f.Campaigns.Get(id.Value)!.State);
    }

    [TestMethod]
    public async Task Waves_SecondWaveStartsOnlyWhenFirstFinished()
    {
        await using var f = await StartFleetAsync(4);
        var id = f.Campaigns.Start(new CampaignRequest("waves", f.Image.Id, f.GroupId, WaveSize: 2)).Id!.Value;

        var early = await SessionAsync(f.Devices[2]);
        Assert.IsEmpty(early, "dev-2 is in wave 2");
        Assert.AreEqual(CampaignDeviceState.Pending, State(f, id, "dev-2").State);
        Assert.AreEqual(1, f.Campaigns.Get(id)!.CurrentWave);

        foreach (var d in f.Devices.Take(2))
        {
            var c = (await SessionAsync(d))[1][3];
            await SessionAsync(d, fwv: "1.1.0+0", alerts: FumoAlert(c, 200));
        }

        Assert.AreEqual(2, f.Campaigns.Get(id)!.CurrentWave);
        Assert.AreEqual(CampaignDeviceState.Queued, State(f, id, "dev-2").State);
        Assert.AreEqual("HGET", (await SessionAsync(f.Devices[2]))[0][0]);
    }

    [TestMethod]
    public async Task FailureThreshold_Crossed_PausesBeforeNextWave_RetryResumes()
    {
        await using var f = await StartFleetAsync(4);
        var id = f.Campaigns.Start(new CampaignRequest("t", f.Image.Id, f.GroupId, WaveSize: 2, FailureThresholdPercent: 0, MaxAttempts: 1)).Id!.Value;
        var c0 = (await SessionAsync(f.Devices[0]))[1][3];
        var c1 = (await SessionAsync(f.Devices[1]))[1][3];

        await SessionAsync(f.Devices[0], alerts: FumoAlert(c0, 410));
        await SessionAsync(f.Devices[1], fwv: "1.1.0+0", alerts: FumoAlert(c1, 200));

        var campaign = f.Campaigns.Get(id)!;
        Assert.AreEqual(CampaignState.Paused, campaign.State);
        Assert.Contains("threshold", campaign.Note!);
        Assert.AreEqual(CampaignDeviceState.Failed, State(f, id, "dev-0").State);
        Assert.AreEqual(410, State(f, id, "dev-0").ResultCode);
        Assert.IsEmpty(await SessionAsync(f.Devices[2]), "paused: wave 2 does not start");

        Assert.AreEqual(1, f.Campaigns.Retry(id));
        Assert.AreEqual(CampaignState.Running, f.Campaigns.Get(id)!.State);
        var retry = await SessionAsync(f.Devices[0]);
        Assert.AreNotEqual(c0, retry[1][3], "a retry carries a new correlator");
        await SessionAsync(f.Devices[0], fwv: "1.1.0+0", alerts: FumoAlert(retry[1][3], 200));

        Assert.AreEqual(2, f.Campaigns.Get(id)!.CurrentWave);
        Assert.AreEqual(CampaignDeviceState.Queued, State(f, id, "dev-2").State);
    }

    [TestMethod]
    public async Task HgetFailure_RetriedAutomaticallyUntilMaxAttempts_ThenFailedWithStatus()
    {
        await using var f = await StartFleetAsync(1);
        var id = f.Campaigns.Start(new CampaignRequest("r", f.Image.Id, f.GroupId, MaxAttempts: 2)).Id!.Value;

        var first = await SessionAsync(f.Devices[0], hgetStatus: 500);
        var state = State(f, id, "dev-0");

        Assert.HasCount(2, first, "HGET failed: no EXEC; the retry's HGET follows in the same session");
        Assert.IsTrue(first.All(c => c[0] == "HGET"));
        state = State(f, id, "dev-0");
        Assert.AreEqual(CampaignDeviceState.Failed, state.State);
        Assert.AreEqual(500, state.ResultCode);
        Assert.AreEqual(2, state.Attempts);
        Assert.AreEqual(CampaignState.Completed, f.Campaigns.Get(id)!.State, "every device finished (one failed, threshold 100 %)");
    }

    [TestMethod]
    public async Task LostSession_MidDownload_HgetIsResentInTheNextSession()
    {
        await using var f = await StartFleetAsync(1);
        var id = f.Campaigns.Start(new CampaignRequest("p", f.Image.Id, f.GroupId)).Id!.Value;
        var hget = Cmds(await f.Devices[0].Package1Async()); // power cut: the Package#3 never comes

        var again = await SessionAsync(f.Devices[0]);

        Assert.AreEqual("HGET", hget.Single()[0]);
        Assert.AreEqual("HGET", again[0][0], "the lost HGET is queued again for the new session");
        Assert.AreEqual("EXEC", again[1][0]);
        Assert.AreEqual(2, State(f, id, "dev-0").Attempts);
        Assert.AreEqual(CommandState.Lost, f.Server.Service<CommandQueue>().ListForCampaign(id)[0].State);
    }

    [TestMethod]
    public async Task Cancel_CancelsUnsentCommandsAndDevices()
    {
        await using var f = await StartFleetAsync(2);
        var id = f.Campaigns.Start(new CampaignRequest("x", f.Image.Id, f.GroupId)).Id!.Value;

        Assert.IsTrue(f.Campaigns.Cancel(id));

        Assert.IsEmpty(await SessionAsync(f.Devices[0]));
        Assert.AreEqual(CampaignState.Cancelled, f.Campaigns.Get(id)!.State);
        Assert.IsTrue(f.Campaigns.Devices(id).All(d => d.State == CampaignDeviceState.Cancelled));
        Assert.IsTrue(f.Server.Service<CommandQueue>().ListForCampaign(id).All(c => c.State == CommandState.Cancelled));
        Assert.IsFalse(f.Campaigns.Cancel(id), "already cancelled");
    }

    [TestMethod]
    public async Task PauseThenResume_HoldsAndReleasesNextWave()
    {
        await using var f = await StartFleetAsync(2);
        var id = f.Campaigns.Start(new CampaignRequest("pr", f.Image.Id, f.GroupId, WaveSize: 1)).Id!.Value;
        Assert.IsTrue(f.Campaigns.Pause(id));
        var c0 = (await SessionAsync(f.Devices[0]))[1][3];
        await SessionAsync(f.Devices[0], fwv: "1.1.0+0", alerts: FumoAlert(c0, 200));

        Assert.AreEqual(CampaignDeviceState.Pending, State(f, id, "dev-1").State, "started devices go on, no new wave");
        Assert.IsTrue(f.Campaigns.Resume(id));
        Assert.AreEqual(CampaignDeviceState.Queued, State(f, id, "dev-1").State);
    }

    [TestMethod]
    public async Task DownloadAndUpdateFlow_SetsPkgUrlExecsAndCompletesOnAlert()
    {
        await using var f = await StartFleetAsync(1);
        var id = f.Campaigns.Start(new CampaignRequest("dau", f.Image.Id, f.GroupId, Flow: FumoFlow.DownloadAndUpdate, FumoUri: "urn:oma:mo:oma-fumo:1.0/fumo1")).Id!.Value;

        var cmds = await SessionAsync(f.Devices[0]);

        Assert.AreEqual($"{f.Server.BaseUrl}/repo/fwurl/{f.Image.BlobName}?dev=dev-0", cmds[0][1]);
        Assert.AreEqual("urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate/PkgURL", cmds[0][2]);
        CollectionAssert.AreEqual(new[] { "EXEC", "urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate", "" }, cmds[1][..3]);
        Assert.AreEqual(CampaignDeviceState.Downloading, State(f, id, "dev-0").State);
        using var http = new HttpClient();
        Assert.AreEqual($"{f.Server.BaseUrl}/repo/blobs/{f.Image.BlobName}?dev=dev-0", await http.GetStringAsync(cmds[0][1]));

        await SessionAsync(f.Devices[0], fwv: "1.1.0+0", alerts: FumoAlert(cmds[1][3], 200, "org.openmobilealliance.dm.firmwareupdate.downloadandupdate", "urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate"));

        Assert.AreEqual(CampaignDeviceState.Updated, State(f, id, "dev-0").State);
    }

    [TestMethod]
    public async Task AlertWithoutCorrelator_MatchesTheActiveCampaignDevice()
    {
        await using var f = await StartFleetAsync(1);
        var id = f.Campaigns.Start(new CampaignRequest("nc", f.Image.Id, f.GroupId)).Id!.Value;
        await SessionAsync(f.Devices[0]);

        await SessionAsync(f.Devices[0], alerts: "{\"AlertType\":\"" + UpdateAlert + "\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0//Update\",\"Data\":\"402\"}");

        Assert.AreEqual(402, State(f, id, "dev-0").ResultCode);
    }

    [TestMethod]
    public async Task Start_InvalidRequests_AreRefused()
    {
        await using var f = await StartFleetAsync(1);
        var empty = f.Server.Service<GroupService>().Create("empty")!.Value;

        Assert.IsNotNull(f.Campaigns.Start(new CampaignRequest("", f.Image.Id)).Error);
        Assert.IsNotNull(f.Campaigns.Start(new CampaignRequest("x", 999)).Error);
        Assert.IsNotNull(f.Campaigns.Start(new CampaignRequest("x", f.Image.Id, empty)).Error);
        Assert.IsNotNull(f.Campaigns.Start(new CampaignRequest("x", f.Image.Id, FailureThresholdPercent: 101)).Error);
        Assert.IsNotNull(f.Campaigns.Start(new CampaignRequest("x", f.Image.Id, FumoUri: "not-a-moid")).Error);
        Assert.IsEmpty(f.Campaigns.List());
    }

    [TestMethod]
    public async Task AdminApi_StartAndInspectCampaign()
    {
        await using var f = await StartFleetAsync(2);

        var response = await f.Server.Admin.PostAsJsonAsync("/api/campaigns", new { name = "api", firmwareId = f.Image.Id, groupId = f.GroupId, waveSize = 1, flow = "Update" });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = await f.Server.GetJsonAsync("/api/campaigns/" + created.GetProperty("id").GetInt64());
        var paused = await f.Server.Admin.PostAsync("/api/campaigns/" + created.GetProperty("id").GetInt64() + "/pause", null);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual("Running", created.GetProperty("state").GetString());
        Assert.AreEqual(2, detail.GetProperty("devices").GetArrayLength());
        Assert.AreEqual("Queued", detail.GetProperty("devices")[0].GetProperty("state").GetString());
        Assert.AreEqual(HttpStatusCode.NoContent, paused.StatusCode);
    }
    [TestMethod]
    public async Task ProgressGet_ReportedPercent_ShownForTheDownloadingDevice()
    {
        await using var f = await StartFleetAsync(1);
        var id = f.Campaigns.Start(new CampaignRequest("pg", f.Image.Id, f.GroupId, Flow: FumoFlow.DownloadAndUpdate)).Id!.Value;
        await SessionAsync(f.Devices[0]);
        f.Server.Service<CommandQueue>().Enqueue("dev-0", ["GET", "urn:oma:mo:oma-fumo:1.0//Ext/Progress"]);

        var cmd = Cmds(await f.Devices[0].Package1Async());
        await f.Devices[0].Package3Async("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-fumo:1.0/fumo1/Ext/Progress\"],\"Data\":[42]}");

        Assert.AreEqual("GET", cmd.Single()[0]);
        Assert.AreEqual(42, State(f, id, "dev-0").PercentDone);
    }
}

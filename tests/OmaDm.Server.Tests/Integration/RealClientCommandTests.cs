using System.Text;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Repository;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Integration;

/// <summary>Every command from the server's queue through the real client core and back (real HTTP on loopback).</summary>
[TestClass]
public sealed class RealClientCommandTests
{
    private const string App = RealClient.AppMoid;

    private static async Task<(TestServer Server, RealClient Device)> StartAsync()
    {
        var server = await TestServer.StartAsync();
        server.Enrol("virt-1", "virt-password").Dispose();
        var device = new RealClient(server.BaseUrl, "virt-1", "virt-password", Path.Combine(server.Folder, "device"));
        return (server, device);
    }

    private static QueuedCommand Done(TestServer server, long id)
    {
        var command = server.Service<CommandQueue>().Get(id)!;
        Assert.AreEqual(CommandState.Done, command.State, string.Join(" ", command.Command));
        return command;
    }

    private static async Task<List<QueuedCommand>> RunAsync(TestServer server, RealClient device, params string[][] commands)
    {
        var ids = commands.Select(c => server.Service<CommandQueue>().Enqueue("virt-1", c)!.Value).ToList();
        await Task.Run(device.Run);
        return ids.Select(id => Done(server, id)).ToList();
    }

    [TestMethod]
    public async Task FirstSession_ServerLearnsDevInfoAndMos()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        await Task.Run(device.Run);

        var record = server.Service<DeviceRegistry>().Get("virt-1")!;
        Assert.AreEqual(device.Facts.FirmwareVersion, record.FirmwareVersion);
        Assert.Contains("\"Man\":\"OmaDm.Nano\"", record.DevInfoJson!);
        Assert.Contains(App, record.MosJson!);
        Assert.AreEqual("ended", server.Service<SessionHistory>().Sessions("virt-1").Single().State);
    }

    [TestMethod]
    public async Task Get_LeafInteriorMissingAndWildcard()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        var r = await RunAsync(server, device, ["GET", App + "//Temp"], ["GET", App + "/app1"], ["GET", App + "//Nothing"], ["GET", App + "/*/Name"]);

        Assert.AreEqual(200, r[0].StatusCode);
        Assert.Contains("21.5", r[0].StatusJson!);
        Assert.AreEqual(200, r[1].StatusCode);
        Assert.Contains("\"Name\":\"factory\"", r[1].StatusJson!);
        Assert.AreEqual(404, r[2].StatusCode);
        Assert.AreEqual(200, r[3].StatusCode);
        var values = server.Service<DeviceRegistry>().GetMoValues("virt-1");
        Assert.IsTrue(values.Any(v => v.Uri == App + "/app1/Temp" && v.ValueJson == "21.5"));
    }

    [TestMethod]
    public async Task Hget_TextValueIntoLeaf_ThenGetReadsItBack()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;
        var id = await server.Service<DeviceSettings>().SetLeafValueAsync("virt-1", App + "//Name", "kitchen");

        await Task.Run(device.Run);
        var get = await RunAsync(server, device, ["GET", App + "//Name"]);

        Assert.AreEqual(200, Done(server, id!.Value).StatusCode);
        Assert.Contains("\"kitchen\"", get[0].StatusJson!);
    }

    [TestMethod]
    public async Task HgetWithoutClientUri_CreatesInstance_DeleteRemovesIt()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;
        await server.Service<BlobStore>().PutAsync("new-app.json", Encoding.UTF8.GetBytes("{\"MOID\":\"" + App + "\",\"Data\":{\"Name\":\"created\",\"Count\":3}}"), "application/json", "blob");

        var create = await RunAsync(server, device, ["HGET", "${repo}/repo/blobs/new-app.json"]);
        var uri = JsonDocument.Parse(create[0].StatusJson!).RootElement.GetProperty("URI")[0].GetString()!;
        var get = await RunAsync(server, device, ["GET", uri + "/Name"]);
        var delete = await RunAsync(server, device, ["DELETE", uri]);
        var gone = await RunAsync(server, device, ["GET", uri + "/Name"]);

        Assert.AreEqual(200, create[0].StatusCode);
        Assert.StartsWith(App + "/", uri);
        Assert.Contains("\"created\"", get[0].StatusJson!);
        Assert.AreEqual(200, delete[0].StatusCode);
        Assert.AreEqual(404, gone[0].StatusCode);
    }

    [TestMethod]
    public async Task HputAndHpost_UploadTheSerializedInstanceIntoTheDeviceSink()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        var r = await RunAsync(server, device, ["HPUT", "${repo}/repo/upload/virt-1/app", App + "/app1"], ["HPOST", "${repo}/repo/upload/virt-1/temps", App + "//Temp"]);

        Assert.AreEqual(200, r[0].StatusCode);
        Assert.AreEqual(200, r[1].StatusCode);
        var blobs = server.Service<BlobStore>();
        using var put = new StreamReader(blobs.OpenRead("upload/virt-1/app")!);
        var json = JsonDocument.Parse(await put.ReadToEndAsync()).RootElement;
        Assert.AreEqual("factory", json.GetProperty("Name").GetString());
        Assert.AreEqual(21.5, json.GetProperty("Temp").GetDouble());
        Assert.HasCount(2, blobs.List("upload", "virt-1"));
    }

    [TestMethod]
    public async Task Exec_SyncRunsHandler_AsyncReportsExecCompleteAlertWithCorrelator()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        var r = await RunAsync(server, device, ["EXEC", App + "//Blink"], ["EXEC", App + "//Blink", "", "corr-9"]);
        await Task.Run(device.Run); // the alert goes out in the next session

        Assert.AreEqual(200, r[0].StatusCode);
        Assert.AreEqual(202, r[1].StatusCode, "an EXEC with a ServerURI is always asynchronous");
        Assert.AreEqual(2, device.BlinkCount);
        var alert = server.Service<SessionHistory>().Alerts("virt-1").Single();
        Assert.AreEqual("corr-9", alert.Alert.Correlator);
        Assert.AreEqual(App + "/app1/Blink", alert.Alert.SourceUri);
        Assert.AreEqual("200", alert.Alert.Data);
    }

    [TestMethod]
    public async Task ShowDefaultSubLikeAndCont_GetTheirStatuses()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        var r = await RunAsync(server, device,
            ["CONT", "${repo}/dm/continued"],
            ["SHOW", "https://example.com/ui"],
            ["DEFAULT", "urn:oma:mo:oma-lawmo:1.0", "https://example.com/lawmo-default.json"],
            ["EXEC", "urn:oma:mo:none:1.0//X"]);

        Assert.AreEqual(200, r[0].StatusCode, "same-origin CONT accepted");
        Assert.AreEqual(406, r[1].StatusCode, "no user-interaction handler on this device");
        Assert.AreEqual(200, r[2].StatusCode);
        Assert.AreEqual(404, r[3].StatusCode);
    }

    [TestMethod]
    public async Task ManyCommands_SplitAcrossPackages_AllAnswered()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;

        var r = await RunAsync(server, device, Enumerable.Range(0, 100).Select(_ => new[] { "GET", App + "//Count" }).ToArray());

        Assert.IsTrue(r.All(c => c.StatusCode == 200));
        Assert.IsGreaterThanOrEqualTo(4, server.Service<SessionHistory>().Sessions("virt-1")[0].Packages, "32 per package");
    }

    [TestMethod]
    public async Task PollInterval_WrittenIntoDmAccExt()
    {
        var (server, device) = await StartAsync();
        await using var _ = server;
        using var __ = device;
        await Task.Run(device.Run);
        var id = await server.Service<DeviceSettings>().SetPollIntervalAsync("virt-1", 120);

        await Task.Run(device.Run);
        var get = await RunAsync(server, device, ["GET", DeviceSettings.DefaultPollIntervalUri]);

        Assert.AreEqual(200, Done(server, id!.Value).StatusCode);
        Assert.Contains("120", get[0].StatusJson!);
    }

    [TestMethod]
    public async Task WrongPassword_SessionFailsWith401AndDeviceKeepsState()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("virt-1", "right-password").Dispose();
        using var device = new RealClient(server.BaseUrl, "virt-1", "wrong-password", Path.Combine(server.Folder, "device"));

        var outcome = await Task.Run(() => device.Client.Run(OmaDm.Nano.Session.SessionTrigger.Client, null!));

        Assert.AreEqual(OmaDm.Nano.Session.SessionResult.HttpError, outcome.Result);
        Assert.AreEqual(401, outcome.HttpStatus);
    }
}

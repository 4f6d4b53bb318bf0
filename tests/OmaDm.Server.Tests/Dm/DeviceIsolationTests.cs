using System.Net;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Tests.Infrastructure;
using static OmaDm.Server.Tests.Infrastructure.ScriptedDevice;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class DeviceIsolationTests
{
    [TestMethod]
    public async Task TwoDevices_EachGetsOnlyItsOwnCommands()
    {
        await using var server = await TestServer.StartAsync();
        using var a = server.Enrol("dev-a", "pw-a");
        using var b = server.Enrol("dev-b", "pw-b");
        await a.RunSessionAsync();
        await b.RunSessionAsync();
        var queue = server.Service<CommandQueue>();
        queue.Enqueue("dev-a", ["GET", "urn:oma:mo:app:1.0//OnlyA"]);
        queue.Enqueue("dev-b", ["GET", "urn:oma:mo:app:1.0//OnlyB"]);

        var pa = Cmds(await a.Package1Async());
        var pb = Cmds(await b.Package1Async());

        Assert.AreEqual("urn:oma:mo:app:1.0//OnlyA", pa.Single()[1]);
        Assert.AreEqual("urn:oma:mo:app:1.0//OnlyB", pb.Single()[1]);
    }

    [TestMethod]
    public async Task DeviceB_UsingItsCredentialsWithDevAId_IsRejected()
    {
        await using var server = await TestServer.StartAsync();
        using var a = server.Enrol("dev-a", "pw-a");
        server.Enrol("dev-b", "pw-b").Dispose();
        server.Service<CommandQueue>().Enqueue("dev-a", ["GET", "urn:oma:mo:app:1.0//Secret"]);
        using var impostor = new ScriptedDevice(server.BaseUrl, "dev-a", "dev-b", "pw-b");

        var r = await impostor.PostAsync("{\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}", DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.Unauthorized, r.Status);
        Assert.DoesNotContain("Secret", r.Body);
    }

    [TestMethod]
    public async Task InterleavedSessions_StatusesLandOnTheRightDevice()
    {
        await using var server = await TestServer.StartAsync();
        using var a = server.Enrol("dev-a", "pw-a");
        using var b = server.Enrol("dev-b", "pw-b");
        await a.RunSessionAsync();
        await b.RunSessionAsync();
        var queue = server.Service<CommandQueue>();
        var ia = queue.Enqueue("dev-a", ["GET", "urn:oma:mo:app:1.0//V"])!.Value;
        var ib = queue.Enqueue("dev-b", ["GET", "urn:oma:mo:app:1.0//V"])!.Value;

        await a.Package1Async();
        await b.Package1Async();
        await b.Package3Async("{\"sc\":200,\"URI\":[\"urn:oma:mo:app:1.0/i/V\"],\"Data\":[\"from-b\"]}");
        await a.Package3Async("{\"sc\":200,\"URI\":[\"urn:oma:mo:app:1.0/i/V\"],\"Data\":[\"from-a\"]}");

        var registry = server.Service<DeviceRegistry>();
        Assert.AreEqual("\"from-a\"", registry.GetMoValues("dev-a").Single(v => v.Uri.EndsWith("/V")).ValueJson);
        Assert.AreEqual("\"from-b\"", registry.GetMoValues("dev-b").Single(v => v.Uri.EndsWith("/V")).ValueJson);
        Assert.Contains("from-a", queue.Get(ia)!.StatusJson!);
        Assert.Contains("from-b", queue.Get(ib)!.StatusJson!);
    }

    [TestMethod]
    public async Task UploadSink_DeviceCannotWriteIntoAnotherDevicesSink()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("dev-a", "pw-a").Dispose();
        using var b = server.Enrol("dev-b", "pw-b");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/repo/upload/dev-a/log") { Content = new StringContent("{}") };
        request.Headers.Authorization = System.Net.Http.Headers.AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-b", "pw-b"));

        var response = await b.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.IsEmpty(server.Service<OmaDm.Server.Repository.BlobStore>().List("upload"));
    }
}

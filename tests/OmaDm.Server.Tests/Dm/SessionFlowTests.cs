using System.Net;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Tests.Infrastructure;
using static OmaDm.Server.Tests.Infrastructure.ScriptedDevice;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class SessionFlowTests
{
    [TestMethod]
    public async Task Package1_NewDevice_GetsDevInfoGetThenEnd()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        var p2 = Cmds(await dev.Package1Async());
        Assert.HasCount(1, p2);
        CollectionAssert.AreEqual(new[] { "GET", "urn:oma:mo:oma-dm-devinfo:1.0/*" }, p2[0]);

        var end = Cmds(await dev.Package3Async(DevInfoStatus(p2[0][1], "1.0.0+0")));
        CollectionAssert.AreEqual(new[] { "END" }, end.Single());

        var device = server.Service<DeviceRegistry>().Get("dev-1")!;
        Assert.AreEqual("1.0.0+0", device.FirmwareVersion);
        Assert.Contains("\"Man\":\"OmaDm\"", device.DevInfoJson!);
        Assert.Contains("urn:oma:mo:oma-dm-devinfo:1.0", device.MosJson!);
        var session = server.Service<SessionHistory>().Sessions("dev-1").Single();
        Assert.AreEqual("ended", session.State);
        Assert.AreEqual(DmMediaTypes.ClientInitiated, session.TriggerAlert);
        Assert.AreEqual(2, session.Packages);
        Assert.AreEqual(1, session.Statuses);
    }

    [TestMethod]
    public async Task Package1_KnownDeviceEmptyQueue_AnswersEndOnly()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();

        var p2 = Cmds(await dev.Package1Async());

        CollectionAssert.AreEqual(new[] { "END" }, p2.Single(), "devinfo is known, nothing queued");
    }

    [TestMethod]
    public async Task EveryCommandKind_QueuedViaApi_SentInOrderAndStatusStored()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var queue = server.Service<CommandQueue>();
        string[][] commands =
        [
            ["GET", "urn:oma:mo:oma-dm-devinfo:1.0//FwV"],
            ["HGET", "${repo}/repo/blobs/x", "urn:oma:mo:app:1.0//Cfg"],
            ["HGET", "https://repo.example/obj.json"],
            ["HPUT", "${repo}/repo/upload/dev-1/log", "urn:oma:mo:app:1.0//Log"],
            ["HPOST", "${repo}/repo/upload/dev-1/log", "urn:oma:mo:app:1.0//Log"],
            ["DELETE", "urn:oma:mo:app:1.0/i1"],
            ["EXEC", "urn:oma:mo:oma-fumo:1.0//Update", "", "corr-1"],
            ["SHOW", "https://example.com/ui"],
            ["DEFAULT", "urn:oma:mo:app:1.0", "https://example.com/default.json"],
        ];
        var ids = commands.Select(c => queue.Enqueue("dev-1", c)!.Value).ToList();

        var p2 = Cmds(await dev.Package1Async());

        Assert.HasCount(commands.Length, p2);
        Assert.AreEqual(server.BaseUrl + "/repo/blobs/x", p2[1][1], "${repo} becomes the base URL the device used");
        for (int i = 0; i < commands.Length; i++)
        {
            Assert.AreEqual(commands[i][0], p2[i][0]);
            Assert.AreEqual(CommandState.Sent, queue.Get(ids[i])!.State);
        }
        var statuses = Enumerable.Range(0, commands.Length).Select(i => i == 0
            ? "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV\"],\"Data\":[\"2.0.0+1\"]}"
            : "{\"sc\":" + (200 + i) + "}").ToArray();
        var end = Cmds(await dev.Package3Async(statuses));

        CollectionAssert.AreEqual(new[] { "END" }, end.Single());
        for (int i = 0; i < commands.Length; i++)
        {
            var stored = queue.Get(ids[i])!;
            Assert.AreEqual(CommandState.Done, stored.State);
            Assert.AreEqual(i == 0 ? 200 : 200 + i, stored.StatusCode, "status matched to its command by position");
        }
        Assert.AreEqual("2.0.0+1", server.Service<DeviceRegistry>().Get("dev-1")!.FirmwareVersion);
        var values = server.Service<DeviceRegistry>().GetMoValues("dev-1");
        Assert.IsTrue(values.Any(v => v.Uri == "urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV" && v.ValueJson == "\"2.0.0+1\""));
    }

    [TestMethod]
    public async Task Queue_MoreThanPackageLimit_SplitsAcrossPackages()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxCommandsPerPackage = 3);
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        for (int i = 0; i < 7; i++)
        {
            server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//N" + i]);
        }

        var first = Cmds(await dev.Package1Async());
        var second = Cmds(await dev.Package3Async("{\"sc\":200}", "{\"sc\":200}", "{\"sc\":200}"));
        var third = Cmds(await dev.Package3Async("{\"sc\":404}", "{\"sc\":404}", "{\"sc\":404}"));
        var end = Cmds(await dev.Package3Async("{\"sc\":200}"));

        Assert.HasCount(3, first);
        Assert.HasCount(3, second);
        Assert.HasCount(1, third);
        Assert.AreEqual("urn:oma:mo:app:1.0//N6", third[0][1], "queue order kept across packages");
        CollectionAssert.AreEqual(new[] { "END" }, end.Single());
    }

    [TestMethod]
    public async Task QueuedEnd_TravelsAloneAndLaterCommandsWaitForNextSession()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var queue = server.Service<CommandQueue>();
        queue.Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//A"]);
        queue.Enqueue("dev-1", ["END"]);
        var later = queue.Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//B"])!.Value;

        var p2 = Cmds(await dev.Package1Async());
        var p2b = Cmds(await dev.Package3Async("{\"sc\":200}"));

        Assert.AreEqual("GET", p2.Single()[0], "END is not sent with other commands: their statuses would be lost");
        CollectionAssert.AreEqual(new[] { "END" }, p2b.Single());
        Assert.AreEqual(CommandState.Queued, queue.Get(later)!.State);
        var next = Cmds(await dev.Package1Async());
        Assert.AreEqual("urn:oma:mo:app:1.0//B", next.Single()[1]);
    }

    [TestMethod]
    public async Task NewPackage1_DuringOpenSession_MarksSentCommandsLost()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var id = server.Service<CommandQueue>().Enqueue("dev-1", ["EXEC", "urn:oma:mo:app:1.0//Reboot"])!.Value;
        await dev.Package1Async();

        var p2 = Cmds(await dev.Package1Async()); // device reset: new session

        CollectionAssert.AreEqual(new[] { "END" }, p2.Single(), "a lost command is not resent blindly (it may have run)");
        Assert.AreEqual(CommandState.Lost, server.Service<CommandQueue>().Get(id)!.State);
        var sessions = server.Service<SessionHistory>().Sessions("dev-1");
        Assert.AreEqual("aborted", sessions[1].State);
        Assert.AreEqual("ended", sessions[0].State);
    }

    [TestMethod]
    public async Task Package3_WrongStatusCount_Is400AndAbortsSession()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//A"]);
        server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//B"]);
        await dev.Package1Async();

        var r = await dev.PostAsync("{\"Status\":[{\"sc\":200}]}", DmMediaTypes.Response);

        Assert.AreEqual(HttpStatusCode.BadRequest, r.Status);
        var commands = server.Service<CommandQueue>().List("dev-1");
        Assert.AreEqual(CommandState.Done, commands.Single(c => c.Command[1].EndsWith("//A")).State, "the status that arrived is kept");
        Assert.AreEqual(CommandState.Lost, commands.Single(c => c.Command[1].EndsWith("//B")).State);
        Assert.AreEqual("aborted", server.Service<SessionHistory>().Sessions("dev-1")[0].State);
    }

    [TestMethod]
    public async Task Package3_WithoutOpenSession_Is409()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        var r = await dev.PostAsync("{\"Status\":[]}", DmMediaTypes.Response);

        Assert.AreEqual(HttpStatusCode.Conflict, r.Status);
    }

    [TestMethod]
    public async Task GenericAlerts_InPackage1_AreStoredWithAllFields()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        await dev.Package1Async("{\"AlertType\":\"urn:x:alert\",\"SourceURI\":\"urn:oma:mo:app:1.0//T\",\"TargetURI\":\"https://t\",\"Mark\":\"major\",\"DataType\":\"int\",\"Data\":\"42\",\"Correlator\":\"c-1\"}");

        var alert = server.Service<SessionHistory>().Alerts("dev-1").Single();
        Assert.AreEqual(new DmAlert("urn:x:alert", "urn:oma:mo:app:1.0//T", "https://t", "major", "int", "42", "c-1"), alert.Alert);
        Assert.IsFalse(alert.Duplicate);
    }

    [TestMethod]
    public async Task GenericAlert_RepeatedWithSameCorrelator_IsMarkedDuplicate()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        const string alert = "{\"AlertType\":\"urn:x:alert\",\"SourceURI\":\"urn:a\",\"Data\":\"200\",\"Correlator\":\"c-1\"}";

        await dev.Package1Async(alert);
        await dev.Package1Async(alert); // at-least-once delivery: a reset before the device removed it

        var alerts = server.Service<SessionHistory>().Alerts("dev-1");
        Assert.HasCount(2, alerts);
        Assert.IsTrue(alerts[0].Duplicate);
        Assert.IsFalse(alerts[1].Duplicate);
    }

    [TestMethod]
    public async Task ServerInitiatedSession_RecordsNotificationIdAsNote()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        var r = await dev.PostAsync("{\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ServerInitiatedMgmt\",\"Data\":\"7\"}]}", DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.OK, r.Status);
        var session = server.Service<SessionHistory>().Sessions("dev-1").Single();
        Assert.AreEqual(DmMediaTypes.ServerInitiated, session.TriggerAlert);
        Assert.AreEqual("7", session.Note);
    }

    [TestMethod]
    public async Task ContUri_PackagesPostedThereContinueTheSession()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        server.Service<CommandQueue>().Enqueue("dev-1", ["CONT", "${repo}/dm/continued"]);
        server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//A"]);

        var p2 = Cmds(await dev.Package1Async());
        var r = await dev.PostAsync("{\"Status\":[{\"sc\":200},{\"sc\":200}]}", DmMediaTypes.Response, "/dm/continued");

        Assert.AreEqual(server.BaseUrl + "/dm/continued", p2[0][1]);
        Assert.AreEqual(HttpStatusCode.OK, r.Status);
        Assert.AreEqual("{\"CMD\":[[\"END\"]]}", r.Body);
    }
    [TestMethod]
    public async Task SweepStaleSessions_AbortsIdleSessionAndMarksItsCommandsLost()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var id = server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:oma:mo:app:1.0//A"])!.Value;
        await dev.Package1Async(); // then the device goes silent
        var sessions = server.Service<DmSessionService>();

        Assert.AreEqual(0, sessions.SweepStaleSessions(TimeSpan.FromMinutes(15)), "not idle long enough");
        await Task.Delay(50);
        var aborted = sessions.SweepStaleSessions(TimeSpan.FromMilliseconds(10));

        Assert.AreEqual(1, aborted);
        Assert.AreEqual(CommandState.Lost, server.Service<CommandQueue>().Get(id)!.State);
        Assert.AreEqual("aborted", server.Service<SessionHistory>().Sessions("dev-1")[0].State);
        Assert.AreEqual(0, server.Service<SessionHistory>().Counters().OpenSessions);
    }
}

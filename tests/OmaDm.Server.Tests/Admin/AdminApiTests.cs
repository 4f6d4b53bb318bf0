using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Tests.Infrastructure;
using static OmaDm.Server.Tests.Infrastructure.ScriptedDevice;

namespace OmaDm.Server.Tests.Admin;

[TestClass]
public sealed class AdminApiTests
{
    [TestMethod]
    public async Task Api_WithoutOrWithWrongToken_Is401()
    {
        await using var server = await TestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var none = await http.GetAsync("/api/devices");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        var wrong = await http.PostAsJsonAsync("/api/devices", new { devId = "x", password = "y" });

        Assert.AreEqual(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.IsFalse(server.Service<DeviceRegistry>().Exists("x"));
    }

    [TestMethod]
    public async Task Enrol_ThenDeviceAuthenticates_PasswordNeverReturnedOrStoredInClear()
    {
        await using var server = await TestServer.StartAsync();

        var created = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "dev-1", password = "hunter2-long", notificationSecret = "ns", notificationHost = "127.0.0.1", notificationPort = 5683 });
        var again = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "dev-1", password = "hunter3-long" });
        var body = await created.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode, "re-enrolment replaces credentials");
        Assert.DoesNotContain("hunter", body);
        Assert.IsTrue(server.Service<DeviceRegistry>().Authenticate("dev-1", "dev-1", "hunter3-long"));
        Assert.IsFalse(server.Service<DeviceRegistry>().Authenticate("dev-1", "dev-1", "hunter2-long"));
        var device = server.Service<DeviceRegistry>().Get("dev-1")!;
        Assert.AreEqual(5683, device.NotificationPort);
        Assert.IsTrue(device.HasNotificationSecret);
        if (!server.IsSqlite)
        {
            return; // the file check below is SQLite's; PostgreSQL stores the same columns
        }
        var dbBytes = await File.ReadAllBytesAsync(Path.Combine(server.Folder, "omadm.db"));
        var wal = Path.Combine(server.Folder, "omadm.db-wal");
        var all = File.Exists(wal) ? [.. dbBytes, .. await File.ReadAllBytesAsync(wal)] : dbBytes;
        Assert.AreEqual(-1, System.Text.Encoding.UTF8.GetString(all).IndexOf("hunter", StringComparison.Ordinal), "only a salted hash is stored");
    }

    [TestMethod]
    public async Task Enrol_InvalidBodies_Are400()
    {
        await using var server = await TestServer.StartAsync();

        var noPassword = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "dev-1", password = "" });
        var slash = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "a/b", password = "x" });

        Assert.AreEqual(HttpStatusCode.BadRequest, noPassword.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, slash.StatusCode);
    }

    [TestMethod]
    public async Task Enrol_DevIdWithColon_DeviceAuthenticatesWithItsDevIdAsUser()
    {
        await using var server = await TestServer.StartAsync();

        var enrol = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "MAC:a1b2c3d4e5f6", password = "pw:with:colons" });
        var badUser = await server.Admin.PostAsJsonAsync("/api/devices", new { devId = "dev-2", password = "pw-12345", authName = "user:name" });
        using var board = new ScriptedDevice(server.BaseUrl, "MAC:a1b2c3d4e5f6", "MAC:a1b2c3d4e5f6", "pw:with:colons");
        using var wrong = new ScriptedDevice(server.BaseUrl, "MAC:a1b2c3d4e5f6", "MAC:a1b2c3d4e5f6", "pw");

        Assert.AreEqual(HttpStatusCode.Created, enrol.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, badUser.StatusCode, "RFC 7617: a user name other than the DevID cannot contain ':'");
        Assert.AreEqual(HttpStatusCode.OK, (await board.PostAsync("{\"Alert\":[]}", OmaDm.Server.Dm.DmMediaTypes.Initiation)).Status,
            "credentials 'MAC:a1b2c3d4e5f6:pw:with:colons' split after the DevID from OMADM-DevID");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await wrong.PostAsync("{\"Alert\":[]}", OmaDm.Server.Dm.DmMediaTypes.Initiation)).Status);
    }

    [TestMethod]
    public async Task QueueCommand_ThroughApi_SentAndResultReadable()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();

        var queued = await server.Admin.PostAsJsonAsync("/api/devices/dev-1/commands", new { command = new[] { "GET", "urn:oma:mo:app:1.0//T" } });
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var p2 = Cmds(await dev.Package1Async());
        await dev.Package3Async("{\"sc\":200,\"URI\":[\"urn:oma:mo:app:1.0/a/T\"],\"Data\":[21.5]}");
        var command = await server.GetJsonAsync("/api/commands/" + id);
        var values = await server.GetJsonAsync("/api/devices/dev-1/values");

        Assert.AreEqual(HttpStatusCode.Created, queued.StatusCode);
        Assert.AreEqual("urn:oma:mo:app:1.0//T", p2.Single()[1]);
        Assert.AreEqual("Done", command.GetProperty("state").GetString());
        Assert.AreEqual(200, command.GetProperty("statusCode").GetInt32());
        Assert.IsTrue(values.EnumerateArray().Any(v => v.GetProperty("uri").GetString() == "urn:oma:mo:app:1.0/a/T" && v.GetProperty("value").GetDouble() == 21.5));
    }

    [TestMethod]
    public async Task QueueCommand_BadShapes_Are400_UnknownDevice404()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("dev-1").Dispose();

        foreach (var command in new[] { new[] { "FROB", "x" }, new[] { "GET" }, new[] { "HPUT", "x" }, new[] { "END", "x" }, Array.Empty<string>(), new[] { "GET", new string('u', 2000) } })
        {
            var r = await server.Admin.PostAsJsonAsync("/api/devices/dev-1/commands", new { command });
            Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode, string.Join(",", command));
        }
        var unknown = await server.Admin.PostAsJsonAsync("/api/devices/ghost/commands", new { command = new[] { "GET", "urn:a" } });
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.AreEqual(0, server.Service<CommandQueue>().PendingCount("dev-1"));
    }

    [TestMethod]
    public async Task GroupCommand_FansOutToEveryMember()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("dev-1").Dispose();
        server.Enrol("dev-2").Dispose();
        server.Enrol("dev-3").Dispose();
        var group = await (await server.Admin.PostAsJsonAsync("/api/groups", new { name = "lab" })).Content.ReadFromJsonAsync<JsonElement>();
        var gid = group.GetProperty("id").GetInt64();
        await server.Admin.PostAsJsonAsync($"/api/groups/{gid}/members", new { devId = "dev-1" });
        await server.Admin.PostAsJsonAsync($"/api/groups/{gid}/members", new { devId = "dev-2" });

        var r = await server.Admin.PostAsJsonAsync($"/api/groups/{gid}/commands", new { command = new[] { "EXEC", "urn:oma:mo:app:1.0//Blink" } });

        Assert.AreEqual(HttpStatusCode.Created, r.StatusCode);
        var queue = server.Service<CommandQueue>();
        Assert.AreEqual(1, queue.PendingCount("dev-1"));
        Assert.AreEqual(1, queue.PendingCount("dev-2"));
        Assert.AreEqual(0, queue.PendingCount("dev-3"));
        Assert.AreEqual("group:" + gid, queue.List("dev-1").Single().Source);
    }

    [TestMethod]
    public async Task CancelCommand_OnlyWhileQueued()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var queue = server.Service<CommandQueue>();
        var a = queue.Enqueue("dev-1", ["GET", "urn:a:b//A"])!.Value;
        var b = queue.Enqueue("dev-1", ["GET", "urn:a:b//B"])!.Value;

        var cancelled = await server.Admin.DeleteAsync("/api/commands/" + b);
        var p2 = Cmds(await dev.Package1Async());
        var late = await server.Admin.DeleteAsync("/api/commands/" + a);

        Assert.AreEqual(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.AreEqual("urn:a:b//A", p2.Single()[1]);
        Assert.AreEqual(HttpStatusCode.Conflict, late.StatusCode, "already sent");
    }

    [TestMethod]
    public async Task PollInterval_QueuesHgetOfTextValueIntoPollNode()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();

        var r = await server.Admin.PostAsJsonAsync("/api/devices/dev-1/poll-interval", new { seconds = 300 });
        var bad = await server.Admin.PostAsJsonAsync("/api/devices/dev-1/poll-interval", new { seconds = 1 });
        var p2 = Cmds(await dev.Package1Async());
        using var http = new HttpClient();
        var value = await http.GetAsync(p2.Single()[1]);

        Assert.AreEqual(HttpStatusCode.Accepted, r.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.AreEqual("HGET", p2.Single()[0]);
        Assert.AreEqual(DeviceSettings.DefaultPollIntervalUri, p2.Single()[2]);
        Assert.AreEqual("text/plain", value.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("300", await value.Content.ReadAsStringAsync());
        Assert.AreEqual(300, server.Service<DeviceRegistry>().Get("dev-1")!.PollIntervalSeconds);
    }

    [TestMethod]
    public async Task SessionsAlertsAndStatus_AreListed()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync("1.0.0+0", "{\"AlertType\":\"urn:x\",\"Data\":\"1\"}");

        var sessions = await server.GetJsonAsync("/api/devices/dev-1/sessions");
        var alerts = await server.GetJsonAsync("/api/devices/dev-1/alerts");
        var status = await server.GetJsonAsync("/api/status");

        Assert.AreEqual("ended", sessions[0].GetProperty("state").GetString());
        Assert.AreEqual("urn:x", alerts[0].GetProperty("alert").GetProperty("alertType").GetString());
        Assert.AreEqual(1, status.GetProperty("devices").GetInt32());
        Assert.AreEqual(0, status.GetProperty("openSessions").GetInt32());
    }

    [TestMethod]
    public async Task DeleteDevice_RemovesItsData()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();

        var r = await server.Admin.DeleteAsync("/api/devices/dev-1");
        var after = await dev.PostAsync("{\"Alert\":[]}", OmaDm.Server.Dm.DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.NoContent, r.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, after.Status, "the cached authentication is dropped with the device");
        Assert.IsEmpty(server.Service<OmaDm.Server.Dm.SessionHistory>().Sessions("dev-1"));
    }
    [TestMethod]
    public async Task PutBlob_StoresPublicBlob_ButNeverReplacesAFirmwareImage()
    {
        await using var server = await TestServer.StartAsync();
        var image = (await server.Service<OmaDm.Server.Firmware.FirmwareCatalog>().AddAsync("fw", new MemoryStream(new byte[100]), "1.0.0")).Image!;

        var put = await server.Admin.PutAsync("/api/blobs/readme.txt", new StringContent("hello"));
        var clash = await server.Admin.PutAsync("/api/blobs/" + image.BlobName, new ByteArrayContent(new byte[10]));
        using var http = new HttpClient();

        Assert.AreEqual(HttpStatusCode.Created, put.StatusCode);
        Assert.AreEqual("hello", await http.GetStringAsync(server.BaseUrl + "/repo/blobs/readme.txt"));
        Assert.AreEqual(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.AreEqual(image.ImageSize, server.Service<OmaDm.Server.Repository.BlobStore>().Get(image.BlobName)!.Length);
    }
}

using System.Text.Json;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Host.Tests.Integration;

[TestClass]
public sealed class SessionIntegrationTests
{
    private const string T = IntegrationDevice.TestMoid;

    private static JsonElement Statuses(SeenRequest p3) => JsonDocument.Parse(p3.Body).RootElement.GetProperty("Status");

    private static int[] Codes(SeenRequest p3) => Statuses(p3).EnumerateArray().Select(s => s.GetProperty("sc").GetInt32()).ToArray();

    [TestMethod]
    public async Task SeedFirmwareExample_P1_P2Exec_P3_End()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        server.Package2("{\n \"CMD\": [\n  [\"EXEC\", \"oma:mo:oma-fumo:1.0//Update\"]\n ]\n}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        SessionOutcome outcome = device.Client.Run();

        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        Assert.AreEqual(1, device.UpdateCalls);
        var dm = server.DmRequests;
        Assert.HasCount(2, dm, "P1 and P3; nothing after END");
        Assert.AreEqual("application/vnd.oma.dm.initiation+json", dm[0].ContentType);
        Assert.AreEqual("application/vnd.oma.dm.request+json", dm[0].Accept);
        Assert.AreEqual("IMEI:493005100592800", dm[0].DevId);
        Assert.AreEqual("Basic " + Convert.ToBase64String("dev-user:dev-pass"u8.ToArray()), dm[0].Authorization);
        using (var p1 = JsonDocument.Parse(dm[0].Body))
        {
            var mos = p1.RootElement.GetProperty("MOS");
            Assert.AreEqual("urn:oma:mo:oma-fumo:1.0", mos[0].GetProperty("MOID").GetString());
            Assert.AreEqual("miid1", mos[0].GetProperty("MIID")[0].GetString());
            Assert.AreEqual("http://www.vendor.com/DDF/oma-fumo1.0.ddf", mos[0].GetProperty("DDF").GetString());
            Assert.AreEqual("urn:oma:at:dm:2.0:ClientInitiatedMgmt", p1.RootElement.GetProperty("Alert")[0].GetProperty("AlertType").GetString());
        }

        Assert.AreEqual("application/vnd.oma.dm.response+json", dm[1].ContentType);
        Assert.AreEqual("IMEI:493005100592800", dm[1].DevId);
        Assert.AreEqual("{\"Status\":[{\"sc\":200}]}", dm[1].Body);
    }

    [TestMethod]
    public async Task EveryCommand_AnsweredInOrder_WithRepositoryTraffic()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        string repo = server.BaseUrl + "/repo";
        server.Resource("/repo/name", 200, "text/plain; charset=utf-8", "from-repo");
        server.Resource("/repo/cfg", 200, "application/json", "{\"Name\":\"obj\",\"Count\":42}");
        server.Resource("/repo/up", 204, "text/plain", "");
        device.Test.SetText("Dyn/a", "x");
        device.Tree.Commit();
        server.Package2("{\"CMD\":[" +
            "[\"GET\",\"" + T + "//Name\"]," +
            "[\"HGET\",\"" + repo + "/name\",\"" + T + "/t1/Name\"]," +
            "[\"HGET\",\"" + repo + "/cfg\",\"" + T + "/t1\"]," +
            "[\"HPUT\",\"" + repo + "/up\",\"" + T + "/t1/Name\"]," +
            "[\"HPOST\",\"" + repo + "/up\",\"" + T + "/t1\"]," +
            "[\"DELETE\",\"" + T + "/t1/Dyn/a\"]," +
            "[\"EXEC\",\"" + T + "//Reboot\"]," +
            "[\"EXEC\",\"" + T + "//Later\"]," +
            "[\"SHOW\",\"https://ui.example.com/\"]," +
            "[\"DEFAULT\",\"urn:oma:mo:cfg:1.0\",\"" + repo + "/cfg\"]," +
            "[\"SUB\",\"x\"],[\"UNSUB\",\"x\"]," +
            "[\"GET\",\"" + T + "/*/Name\"]]}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        SessionOutcome outcome = device.Client.Run();

        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        var p3 = server.DmRequests[1];
        CollectionAssert.AreEqual(new[] { 200, 200, 200, 200, 200, 200, 200, 202, 406, 200, 501, 501, 200 }, Codes(p3), p3.Body);
        var statuses = Statuses(p3);
        Assert.AreEqual("urn:oma:mo:test-dev:1.0/t1/Name", statuses[0].GetProperty("URI")[0].GetString());
        Assert.AreEqual("dev", statuses[0].GetProperty("Data")[0].GetString());
        Assert.AreEqual("obj", statuses[12].GetProperty("Data")[0].GetString(), "HGET into the interior node replaced Name");
        var put = server.Requests.Single(r => r.Method == "PUT");
        Assert.AreEqual("/repo/up", put.Path);
        Assert.AreEqual("\"obj\"", put.Body, "HPUT sees the HGETs that ran before it in the same package");
        var post = server.Requests.Single(r => r.Method == "POST" && r.Path == "/repo/up");
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.AreEqual(42, body.RootElement.GetProperty("Count").GetInt32());
            Assert.IsFalse(body.RootElement.TryGetProperty("Secret", out _), "credentials never leave the device");
        }

        Assert.AreEqual(1, device.RebootCalls);
        Assert.AreEqual(repo + "/cfg", device.Client.GetDefaultServerUri("urn:oma:mo:cfg:1.0"));
        Assert.IsFalse(device.Test.Exists("Dyn/a"));
    }

    [TestMethod]
    public async Task ErrorStatuses_EachAnswered_SessionGoesOn()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        string repo = server.BaseUrl + "/repo";
        server.Resource("/repo/text", 200, "text/plain", "abc");
        server.Resource("/repo/jpg", 200, "image/jpeg", "xx");
        server.Resource("/repo/fail", 500, "text/plain", "");
        server.Package2("{\"CMD\":[" +
            "[\"GET\",\"" + T + "/t1/../x\"]," +                        // 400 ClientURI
            "[\"GET\",\"" + T + "/t1/Nope\"]," +                        // 404 node
            "[\"GET\",\"" + T + "/t1/Secret\"]," +                      // 405 credentials
            "[\"DELETE\",\"" + T + "/t1/Name\"]," +                     // 405 permanent
            "[\"EXEC\",\"" + T + "/t1/Name\"]," +                       // 405 not executable
            "[\"SHOW\",\"https://ui.example.com/\"]," +                 // 406 no UI
            "[\"GET\",\"" + new string('u', 2000) + "\"]," +            // 413 argument
            "[\"HGET\",\"" + repo + "/jpg\",\"" + T + "/t1\"]," +       // 415 media type
            "[\"HGET\",\"" + repo + "/text\",\"" + T + "/t1/Count\"]," + // 400 not an int
            "[\"HGET\",\"" + repo + "/fail\",\"" + T + "/t1/Name\"]," + // 500 repository
            "[\"FROB\"]," +                                              // 501
            "[\"HGET\",\"http://203.0.113.1/x\",\"" + T + "/t1/Name\"]," + // 400 plain http off loopback
            "42," +                                                      // 400 not an array
            "[\"GET\",\"" + T + "//Fixed\"]]}");                        // still 200
        server.Package2("{\"CMD\":[[\"END\"]]}");

        SessionOutcome outcome = device.Client.Run();

        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        CollectionAssert.AreEqual(new[] { 400, 404, 405, 405, 405, 406, 413, 415, 400, 500, 501, 400, 400, 200 }, Codes(server.DmRequests[1]), server.DmRequests[1].Body);
    }

    [TestMethod]
    public async Task AclDenied_403()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        device.Test.SetAccess("someone-else", OmaDm.Nano.Tree.AccessRights.All);
        server.Package2("{\"CMD\":[[\"GET\",\"" + T + "//Name\"],[\"EXEC\",\"" + T + "//Reboot\"]]}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        device.Client.Run();

        CollectionAssert.AreEqual(new[] { 403, 403 }, Codes(server.DmRequests[1]));
        Assert.AreEqual(0, device.RebootCalls);
    }

    [TestMethod]
    public async Task Cont_SecondEndpointGetsLaterPackages()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        server.Package2("{\"CMD\":[[\"CONT\",\"" + server.BaseUrl + "/dm2/next\"],[\"GET\",\"" + T + "//Fixed\"]]}");
        server.Package2("{\"CMD\":[[\"EXEC\",\"" + T + "//Reboot\"]]}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        SessionOutcome outcome = device.Client.Run();

        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        var dm = server.DmRequests;
        Assert.HasCount(3, dm);
        Assert.AreEqual("/dm", dm[0].Path);
        Assert.AreEqual("/dm2/next", dm[1].Path);
        Assert.AreEqual("/dm2/next", dm[2].Path);
        CollectionAssert.AreEqual(new[] { 200, 200 }, Codes(dm[1]));
        Assert.AreEqual("IMEI:493005100592800", dm[2].DevId);
    }

    [TestMethod]
    public async Task End_RestOfPackageRuns_NothingSent()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        server.Package2("{\"CMD\":[[\"GET\",\"" + T + "//Name\"],[\"END\"],[\"EXEC\",\"" + T + "//Reboot\"],[\"DELETE\",\"" + T + "/t1/Dyn/a\"]]}");

        SessionOutcome outcome = device.Client.Run();
        await Task.Delay(200); // a stray Package#3 would arrive now

        Assert.AreEqual(SessionResult.Completed, outcome.Result);
        Assert.AreEqual(1, device.RebootCalls);
        Assert.HasCount(1, server.DmRequests);
    }

    [TestMethod]
    public async Task HttpError_AbortsSession()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        server.Answer(401, "text/plain", "who are you");

        SessionOutcome outcome = device.Client.Run();
        Assert.AreEqual(SessionResult.HttpError, outcome.Result);
        Assert.AreEqual(401, outcome.HttpStatus);

        server.Package2("{\"CMD\":[[\"EXEC\",\"" + T + "//Reboot\"]]}");
        server.Answer(503, "text/plain", "later");
        outcome = device.Client.Run();
        Assert.AreEqual(SessionResult.HttpError, outcome.Result);
        Assert.AreEqual(503, outcome.HttpStatus);
        Assert.AreEqual(1, device.RebootCalls);
    }

    [TestMethod]
    public async Task MalformedPackage2_AbortsAndKeepsCommittedState()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        device.Test.SetText("Dyn/a", "x");
        device.Tree.Commit();
        server.Package2("{\"CMD\":[[\"DELETE\",\"" + T + "/t1/Dyn/b\"]]}");
        server.Package2("{\"CMD\":[[\"DELETE\",\"" + T + "/t1/Dyn/a\"],[\"GET\" \"x\"]]}");

        SessionOutcome outcome = device.Client.Run();

        Assert.AreEqual(SessionResult.MalformedPackage, outcome.Result);
        Assert.IsGreaterThan(0L, outcome.ErrorOffset);
        Assert.HasCount(2, server.DmRequests, "no Package#3 for the malformed package");
        device.Boot(server.DmUrl);
        Assert.IsTrue(device.Test.Exists("Dyn/a"), "the malformed package's delete never committed");
    }

    [TestMethod]
    public async Task TenThousandCommands_StreamedBothWays()
    {
        const int total = 10_000;
        const int beforeWait = 8_000;
        await using var server = await ScriptedDmServer.StartAsync();
        using var device = new IntegrationDevice(server.DmUrl);
        bool overlapped = false;
        server.Step(async context =>
        {
            while (server.DmRequestStarted.Wait(0))
            {
                // drop the release of Package#1 itself
            }

            context.Response.ContentType = ScriptedDmServer.Package2Type;
            var body = context.Response.Body;
            await body.WriteAsync("{\"CMD\":["u8.ToArray());
            byte[] command = System.Text.Encoding.UTF8.GetBytes("[\"GET\",\"" + T + "//Fixed\"],");
            byte[] last = System.Text.Encoding.UTF8.GetBytes("[\"GET\",\"" + T + "//Fixed\"]]}");
            for (int i = 0; i < total - 1; i++)
            {
                await body.WriteAsync(command);
                if (i == beforeWait)
                {
                    await body.FlushAsync();
                    // the device's Package#3 must already be on its way: it never holds the whole package
                    overlapped = await server.DmRequestStarted.WaitAsync(TimeSpan.FromSeconds(20));
                }
            }

            await body.WriteAsync(last);
        });
        server.Package2("{\"CMD\":[[\"END\"]]}");

        SessionOutcome outcome = await Task.Run(() => device.Client.Run());

        Assert.AreEqual(SessionResult.Completed, outcome.Result, outcome.Describe());
        Assert.IsTrue(overlapped, "Package#3 started streaming before Package#2 ended");
        int[] codes = Codes(server.DmRequests[1]);
        Assert.HasCount(total, codes);
        Assert.IsTrue(codes.All(c => c == 200));
        Assert.AreEqual(total + 1, outcome.Commands);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using OmaDm.Device;

namespace OmaDm.Nano.Host.Tests.Integration;

[TestClass]
public sealed class DeviceCliTests
{
    private static string NewStateDir() => Path.Combine(Path.GetTempPath(), "omadm-cli-" + Guid.NewGuid().ToString("N"));

    private static (int Code, string Out, string Err) Run(DeviceOptions options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = DeviceRunner.Run(options, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [TestMethod]
    public async Task Once_FreshState_BootstrapsRunsAndKeepsIdentity()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        string state = NewStateDir();
        server.Package2("{\"CMD\":[[\"GET\",\"urn:oma:mo:oma-dm-devinfo:1.0//DevID\"]]}");
        server.Package2("{\"CMD\":[[\"END\"]]}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        var first = Run(new DeviceOptions { ServerUrl = server.DmUrl, StateDirectory = state, Once = true, Verbose = true, Password = "pw-0001" });
        var second = Run(new DeviceOptions { StateDirectory = state, Once = true });

        Assert.AreEqual(ExitCodes.Ok, first.Code, first.Err);
        Assert.AreEqual(ExitCodes.Ok, second.Code, second.Err);
        Assert.Contains("-> Package#1 POST " + server.DmUrl, first.Out);
        Assert.Contains("{\"CMD\":[[\"GET\",\"urn:oma:mo:oma-dm-devinfo:1.0//DevID\"]]}", first.Out, "--verbose prints the JSON");
        Assert.Contains("session completed", first.Out);
        var dm = server.DmRequests;
        Assert.HasCount(3, dm);
        Assert.Contains("urn:oma:at:dm:2.0:BootstrapComplete", dm[0].Body);
        Assert.Contains("urn:oma:at:dm:2.0:ClientInitiatedMgmt", dm[2].Body);
        Assert.StartsWith("VIRT-", dm[0].DevId!);
        Assert.AreEqual(dm[0].DevId, dm[2].DevId, "the state folder is the same device");
        Assert.Contains("\"Data\":[\"" + dm[0].DevId + "\"]", dm[1].Body);
        Assert.AreEqual("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(dm[0].DevId + ":pw-0001")), dm[2].Authorization);
        Directory.Delete(state, true);
    }

    [TestMethod]
    public async Task Once_SettingsFile_UsesItsAccountAndDevId()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        string state = NewStateDir();
        Directory.CreateDirectory(state);
        string settings = Path.Combine(state, "settings.json");
        File.WriteAllText(settings, "{\"ServerId\":\"s1\",\"ServerUri\":\"" + server.DmUrl + "\",\"UserName\":\"u1\",\"Password\":\"p1\",\"DevId\":\"IMEI:1234\"}");
        server.Package2("{\"CMD\":[[\"END\"]]}");

        var run = Run(new DeviceOptions { StateDirectory = state, SettingsFile = settings, Once = true });

        Assert.AreEqual(ExitCodes.Ok, run.Code, run.Err);
        Assert.AreEqual("IMEI:1234", server.DmRequests[0].DevId);
        Assert.AreEqual("Basic " + Convert.ToBase64String("u1:p1"u8.ToArray()), server.DmRequests[0].Authorization);
        Directory.Delete(state, true);
    }

    [TestMethod]
    public async Task Once_ServerRefuses_ExitsNonZeroWithOneLine()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        string state = NewStateDir();
        server.Answer(403, "text/plain", "no");

        var run = Run(new DeviceOptions { ServerUrl = server.DmUrl, StateDirectory = state, Once = true });

        Assert.AreEqual(ExitCodes.SessionFailed, run.Code);
        Assert.AreEqual("OmaDm.Device: session aborted: server answered HTTP 403", run.Err.Trim());
        Directory.Delete(state, true);
    }

    [TestMethod]
    public void Once_FreshStateWithoutServer_NotConfigured()
    {
        string state = NewStateDir();
        var run = Run(new DeviceOptions { StateDirectory = state, Once = true });

        Assert.AreEqual(ExitCodes.NotConfigured, run.Code);
        Assert.AreEqual(1, run.Err.Trim().Split('\n').Length, run.Err);
        Assert.StartsWith("OmaDm.Device: no DM account", run.Err);
        Directory.Delete(state, true);
    }

    [TestMethod]
    public void Once_PlainHttpToPublicHost_RefusedWithoutOptIn()
    {
        string state = NewStateDir();
        var run = Run(new DeviceOptions { StateDirectory = state, ServerUrl = "http://dm.example.com/dm", Once = true });

        Assert.AreEqual(ExitCodes.NotConfigured, run.Code);
        Assert.Contains("bootstrap failed", run.Err);
        Directory.Delete(state, true);
    }

    [TestMethod]
    public async Task PowerCut_ExitsAtOnce_NextRunRecovers()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        string state = NewStateDir();
        for (int i = 0; i < 4; i++)
        {
            server.Package2("{\"CMD\":[[\"END\"]]}");
        }

        var cut = Run(new DeviceOptions { ServerUrl = server.DmUrl, StateDirectory = state, Once = true, PowerCutAfterOps = 4, PowerCutSeed = 7 });
        var again = Run(new DeviceOptions { ServerUrl = server.DmUrl, StateDirectory = state, Once = true });
        var third = Run(new DeviceOptions { StateDirectory = state, Once = true });

        Assert.AreEqual(ExitCodes.PowerCut, cut.Code, cut.Out + cut.Err);
        Assert.StartsWith("OmaDm.Device: power cut after 4 flash operations", cut.Err);
        Assert.AreEqual(ExitCodes.Ok, again.Code, again.Err);
        Assert.AreEqual(ExitCodes.Ok, third.Code, third.Err);
        var dm = server.DmRequests;
        Assert.AreEqual(dm[^1].DevId, dm[^2].DevId, "identity stable after recovery");
        Directory.Delete(state, true);
    }

    /// <summary>Package#0 built independently of the client: bytes by hand, digest by .NET's HMACSHA256.</summary>
    internal static byte[] Notification(string serverId, uint id, long timestamp, string secret)
    {
        var p = new List<byte> { 0x22, 0x00 }; // VER 2, OC 4
        byte[] sid = Encoding.UTF8.GetBytes(serverId);
        p.Add((byte)(0x10 | sid.Length));
        p.AddRange(sid);
        p.Add(0x24); // delta 2 (option 3), length 4
        p.AddRange([(byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id]);
        p.Add(0x1D); // delta 1 (option 4), length 13+19
        p.Add(19);
        int digestAt = p.Count;
        p.AddRange(new byte[32]);
        p.Add(0x14); // delta 1 (option 5), length 4
        p.AddRange([(byte)(timestamp >> 24), (byte)(timestamp >> 16), (byte)(timestamp >> 8), (byte)timestamp]);
        byte[] package = p.ToArray();
        byte[] digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), package);
        digest.CopyTo(package, digestAt);
        return package;
    }

    [TestMethod]
    public void Notification_DigestMatchesIndependentHmac()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        byte[] package = Notification("omadm-server", 9, now, "s3cret");
        var parsed = new OmaDm.Nano.Session.DmNotification();

        Assert.IsTrue(OmaDm.Nano.Session.NotificationParser.TryParse(package, 0, package.Length, parsed));
        byte[] ours = OmaDm.Nano.Session.NotificationGuard.ComputeDigest(package, 0, package.Length, parsed.DigestOffset, "s3cret");
        CollectionAssert.AreEqual(package.Skip(parsed.DigestOffset).Take(32).ToArray(), ours);
    }

    [TestMethod]
    public async Task Loop_HostileNotificationsIgnored_ValidOneStartsSession()
    {
        await using var server = await ScriptedDmServer.StartAsync();
        string state = NewStateDir();
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        server.Package2("{\"CMD\":[[\"END\"]]}"); // the session at start
        server.Package2("{\"CMD\":[[\"END\"]]}"); // the notified session
        var options = new DeviceOptions
        {
            ServerUrl = server.DmUrl, StateDirectory = state, PollSeconds = 3600, NotificationPort = port,
            NotificationSecret = "noti-secret", ServerId = "omadm-server",
        };
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        Task<int> loop = Task.Run(() => DeviceRunner.Run(options, TextWriter.Synchronized(log), TextWriter.Null, stop.Token));
        await WaitUntil(() => server.DmRequests.Count >= 1 && log.ToString().Contains("session completed"));

        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        byte[] valid = Notification("omadm-server", 5, now, "noti-secret");
        byte[] tampered = (byte[])valid.Clone();
        tampered[^1] ^= 1;
        using var udp = new UdpClient();
        foreach (byte[] hostile in new[]
        {
            new byte[] { 1, 2, 3 },
            Notification("omadm-server", 6, now, "wrong-secret"),
            Notification("someone-else", 7, now, "noti-secret"),
            Notification("omadm-server", 8, now - 3600, "noti-secret"),
            tampered,
            new byte[2000],
        })
        {
            await udp.SendAsync(hostile, new IPEndPoint(IPAddress.Loopback, port));
        }

        await udp.SendAsync(valid, new IPEndPoint(IPAddress.Loopback, port));
        await WaitUntil(() => server.DmRequests.Count >= 2 && log.ToString().Contains("notification Accepted"));
        await udp.SendAsync(valid, new IPEndPoint(IPAddress.Loopback, port)); // replay
        await WaitUntil(() => log.ToString().Contains("notification Replayed"));
        stop.Cancel();
        int code = await loop;

        Assert.AreEqual(ExitCodes.Ok, code);
        string text = log.ToString();
        Assert.Contains("notification Malformed", text);
        Assert.Contains("notification BadDigest", text);
        Assert.Contains("notification UnknownServer", text);
        Assert.Contains("notification Stale", text);
        var dm = server.DmRequests;
        Assert.HasCount(2, dm, "the session at start, then exactly one notified session (END: no Package#3): " + text);
        Assert.Contains("{\"AlertType\":\"urn:oma:at:dm:2.0:ServerInitiatedMgmt\",\"Data\":\"5\"}", dm[1].Body);
        Directory.Delete(state, true);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("timed out waiting");
            }

            await Task.Delay(50);
        }
    }
}

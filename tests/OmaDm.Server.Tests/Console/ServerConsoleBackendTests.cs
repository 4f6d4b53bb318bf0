using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Devices;
using OmaDm.Server.WebConsole;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>The console's adapter over the real server services (SQLite file, no HTTP).</summary>
[TestClass]
public sealed class ServerConsoleBackendTests
{
    public TestContext TestContext { get; set; } = null!;

    private static async Task<(DmServer Server, string Folder)> StartAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "omadm-console-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        DmServer server = DmServer.Build(new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = Path.Combine(folder, "omadm.db"),
            ConsolePassword = "console-test-password",
            PasswordIterations = 1000,
        });
        await server.StartAsync();
        return (server, folder);
    }

    private static byte[] Image(string version)
    {
        Assert.IsTrue(ImageVersion.TryParse(version, out ImageVersion v));
        return McuBootImageWriter.Pack(new byte[8192], v);
    }

    [TestMethod]
    public async Task Campaign_Lifecycle_ActionsAnswerByState()
    {
        (DmServer server, string _) = await StartAsync();
        await using DmServer _s = server;
        IConsoleBackend backend = server.Service<IConsoleBackend>();
        server.Service<DeviceRegistry>().Enrol("dev-1", "pw-dev-1");
        ConsoleActionResult upload = await backend.UploadImageAsync("app.bin", new MemoryStream(Image("1.1.0")), null, TestContext.CancellationToken);
        Assert.IsTrue(upload.Ok, upload.Message);

        ConsoleActionResult start = await backend.StartCampaignAsync(new ConsoleCampaignRequest("c", upload.Id!, null, 0, 50), TestContext.CancellationToken);
        Assert.IsTrue(start.Ok, start.Message);
        ConsoleCampaignDetail? detail = await backend.GetCampaignAsync(start.Id!, TestContext.CancellationToken);
        Assert.IsNotNull(detail);
        Assert.AreEqual("running", detail.Campaign.State);
        Assert.AreEqual("1.1.0+0", detail.Campaign.ImageVersion);
        Assert.AreEqual("dev-1", detail.Devices.Single().DevId);

        Assert.IsTrue((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Pause, TestContext.CancellationToken)).Ok);
        Assert.IsFalse((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Pause, TestContext.CancellationToken)).Ok, "already paused");
        Assert.IsTrue((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Resume, TestContext.CancellationToken)).Ok);
        Assert.IsFalse((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Retry, TestContext.CancellationToken)).Ok, "nothing failed yet");
        Assert.IsTrue((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Cancel, TestContext.CancellationToken)).Ok);
        Assert.IsFalse((await backend.CampaignActionAsync(start.Id!, ConsoleCampaignAction.Cancel, TestContext.CancellationToken)).Ok, "already cancelled");
        Assert.AreEqual("cancelled", (await backend.GetCampaignAsync(start.Id!, TestContext.CancellationToken))!.Campaign.State);
    }

    [TestMethod]
    public async Task StartCampaign_UnknownImageOrGroup_Refused()
    {
        (DmServer server, string _) = await StartAsync();
        await using DmServer _s = server;
        IConsoleBackend backend = server.Service<IConsoleBackend>();
        ConsoleActionResult upload = await backend.UploadImageAsync("app.bin", new MemoryStream(Image("1.1.0")), null, TestContext.CancellationToken);

        Assert.AreEqual("Unknown image.", (await backend.StartCampaignAsync(new ConsoleCampaignRequest("c", "999", null, 0, 50), TestContext.CancellationToken)).Message);
        Assert.AreEqual("Unknown image.", (await backend.StartCampaignAsync(new ConsoleCampaignRequest("c", "1 OR 1=1", null, 0, 50), TestContext.CancellationToken)).Message);
        Assert.AreEqual("Unknown group.", (await backend.StartCampaignAsync(new ConsoleCampaignRequest("c", upload.Id!, "nope", 0, 50), TestContext.CancellationToken)).Message);
        Assert.IsEmpty(await backend.ListCampaignsAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Upload_RawBinaryWithoutVersion_RefusedWithReason()
    {
        (DmServer server, string _) = await StartAsync();
        await using DmServer _s = server;
        IConsoleBackend backend = server.Service<IConsoleBackend>();

        ConsoleActionResult refused = await backend.UploadImageAsync("raw.bin", new MemoryStream(new byte[100]), null, TestContext.CancellationToken);
        ConsoleActionResult packed = await backend.UploadImageAsync("raw.bin", new MemoryStream(new byte[100]), "2.0.1", TestContext.CancellationToken);

        Assert.IsFalse(refused.Ok);
        StringAssert.Contains(refused.Message, "give a version");
        Assert.IsTrue(packed.Ok, packed.Message);
        Assert.AreEqual("2.0.1+0", (await backend.ListImagesAsync(TestContext.CancellationToken)).Single().Version);
    }

    [TestMethod]
    public async Task Devices_ShowVersionAndDetail_UnknownIsNull()
    {
        (DmServer server, string _) = await StartAsync();
        await using DmServer _s = server;
        IConsoleBackend backend = server.Service<IConsoleBackend>();
        server.Service<DeviceRegistry>().Enrol("dev-1", "pw-dev-1");
        using var device = new FumoScriptedDevice(server.BaseUrl, "dev-1", "pw-dev-1", "1.0.0+0", "1.1.0+0");
        await device.RunSessionAsync(TestContext.CancellationToken);

        ConsoleDevice row = (await backend.ListDevicesAsync(TestContext.CancellationToken)).Single();
        ConsoleDeviceDetail? detail = await backend.GetDeviceAsync("dev-1", TestContext.CancellationToken);

        Assert.AreEqual("1.0.0+0", row.FirmwareVersion);
        Assert.AreEqual("idle", row.State);
        Assert.IsNotNull(detail);
        Assert.IsNotEmpty(detail.Sessions, "the session is in the history");
        Assert.IsTrue(detail.Queue.Any(q => q.Command.Contains("devinfo", StringComparison.Ordinal) && q.StatusCode == 200), "the server's DevInfo read is listed with its status");
        Assert.IsNull(await backend.GetDeviceAsync("nope", TestContext.CancellationToken));
        Assert.IsNull(await backend.GetDeviceAsync("../etc", TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task QueueCommand_ValidatedAndListedOnDevicePage()
    {
        (DmServer server, string _) = await StartAsync();
        await using DmServer _s = server;
        IConsoleBackend backend = server.Service<IConsoleBackend>();
        server.Service<DeviceRegistry>().Enrol("dev-1", "pw-dev-1");

        ConsoleActionResult ok = await backend.QueueCommandAsync("dev-1", new[] { "EXEC", "urn:oma:mo:app:1.0//Reboot" }, TestContext.CancellationToken);
        ConsoleActionResult badName = await backend.QueueCommandAsync("dev-1", new[] { "FORMAT", "x" }, TestContext.CancellationToken);
        ConsoleActionResult badCount = await backend.QueueCommandAsync("dev-1", new[] { "HPUT", "http://x" }, TestContext.CancellationToken);
        ConsoleActionResult unknown = await backend.QueueCommandAsync("nope", new[] { "GET", "urn:x" }, TestContext.CancellationToken);

        Assert.IsTrue(ok.Ok, ok.Message);
        StringAssert.StartsWith(badName.Message, "unknown command 'FORMAT'");
        Assert.AreEqual("HPUT takes 2 argument(s)", badCount.Message);
        Assert.AreEqual("Unknown device.", unknown.Message);
        ConsoleQueuedCommand queued = (await backend.GetDeviceAsync("dev-1", TestContext.CancellationToken))!.Queue.Single();
        Assert.AreEqual("[\"EXEC\",\"urn:oma:mo:app:1.0//Reboot\"]", queued.Command);
        Assert.AreEqual("queued", queued.State);
    }
}

using Microsoft.Playwright;
using OmaDm.Device;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Nano.Session;
using OmaDm.Server.Devices;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>
/// The whole console scenario in headless Chromium against the real server (SQLite file, real
/// DM endpoint and repository): log in, see the devices, upload an image, start a campaign,
/// watch it complete while virtual devices (the real client core, FUMO and simulated slot,
/// in-process) poll over HTTP.
/// </summary>
[TestClass]
public sealed class ConsoleBrowserCampaignTests
{
    private const string Password = "console-test-password";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task Browser_RealServer_UploadStartCampaignWatchComplete()
    {
        string folder = Path.Combine(Path.GetTempPath(), "omadm-console-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = DmServer.Build(new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = Path.Combine(folder, "omadm.db"),
            ConsolePassword = Password,
            PasswordIterations = 1000,
        });
        await using var _s = server;
        await server.StartAsync(TestContext.CancellationToken);

        var devices = new List<VirtualDevice>();
        foreach (string id in new[] { "virt-01", "virt-02", "virt-03" })
        {
            Assert.AreEqual(EnrolResult.Created, server.Service<DeviceRegistry>().Enrol(id, "pw-" + id));
            var d = new VirtualDevice(new DeviceOptions
            {
                ServerUrl = server.BaseUrl + "/dm",
                StateDirectory = Path.Combine(folder, id),
                DevId = id,
                Password = "pw-" + id,
            }, TextWriter.Null);
            Assert.IsNull(d.Boot());
            devices.Add(d);
            SessionOutcome first = await Task.Run(() => d.RunSession()); // first contact: DevInfo and FwV recorded
            Assert.AreEqual(SessionResult.Completed, first.Result, first.Describe());
        }

        string imagePath = Path.Combine(folder, "app-1.1.0.bin");
        Assert.IsTrue(ImageVersion.TryParse("1.1.0", out ImageVersion v110));
        await File.WriteAllBytesAsync(imagePath, McuBootImageWriter.Pack(Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray(), v110));

        // Devices poll in the background the whole time, as real ones do.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        Task polling = Task.WhenAll(devices.Select(d => PollAsync(d, stop.Token)));

        (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync();
        using IPlaywright _p = playwright;
        await using IBrowser _b = browser;
        IPage page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(server.BaseUrl + "/console/");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/console/devices");
        string table = await page.InnerTextAsync("#devices");
        foreach (VirtualDevice d in devices)
        {
            StringAssert.Contains(table, d.Client.DevId);
        }
        StringAssert.Contains(table, "1.0.0+0", "the devices list shows the reported firmware version");

        await page.ClickAsync("nav >> text=Firmware");
        await page.SetInputFilesAsync("input[name=image]", imagePath);
        await page.ClickAsync("form.card button[type=submit]");
        await page.WaitForSelectorAsync("#images >> text=1.1.0+0");

        await page.ClickAsync("nav >> text=Campaigns");
        await page.FillAsync("#start-campaign input[name=name]", "to 1.1.0");
        await page.ClickAsync("#start-campaign button[type=submit]");
        await page.WaitForURLAsync("**/console/campaigns/*");

        await page.WaitForSelectorAsync("#campaign-state >> text=completed", new() { Timeout = 90_000 });
        string rows = await page.InnerTextAsync("#campaign-devices");
        Assert.AreEqual(3, await page.Locator("#campaign-devices tbody tr").CountAsync());
        Assert.AreEqual(3, System.Text.RegularExpressions.Regex.Matches(rows, "updated").Count, rows);
        StringAssert.Contains(await page.InnerTextAsync("#campaign-counts"), "3 updated, 0 failed");

        string shot = Path.Combine(Path.GetTempPath(), "omadm-console-campaign.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        TestContext.WriteLine("screenshot: " + shot);

        await page.ClickAsync("#campaign-devices >> text=virt-02");
        await page.WaitForURLAsync("**/console/devices/virt-02");
        StringAssert.Contains(await page.InnerTextAsync("#queue"), "HGET", "the device page lists the campaign's commands");
        StringAssert.Contains(await page.InnerTextAsync("#alerts"), "org.openmobilealliance.dm.firmwareupdate.update", "and the FUMO result alert");

        // Queue a command from the device page; the polling device answers it in its next session.
        await page.SelectOptionAsync("#queue-command select[name=command]", "GET");
        await page.FillAsync("#queue-command input[name=arg1]", "urn:oma:mo:oma-dm-devinfo:1.0//Man");
        await page.ClickAsync("#queue-command button[type=submit]");
        await page.WaitForURLAsync("**/console/devices/virt-02");
        StringAssert.Contains(await page.InnerTextAsync("#queue"), "oma-dm-devinfo:1.0//Man");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "omadm-console-device.png"), FullPage = true });

        stop.Cancel();
        await polling;
        foreach (VirtualDevice d in devices)
        {
            Assert.AreEqual("1.1.0+0", d.Facts.FirmwareVersion, "the device itself runs the new image");
            d.Dispose();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static async Task PollAsync(VirtualDevice device, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            await Task.Run(() => device.RunSession(), CancellationToken.None); // a session runs to its end
            try
            {
                await Task.Delay(150, cancel);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.Playwright;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>The console in headless Chromium over a scripted backend: the pages render and the forms work.</summary>
[TestClass]
public sealed class ConsoleBrowserSmokeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task Browser_LogInStartCampaign_WatchesItComplete()
    {
        var backend = new ScriptedConsoleBackend("dev-alpha", "dev-beta", "dev-<gamma>");
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(backend);
        (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync();
        using IPlaywright _ = playwright;
        await using IBrowser __ = browser;
        IPage page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(host.BaseUrl + "/console/devices");
        Assert.EndsWith("/console/login?returnUrl=%2Fconsole%2Fdevices", page.Url, "pages need a login");

        await page.FillAsync("input[name=password]", "wrong password");
        await page.ClickAsync("button[type=submit]");
        Assert.AreEqual("Wrong password.", (await page.TextContentAsync("p.error"))?.Trim());

        await page.FillAsync("input[name=password]", ConsoleTestHost.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/console/devices");
        string devices = await page.InnerTextAsync("#devices");
        StringAssert.Contains(devices, "dev-alpha");
        StringAssert.Contains(devices, "dev-<gamma>", "a hostile DevId shows as text, not markup");

        await page.ClickAsync("nav >> text=Campaigns");
        await page.FillAsync("#start-campaign input[name=name]", "spring update");
        await page.ClickAsync("#start-campaign button[type=submit]");
        await page.WaitForURLAsync("**/console/campaigns/c1");

        // The page refreshes itself every second; the scripted campaign finishes in under two.
        await page.WaitForSelectorAsync("#campaign-state >> text=completed", new() { Timeout = 30_000 });
        string rows = await page.InnerTextAsync("#campaign-devices");
        StringAssert.Contains(rows, "1.1.0");
        Assert.AreEqual(3, await page.Locator("#campaign-devices tbody tr").CountAsync());

        string shot = Path.Combine(Path.GetTempPath(), "omadm-console-smoke.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        TestContext.WriteLine("screenshot: " + shot);
        Assert.IsTrue(new FileInfo(shot).Length > 1000, "the screenshot holds a rendered page");
    }
}

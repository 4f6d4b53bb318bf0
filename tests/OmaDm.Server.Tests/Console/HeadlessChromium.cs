using Microsoft.Playwright;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>
/// Starts the Debian <c>chromium</c> package through Playwright (never a downloaded browser:
/// <c>playwright install</c> is not used). CI installs the package; see docs/console.md.
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    };

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing: install the Debian package 'chromium' (apt-get install -y chromium).");
        }
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
        return (playwright, browser);
    }
}

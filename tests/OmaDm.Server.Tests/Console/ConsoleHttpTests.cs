using System.Net;
using System.Text.RegularExpressions;
using OmaDm.Server.WebConsole;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>The console's guards over plain HTTP: login, antiforgery, escaping, redirects.</summary>
[TestClass]
public sealed partial class ConsoleHttpTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static HttpClient Client(ConsoleTestHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(host.BaseUrl),
        };

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        string html = await client.GetStringAsync(path);
        Match m = TokenPattern().Match(html);
        Assert.IsTrue(m.Success, "the page carries an antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static async Task LogInAsync(HttpClient client)
    {
        string token = await TokenAsync(client, "/console/login");
        using HttpResponseMessage r = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["password"] = ConsoleTestHost.Password, ["returnUrl"] = "/console/devices",
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, r.StatusCode);
    }

    [TestMethod]
    public async Task Pages_WithoutLogin_RedirectToLogin()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        using HttpResponseMessage r = await client.GetAsync("/console/campaigns");
        Assert.AreEqual(HttpStatusCode.Redirect, r.StatusCode);
        StringAssert.StartsWith(r.Headers.Location!.ToString(), host.BaseUrl + "/console/login");
    }

    [TestMethod]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        using HttpResponseMessage r = await client.PostAsync("/console/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = ConsoleTestHost.Password }));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        using HttpResponseMessage after = await client.GetAsync("/console/devices");
        Assert.AreEqual(HttpStatusCode.Redirect, after.StatusCode, "no session was created");
    }

    [TestMethod]
    public async Task Login_WrongPassword_Unauthorized()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        string token = await TokenAsync(client, "/console/login");
        using HttpResponseMessage r = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["password"] = "correct horse battery!",
        }));
        Assert.AreEqual(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [TestMethod]
    public async Task Login_ForeignReturnUrl_StaysOnConsole()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        string token = await TokenAsync(client, "/console/login");
        using HttpResponseMessage r = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["password"] = ConsoleTestHost.Password, ["returnUrl"] = "//evil.example/console/",
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, r.StatusCode);
        Assert.AreEqual("/console/devices", r.Headers.Location!.ToString(), "an open redirect would send the admin elsewhere");
    }

    [TestMethod]
    public async Task StartCampaign_WithoutAntiforgeryToken_DoesNothing()
    {
        var backend = new ScriptedConsoleBackend("d1");
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(backend);
        using HttpClient client = Client(host);
        await LogInAsync(client);
        using HttpResponseMessage r = await client.PostAsync("/console/campaigns", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "x", ["imageId"] = "img-1", ["waveSize"] = "0", ["failureThreshold"] = "50",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.AreEqual(0, (await backend.ListCampaignsAsync(CancellationToken.None)).Count, "a forged request must not start a campaign");
    }

    [TestMethod]
    public async Task CampaignAction_WithToken_ReachesBackend()
    {
        var backend = new ScriptedConsoleBackend("d1");
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(backend);
        using HttpClient client = Client(host);
        await LogInAsync(client);
        string token = await TokenAsync(client, "/console/campaigns");
        using HttpResponseMessage start = await client.PostAsync("/console/campaigns", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "x", ["imageId"] = "img-1", ["waveSize"] = "0", ["failureThreshold"] = "50",
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, start.StatusCode);
        Assert.AreEqual("/console/campaigns/c1", start.Headers.Location!.ToString());
        using HttpResponseMessage cancel = await client.PostAsync("/console/campaigns/c1/cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, cancel.StatusCode);
        CollectionAssert.AreEqual(new[] { ConsoleCampaignAction.Cancel }, backend.Actions);
    }

    [TestMethod]
    public async Task StartCampaign_BadThreshold_ShowsErrorAndStartsNothing()
    {
        var backend = new ScriptedConsoleBackend("d1");
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(backend);
        using HttpClient client = Client(host);
        await LogInAsync(client);
        string token = await TokenAsync(client, "/console/campaigns");
        using HttpResponseMessage r = await client.PostAsync("/console/campaigns", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "x", ["imageId"] = "img-1", ["waveSize"] = "0", ["failureThreshold"] = "101",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), "failure threshold must be a percentage");
        Assert.AreEqual(0, (await backend.ListCampaignsAsync(CancellationToken.None)).Count);
    }

    [TestMethod]
    public async Task DevicesPage_HostileDevId_IsEscaped()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("<script>alert(1)</script>\"'"));
        using HttpClient client = Client(host);
        await LogInAsync(client);
        string html = await client.GetStringAsync("/console/devices");
        Assert.DoesNotContain("<script>", html);
        StringAssert.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
        StringAssert.Contains(html, "/console/devices/%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27", "links escape the id as a path segment");
    }

    [TestMethod]
    public async Task DevicePage_UnknownDevice_NotFound()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        await LogInAsync(client);
        using HttpResponseMessage r = await client.GetAsync("/console/devices/nope");
        Assert.AreEqual(HttpStatusCode.NotFound, r.StatusCode);
    }

    [TestMethod]
    public async Task Pages_SendSecurityHeaders()
    {
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(new ScriptedConsoleBackend("d1"));
        using HttpClient client = Client(host);
        using HttpResponseMessage r = await client.GetAsync("/console/login");
        StringAssert.Contains(r.Headers.GetValues("Content-Security-Policy").Single(), "frame-ancestors 'none'");
        Assert.AreEqual("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    public async Task QueueCommand_FromDevicePage_ReachesBackendWithoutTrailingEmptyArgs()
    {
        var backend = new ScriptedConsoleBackend("VIRT:01 a");
        await using ConsoleTestHost host = await ConsoleTestHost.StartAsync(backend);
        using HttpClient client = Client(host);
        await LogInAsync(client);
        string token = await TokenAsync(client, "/console/devices/VIRT%3A01%20a");
        using HttpResponseMessage ok = await client.PostAsync("/console/devices/VIRT%3A01%20a/commands", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["command"] = "GET", ["arg1"] = "urn:oma:mo:oma-dm-devinfo:1.0//FwV", ["arg2"] = "", ["arg3"] = "",
        }));
        using HttpResponseMessage bad = await client.PostAsync("/console/devices/VIRT%3A01%20a/commands", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["command"] = "GET", ["arg1"] = "a", ["arg2"] = "b",
        }));
        using HttpResponseMessage forged = await client.PostAsync("/console/devices/VIRT%3A01%20a/commands", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["command"] = "DELETE", ["arg1"] = "urn:x",
        }));

        Assert.AreEqual(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "GET takes 1 argument(s)");
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.HasCount(1, backend.Queued, "only the valid, non-forged command was queued");
        CollectionAssert.AreEqual(new[] { "GET", "urn:oma:mo:oma-dm-devinfo:1.0//FwV" }, backend.Queued[0]);
    }
}

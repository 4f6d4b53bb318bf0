using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OmaDm.Server.Dm;

namespace OmaDm.Server.Tests.Infrastructure;

/// <summary>A device played by the test: posts hand-written Package#1/#3 JSON and returns what the server answered.</summary>
internal sealed class ScriptedDevice : IDisposable
{
    private readonly HttpClient _http;

    public ScriptedDevice(string baseUrl, string devId, string user, string password)
    {
        DevId = devId;
        Password = password;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        User = user;
    }

    public string DevId { get; }

    public string User { get; set; }

    public string Password { get; set; }

    public HttpClient Http => _http;

    /// <summary>Posts a raw body with a media type and the device's headers.</summary>
    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string body, string mediaType, string path = "/dm", bool auth = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add(DmMediaTypes.DevIdHeader, DevId);
        request.Headers.Accept.ParseAdd(DmMediaTypes.Request);
        if (auth)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format(User, Password));
        }
        var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Package#1 with a client-initiated alert plus <paramref name="extraAlerts"/> (JSON objects); returns the CMD array.</summary>
    public async Task<JsonElement> Package1Async(params string[] extraAlerts)
    {
        var alerts = string.Join(",", new[] { "{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}" }.Concat(extraAlerts));
        var body = "{\"MOS\":[{\"DDF\":\"http://x/devinfo.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\",\"MIID\":[\"devinfo\"]}],\"Alert\":[" + alerts + "]}";
        return await ExpectPackage2Async(await PostAsync(body, DmMediaTypes.Initiation));
    }

    /// <summary>Package#3 with the given status objects; returns the next CMD array.</summary>
    public async Task<JsonElement> Package3Async(params string[] statuses)
    {
        var body = "{\"Status\":[" + string.Join(",", statuses) + "]}";
        return await ExpectPackage2Async(await PostAsync(body, DmMediaTypes.Response));
    }

    /// <summary>Answers every command with 200 (GETs of DevInfo with a DevInfo object) until END; returns the commands seen.</summary>
    public async Task<List<string[]>> RunSessionAsync(string fwVersion = "1.0.0+0", params string[] extraAlerts)
    {
        var seen = new List<string[]>();
        var cmd = await Package1Async(extraAlerts);
        for (int round = 0; round < 100; round++)
        {
            var commands = Cmds(cmd);
            if (commands.Count == 1 && commands[0][0] == "END")
            {
                return seen;
            }
            seen.AddRange(commands);
            var statuses = commands.Select(c => c[0] == "GET" && c[1].StartsWith("urn:oma:mo:oma-dm-devinfo:1.0", StringComparison.Ordinal)
                ? DevInfoStatus(c[1], fwVersion)
                : "{\"sc\":200}").ToArray();
            cmd = await Package3Async(statuses);
        }
        Assert.Fail("session did not end");
        return seen;
    }

    public static string DevInfoStatus(string uri, string fwVersion) => uri.EndsWith("/FwV", StringComparison.Ordinal)
        ? "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV\"],\"Data\":[\"" + fwVersion + "\"]}"
        : "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo\"],\"Data\":[{\"DevID\":\"x\",\"Man\":\"OmaDm\",\"Mod\":\"virt\",\"DmV\":\"2.0\",\"FwV\":\"" + fwVersion + "\"}]}";

    public static List<string[]> Cmds(JsonElement cmd) =>
        cmd.EnumerateArray().Select(c => c.EnumerateArray().Select(a => a.GetString()!).ToArray()).ToList();

    private static async Task<JsonElement> ExpectPackage2Async((HttpStatusCode Status, string Body, HttpResponseMessage Response) r)
    {
        Assert.AreEqual(HttpStatusCode.OK, r.Status, r.Body);
        Assert.AreEqual(DmMediaTypes.Request, r.Response.Content.Headers.ContentType?.MediaType);
        await Task.CompletedTask;
        using var doc = JsonDocument.Parse(r.Body);
        return doc.RootElement.GetProperty("CMD").Clone();
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>
/// A device played by the console tests over real HTTP: reports its FwV, fetches the image an
/// HGET names (so the repository really serves it), accepts EXEC on FUMO with 202 and reports the
/// result alert (200) in its next session, after which it runs <see cref="TargetVersion"/>.
/// </summary>
internal sealed class FumoScriptedDevice : IDisposable
{
    private const string Initiation = "application/vnd.oma.dm.initiation+json";
    private const string Response = "application/vnd.oma.dm.response+json";
    private readonly HttpClient _http;
    private readonly string _password;
    private string? _pendingAlert;
    private bool _imageFetched;

    public FumoScriptedDevice(string baseUrl, string devId, string password, string version, string targetVersion)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };
        DevId = devId;
        _password = password;
        Version = version;
        TargetVersion = targetVersion;
    }

    public string DevId { get; }

    public string Version { get; private set; }

    public string TargetVersion { get; }

    /// <summary>Runs one DM session to its END.</summary>
    public async Task RunSessionAsync(CancellationToken cancel)
    {
        var alerts = new List<string> { "{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}" };
        if (_pendingAlert is not null)
        {
            alerts.Add(_pendingAlert);
            _pendingAlert = null;
            Version = TargetVersion;
        }
        string body = "{\"MOS\":[{\"DDF\":\"http://x/devinfo.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\",\"MIID\":[\"devinfo\"]},"
            + "{\"DDF\":\"http://x/fumo.ddf\",\"MOID\":\"urn:oma:mo:oma-fumo:1.0\",\"MIID\":[\"fumo1\"]}],\"Alert\":[" + string.Join(",", alerts) + "]}";
        JsonElement cmd = await PostAsync(body, Initiation, cancel);
        for (int round = 0; round < 50; round++)
        {
            var statuses = new List<string>();
            foreach (JsonElement c in cmd.EnumerateArray())
            {
                string[] a = c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
                switch (a[0])
                {
                    case "END":
                        return;
                    case "GET" when a[1].EndsWith("/FwV", StringComparison.Ordinal):
                        statuses.Add("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV\"],\"Data\":[" + JsonSerializer.Serialize(Version) + "]}");
                        break;
                    case "GET" when a[1].StartsWith("urn:oma:mo:oma-dm-devinfo:1.0", StringComparison.Ordinal):
                        statuses.Add("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo\"],\"Data\":[{\"DevID\":"
                            + JsonSerializer.Serialize(DevId) + ",\"Man\":\"OmaDm\",\"Mod\":\"scripted\",\"DmV\":\"2.0\",\"FwV\":" + JsonSerializer.Serialize(Version) + "}]}");
                        break;
                    case "HGET":
                        statuses.Add("{\"sc\":" + await FetchAsync(a[1], cancel) + "}");
                        break;
                    case "EXEC":
                        string correlator = a.Length > 3 ? a[3] : "";
                        string kind = a[1].Contains("DownloadAndUpdate", StringComparison.Ordinal) ? "downloadandupdate" : "update";
                        _pendingAlert = "{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate." + kind + "\",\"SourceURI\":"
                            + JsonSerializer.Serialize(a[1]) + ",\"DataType\":\"int\",\"Data\":\"200\""
                            + (correlator.Length > 0 ? ",\"Correlator\":" + JsonSerializer.Serialize(correlator) : "") + "}";
                        statuses.Add("{\"sc\":202}");
                        break;
                    default:
                        statuses.Add("{\"sc\":200}");
                        break;
                }
            }
            cmd = await PostAsync("{\"Status\":[" + string.Join(",", statuses) + "]}", Response, cancel);
        }
        throw new InvalidOperationException("session did not end");
    }

    /// <summary>HGET: a repository URL is fetched for real; a value (DownloadAndUpdate PkgURL) is just stored.</summary>
    private async Task<int> FetchAsync(string url, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return 400;
        }
        using HttpResponseMessage r = await _http.GetAsync(uri, cancel);
        await r.Content.ReadAsByteArrayAsync(cancel);
        _imageFetched |= r.IsSuccessStatusCode;
        return r.IsSuccessStatusCode ? 200 : 500;
    }

    private async Task<JsonElement> PostAsync(string body, string mediaType, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add("OMADM-DevID", DevId);
        request.Headers.Accept.ParseAdd("application/vnd.oma.dm.request+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(DevId + ":" + _password)));
        using HttpResponseMessage response = await _http.SendAsync(request, cancel);
        string text = await response.Content.ReadAsStringAsync(cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{DevId}: HTTP {(int)response.StatusCode} {text}");
        }
        using JsonDocument doc = JsonDocument.Parse(text);
        return doc.RootElement.TryGetProperty("CMD", out JsonElement cmd) ? cmd.Clone() : JsonDocument.Parse("[]").RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}

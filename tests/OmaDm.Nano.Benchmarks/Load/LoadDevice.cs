using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OmaDm.Nano.Benchmarks.Load;

/// <summary>
/// A polling device for the load test: speaks the DM 2.0 wire protocol (docs/PROTOCOL.md) over a
/// shared HttpClient, answers GETs of DevInfo with values and every other command with 200, and
/// counts the statuses it sent so the harness can compare them with what the server stored.
/// </summary>
internal sealed class LoadDevice
{
    private const string Initiation = "application/vnd.oma.dm.initiation+json";
    private const string Response = "application/vnd.oma.dm.response+json";
    private const string Request = "application/vnd.oma.dm.request+json";
    private const int MaxPackagesPerSession = 50;

    private static readonly string Package1 =
        "{\"MOS\":[{\"DDF\":\"http://omadm.local/ddf/devinfo.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\",\"MIID\":[\"devinfo\"]}],"
        + "\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}";

    private readonly HttpClient _http;
    private readonly string _authorization;

    public LoadDevice(HttpClient http, string devId, string password)
    {
        _http = http;
        DevId = devId;
        Password = password;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(devId + ":" + password));
    }

    public string DevId { get; }

    public string Password { get; }

    /// <summary>Statuses this device sent for commands (not counting END).</summary>
    public int StatusesSent { get; private set; }

    /// <summary>Runs one session to END; returns its wall time.</summary>
    public async Task<TimeSpan> RunSessionAsync(CancellationToken cancel)
    {
        long start = Stopwatch.GetTimestamp();
        JsonElement cmd = await PostAsync(Package1, Initiation, cancel);
        for (int round = 0; round < MaxPackagesPerSession; round++)
        {
            var body = new StringBuilder("{\"Status\":[");
            int count = 0;
            foreach (JsonElement c in cmd.ValueKind == JsonValueKind.Array ? cmd.EnumerateArray() : default)
            {
                string name = c[0].GetString() ?? "";
                if (name == "END")
                {
                    return Stopwatch.GetElapsedTime(start);
                }
                string arg = c.GetArrayLength() > 1 ? c[1].GetString() ?? "" : "";
                body.Append(count++ == 0 ? "" : ",").Append(Status(name, arg));
            }
            StatusesSent += count;
            body.Append("]}");
            cmd = await PostAsync(body.ToString(), Response, cancel);
        }
        throw new InvalidOperationException(DevId + ": the session did not end");
    }

    private string Status(string name, string arg)
    {
        if (name != "GET" || !arg.StartsWith("urn:oma:mo:oma-dm-devinfo:1.0", StringComparison.Ordinal))
        {
            return "{\"sc\":200}";
        }
        return arg.EndsWith("/FwV", StringComparison.Ordinal)
            ? "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV\"],\"Data\":[\"1.0.0+0\"]}"
            : "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo\"],\"Data\":[{\"DevID\":" + JsonSerializer.Serialize(DevId)
              + ",\"Man\":\"OmaDm\",\"Mod\":\"load\",\"DmV\":\"2.0\",\"FwV\":\"1.0.0+0\"}]}";
    }

    private async Task<JsonElement> PostAsync(string body, string mediaType, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.TryAddWithoutValidation("OMADM-DevID", DevId);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.Accept.ParseAdd(Request);
        using HttpResponseMessage response = await _http.SendAsync(request, cancel);
        string text = await response.Content.ReadAsStringAsync(cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{DevId}: HTTP {(int)response.StatusCode}: {text}");
        }
        using JsonDocument doc = JsonDocument.Parse(text);
        return doc.RootElement.TryGetProperty("CMD", out JsonElement cmd) ? cmd.Clone() : default;
    }
}

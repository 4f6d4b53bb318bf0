using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OmaDm.Server.Devices;

namespace OmaDm.Server.Tests.Infrastructure;

/// <summary>A real server on 127.0.0.1:0 over a SQLite file in a fresh temp folder; deleted on dispose.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";

    private TestServer(DmServer server, string folder)
    {
        Server = server;
        Folder = folder;
        Admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public DmServer Server { get; }

    public string Folder { get; }

    public string BaseUrl => Server.BaseUrl;

    /// <summary>HttpClient with the admin token.</summary>
    public HttpClient Admin { get; }

    public T Service<T>() where T : notnull => Server.Service<T>();

    public static async Task<TestServer> StartAsync(Action<ServerOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "omadm-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = Path.Combine(folder, "omadm.db"),
            AdminToken = AdminToken,
            // Tests enrol many devices: keep PBKDF2 cheap here (the default is measured, not tested).
            PasswordIterations = 1000,
        };
        configure?.Invoke(options);
        var server = DmServer.Build(options);
        await server.StartAsync();
        return new TestServer(server, folder);
    }

    /// <summary>Enrols a device through the registry and returns a scripted client for it.</summary>
    public ScriptedDevice Enrol(string devId, string password = "pw-" + "secret", string? notificationSecret = null)
    {
        Assert.AreNotEqual(EnrolResult.Invalid, Service<DeviceRegistry>().Enrol(devId, password, notificationSecret: notificationSecret));
        return new ScriptedDevice(BaseUrl, devId, devId, password);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Admin.GetAsync(path);
        Assert.IsTrue(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still mapped by SQLite on some platforms.
        }
    }
}

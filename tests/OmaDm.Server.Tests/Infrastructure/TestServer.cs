using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OmaDm.Server.Devices;

namespace OmaDm.Server.Tests.Infrastructure;

/// <summary>A real server on 127.0.0.1:0 over a SQLite file in a fresh temp folder; deleted on dispose.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";

    /// <summary>
    /// When set (e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres</c>), every test server runs on a
    /// fresh PostgreSQL database created on that server and dropped afterwards: the same tests then
    /// cover the PostgreSQL store. Unset: SQLite files.
    /// </summary>
    public const string PostgresVariable = "OMADM_TEST_POSTGRES";

    private string? _postgresDatabase;

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
        string? pgName = null;
        if (Postgres is { } pg)
        {
            pgName = "omadm_t_" + Guid.NewGuid().ToString("N");
            await using (var admin = new Npgsql.NpgsqlConnection(pg))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE " + pgName, admin);
                await create.ExecuteNonQueryAsync();
            }
            options.Database = pg + ";Database=" + pgName;
            options.DataDirectory = Path.Combine(folder, "blobs");
        }
        configure?.Invoke(options);
        var server = DmServer.Build(options);
        await server.StartAsync();
        return new TestServer(server, folder) { _postgresDatabase = pgName };
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

    /// <summary>The PostgreSQL base connection string from <see cref="PostgresVariable"/>, or null.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null;

    /// <summary>True when this server runs on SQLite (a file in <see cref="Folder"/>).</summary>
    public bool IsSqlite => _postgresDatabase is null;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(Postgres);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand("DROP DATABASE IF EXISTS " + _postgresDatabase + " WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
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

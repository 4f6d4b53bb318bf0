using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmaDm.Server.Admin;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Firmware;
using OmaDm.Server.Notifications;
using OmaDm.Server.Repository;
using OmaDm.Server.Storage;

namespace OmaDm.Server;

/// <summary>
/// The whole server as one object: build it from <see cref="ServerOptions"/>, start it, read
/// <see cref="BaseUrl"/>, resolve services with <see cref="Service{T}"/>. Tests and the demo run it
/// in-process on <c>http://127.0.0.1:0</c>; <c>Program</c> runs it for real.
/// </summary>
public sealed partial class DmServer : IAsyncDisposable
{
    private DmServer(WebApplication app, ServerOptions options, string adminToken)
    {
        App = app;
        Options = options;
        AdminToken = adminToken;
    }

    /// <summary>The ASP.NET Core application (routes can be added before <see cref="StartAsync"/>).</summary>
    public WebApplication App { get; }

    /// <summary>The options it was built with.</summary>
    public ServerOptions Options { get; }

    /// <summary>The admin API bearer token (generated when the options gave none).</summary>
    public string AdminToken { get; }

    /// <summary>First listening address after <see cref="StartAsync"/> (e.g. <c>http://127.0.0.1:41234</c>), without a trailing slash.</summary>
    public string BaseUrl => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>A service from the container (DeviceRegistry, CommandQueue, CampaignService, ...).</summary>
    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the server; throws InvalidOperationException when a listening URL breaks the HTTPS rule.</summary>
    public static DmServer Build(ServerOptions options, Action<IServiceCollection>? configureServices = null)
    {
        CheckUrls(options);
        var adminToken = options.AdminToken ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DmServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves https:// URLs out otherwise
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxBlobBytes, options.MaxUploadBytes) + 1024 * 1024;
            if (options.CertificatePath is not null)
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
                k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
            }
        });
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        AddServices(builder.Services, options);
        AddConsole(builder.Services, options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(RequireHttpsOffLoopback(options));
        app.MapDmEndpoint();
        app.MapRepository();
        app.MapAdminApi(adminToken);
        app.MapGet("/health", () => Results.Text("ok"));
        MapConsole(app, options);

        // Wake devices (DM Notification) when work is queued for them.
        var notifications = app.Services.GetRequiredService<NotificationSender>();
        app.Services.GetRequiredService<CommandQueue>().Queued += notifications.Wake;
        app.Services.GetRequiredService<CampaignService>().WakeDevice += notifications.Wake;
        return new DmServer(app, options, adminToken);
    }

    /// <summary>Registers the server's services (database, registry, queue, repository, catalogue, campaigns, notifications).</summary>
    public static void AddServices(IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IServerDatabase>(_ => OpenDatabase(options));
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<AuthThrottle>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<CommandQueue>();
        services.AddSingleton<SessionHistory>();
        services.AddSingleton<DownloadTracker>();
        services.AddSingleton<RepositoryFaults>();
        services.AddSingleton(sp => new BlobStore(sp.GetRequiredService<IServerDatabase>(), BlobFolder(options)));
        services.AddSingleton<FirmwareCatalog>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<IDmSessionObserver>(sp => sp.GetRequiredService<CampaignService>());
        services.AddSingleton<DmSessionService>();
        services.AddHostedService<StaleSessionSweeper>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<DeviceSettings>();
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancel = default) => App.StartAsync(cancel);

    /// <summary>Runs until the host is stopped (Ctrl+C).</summary>
    public Task RunAsync(CancellationToken cancel = default) => App.RunAsync(cancel);

    /// <summary>Stops listening.</summary>
    public Task StopAsync(CancellationToken cancel = default) => App.StopAsync(cancel);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (OperationCanceledException)
        {
            // Already stopping.
        }
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Console helper hook: register the web console's services (implemented in <c>Console/</c>).</summary>
    static partial void AddConsole(IServiceCollection services, ServerOptions options);

    /// <summary>Console helper hook: map the web console's routes (implemented in <c>Console/</c>).</summary>
    static partial void MapConsole(WebApplication app, ServerOptions options);

    private static IServerDatabase OpenDatabase(ServerOptions options)
    {
        return IsPostgres(options.Database) ? new PostgresServerDatabase(options.Database) : new SqliteServerDatabase(options.Database);
    }

    /// <summary>Whether a <c>--db</c> value is a PostgreSQL connection string (starts with <c>Host=</c>).</summary>
    public static bool IsPostgres(string database) => database.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    private static string BlobFolder(ServerOptions options) =>
        options.DataDirectory ?? (IsPostgres(options.Database) ? Path.GetFullPath("omadm-blobs") : Path.GetFullPath(options.Database) + ".blobs");

    /// <summary>Whether <paramref name="host"/> is a loopback name or address.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void CheckUrls(ServerOptions options)
    {
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel accepts "*" and "+" hosts that Uri cannot parse; they are non-loopback.
            var host = url.Contains("://*") || url.Contains("://+") ? "*" : Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "";
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopbackHost(host) && !options.AllowHttp)
            {
                throw new InvalidOperationException($"{url}: plain HTTP is only allowed on loopback; use https:// (with --cert) or pass --allow-http");
            }
        }
    }

    private static Func<HttpContext, RequestDelegate, Task> RequireHttpsOffLoopback(ServerOptions options) => (http, next) =>
    {
        var remote = http.Connection.RemoteIpAddress;
        if (!options.AllowHttp && !http.Request.IsHttps && remote is not null && !IPAddress.IsLoopback(remote))
        {
            http.Response.StatusCode = 403;
            return http.Response.WriteAsync("HTTPS required\n");
        }
        return next(http);
    };
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmaDm.Server.WebConsole;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>The console alone on real Kestrel (127.0.0.1, port 0) over a given backend.</summary>
internal sealed class ConsoleTestHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;

    private ConsoleTestHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ConsoleTestHost> StartAsync(IConsoleBackend backend)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(backend);
        builder.Services.AddOmaDmConsole(o => { o.Password = Password; o.RefreshSeconds = 1; });
        WebApplication app = builder.Build();
        app.MapConsole();
        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleTestHost(app, url.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

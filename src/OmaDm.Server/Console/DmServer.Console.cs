using OmaDm.Server.WebConsole;

namespace OmaDm.Server;

/// <summary>The server's console hooks, implemented by the console (see <c>Console/</c>).</summary>
public sealed partial class DmServer
{
    static partial void AddConsole(IServiceCollection services, ServerOptions options)
    {
        services.AddOmaDmConsole(o => o.Password = options.ConsolePassword);
        services.AddSingleton<IConsoleBackend, ServerConsoleBackend>();
    }

    static partial void MapConsole(WebApplication app, ServerOptions options) => ConsoleEndpoints.MapConsole(app);
}

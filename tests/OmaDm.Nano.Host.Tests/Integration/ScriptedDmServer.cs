using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OmaDm.Nano.Host.Tests.Integration;

/// <summary>One request the scripted server saw.</summary>
public sealed record SeenRequest(string Method, string Path, string? ContentType, string? Accept, string? DevId, string? Authorization, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) that answers DM POSTs (any path under /dm) with
/// scripted Package#2 steps in order and serves a small data repository under /repo. Records every
/// request with its body.
/// </summary>
public sealed class ScriptedDmServer : IAsyncDisposable
{
    public const string Package2Type = "application/vnd.oma.dm.request+json";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly List<SeenRequest> _requests = [];
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, byte[] Body)> _resources = new();

    /// <summary>Released when a DM request arrives (before its body is read).</summary>
    public SemaphoreSlim DmRequestStarted { get; } = new(0);

    private ScriptedDmServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string DmUrl => BaseUrl + "/dm";

    public static async Task<ScriptedDmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedDmServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetService(typeof(IServer)) is IServer s
            ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/')
            : throw new InvalidOperationException("no server");
        return server;
    }

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<SeenRequest> DmRequests => Requests.Where(r => r.Path.StartsWith("/dm", StringComparison.Ordinal)).ToList();

    public int Remaining => _script.Count;

    /// <summary>Next DM POST gets this Package#2.</summary>
    public void Package2(string json) => Step(c => Write(c, 200, Package2Type, json));

    /// <summary>Next DM POST gets this raw answer.</summary>
    public void Answer(int status, string contentType, string body) => Step(c => Write(c, status, contentType, body));

    /// <summary>Next DM POST runs <paramref name="step"/> (the request body is already recorded).</summary>
    public void Step(Func<HttpContext, Task> step) => _script.Enqueue(step);

    public void Resource(string path, int status, string contentType, string body) =>
        _resources[path] = (status, contentType, Encoding.UTF8.GetBytes(body));

    public static async Task Write(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        bool dm = (request.Path.Value ?? "").StartsWith("/dm", StringComparison.Ordinal) && request.Method == "POST";
        if (dm)
        {
            DmRequestStarted.Release();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        lock (_requests)
        {
            _requests.Add(new SeenRequest(request.Method, request.Path + request.QueryString, request.ContentType, request.Headers.Accept.ToString(),
                request.Headers["OMADM-DevID"].ToString(), request.Headers.Authorization.ToString(), body));
        }

        if (dm)
        {
            if (_script.TryDequeue(out var step))
            {
                await step(context);
            }
            else
            {
                await Write(context, 409, "text/plain", "script exhausted");
            }

            return;
        }

        if (_resources.TryGetValue(request.Path.Value ?? "", out var resource))
        {
            context.Response.StatusCode = resource.Status;
            context.Response.ContentType = resource.ContentType;
            if (request.Method == "GET")
            {
                await context.Response.Body.WriteAsync(resource.Body);
            }

            return;
        }

        context.Response.StatusCode = 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

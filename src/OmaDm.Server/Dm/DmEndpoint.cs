using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OmaDm.Server.Devices;

namespace OmaDm.Server.Dm;

/// <summary>
/// <c>POST /dm</c> (and <c>/dm/...</c> for CONT targets): media type → 415, device identity and
/// HTTP Basic → 401, size → 413, JSON → 400, then <see cref="DmSessionService"/>.
/// </summary>
public static class DmEndpoint
{
    /// <summary>Deepest JSON nesting accepted in a package (GET results of interior nodes nest).</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>Maps the DM endpoint.</summary>
    public static IEndpointRouteBuilder MapDmEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dm", HandleAsync);
        app.MapPost("/dm/{**rest}", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<ServerOptions>();
        var registry = services.GetRequiredService<DeviceRegistry>();
        var sessions = services.GetRequiredService<DmSessionService>();
        var request = http.Request;
        // The client streams Package#3 while it still runs the Package#2 commands (PROTOCOL §4), and an
        // HGET of a firmware image can stall the P3 body for minutes: Kestrel's minimum data rates would
        // cut such a request. The session limits (size, packages, the client's 10 min) bound it instead.
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } bodyRate)
        {
            bodyRate.MinDataRate = null;
        }
        if (http.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }

        bool isP1 = BoundedBody.IsMediaType(request.ContentType, DmMediaTypes.Initiation);
        bool isP3 = !isP1 && BoundedBody.IsMediaType(request.ContentType, DmMediaTypes.Response);
        if (!isP1 && !isP3)
        {
            await Text(http, 415, "Content-Type must be " + DmMediaTypes.Initiation + " or " + DmMediaTypes.Response);
            return;
        }
        var devId = request.Headers[DmMediaTypes.DevIdHeader].ToString();
        if (!DeviceRegistry.IsValidDevId(devId))
        {
            await Text(http, 400, "missing or invalid " + DmMediaTypes.DevIdHeader + " header");
            return;
        }
        var throttle = services.GetRequiredService<AuthThrottle>();
        var remote = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsBlocked(remote))
        {
            http.Response.Headers.RetryAfter = "60";
            await Text(http, 429, "too many failed authentications from this address");
            return;
        }
        if (!HttpBasic.TryParse(request.Headers.Authorization, devId, out var user, out var password))
        {
            await Challenge(http);
            return;
        }
        if (!registry.Authenticate(devId, user, password))
        {
            bool enrolled = options.AutoEnrol && isP1 && user == devId && !registry.Exists(devId)
                && registry.Enrol(devId, password, autoEnrolled: true) == EnrolResult.Created;
            if (!enrolled)
            {
                throttle.RecordFailure(remote);
                await Challenge(http);
                return;
            }
        }
        var body = await BoundedBody.ReadAsync(request, options.MaxPackageBytes, http.RequestAborted);
        if (body is null)
        {
            await Text(http, 413, "package larger than " + options.MaxPackageBytes + " bytes");
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException e)
        {
            await Text(http, 400, "malformed JSON: " + e.Message);
            return;
        }
        using (document)
        {
            var repoBase = options.PublicBaseUrl?.TrimEnd('/') ?? request.Scheme + "://" + request.Host.Value;
            var outcome = isP1
                ? await sessions.HandlePackage1Async(devId, document.RootElement, remote, repoBase)
                : await sessions.HandlePackage3Async(devId, document.RootElement, remote, repoBase);
            if (outcome.HttpStatus != 200 || outcome.Body is null)
            {
                await Text(http, outcome.HttpStatus, outcome.Error ?? "rejected");
                return;
            }
            http.Response.StatusCode = 200;
            http.Response.ContentType = DmMediaTypes.Request;
            http.Response.ContentLength = outcome.Body.Length;
            await http.Response.Body.WriteAsync(outcome.Body, http.RequestAborted);
        }
    }

    private static Task Challenge(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"omadm\", charset=\"UTF-8\"";
        return Text(http, 401, "unknown device or wrong credentials");
    }

    private static Task Text(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message + "\n");
    }
}

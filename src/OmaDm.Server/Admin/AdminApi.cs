using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Firmware;
using OmaDm.Server.Notifications;
using OmaDm.Server.Repository;

namespace OmaDm.Server.Admin;

/// <summary>
/// The admin API under <c>/api/</c>: JSON over HTTP with <c>Authorization: Bearer &lt;admin token&gt;</c>.
/// Thin: every route calls one service method (see docs/server.md for the route list).
/// </summary>
public static partial class AdminApi
{
    /// <summary>Maps every admin route behind the bearer-token check.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app, string adminToken)
    {
        var expected = Encoding.UTF8.GetBytes("Bearer " + adminToken);
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected)))
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new { error = "admin token required" }, statusCode: 401);
            }
            return await next(context);
        });
        MapDevices(api);
        MapGroupsAndCommands(api);
        MapFirmwareAndCampaigns(api);
        return api;
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static void MapDevices(RouteGroupBuilder api)
    {
        api.MapGet("/status", (SessionHistory history, NotificationSender noti, CampaignService campaigns) =>
        {
            var (devices, open, sessions, queued) = history.Counters();
            return Results.Json(new { devices, openSessions = open, sessions, queuedCommands = queued, notificationsSent = noti.SentCount,
                runningCampaigns = campaigns.List().Count(c => c.State == CampaignState.Running) });
        });
        api.MapGet("/devices", (DeviceRegistry r) => Results.Json(r.List()));
        api.MapPost("/devices", (AdminRequests.Enrol body, DeviceRegistry r) =>
        {
            var result = r.Enrol(body.DevId, body.Password, body.AuthName, body.NotificationSecret);
            if (result == EnrolResult.Invalid)
            {
                return Error(400, "DevId (printable ASCII, no '/', at most 128), a password (at most 256) and an authName without ':' (when given) are required");
            }
            if (body.NotificationHost is not null && body.NotificationPort is int port)
            {
                r.SetNotificationAddress(body.DevId, body.NotificationHost, port);
            }
            return Results.Json(r.Get(body.DevId), statusCode: result == EnrolResult.Created ? 201 : 200);
        });
        api.MapGet("/devices/{devId}", (string devId, DeviceRegistry r) => r.Get(devId) is { } d ? Results.Json(d) : Error(404, "no such device"));
        api.MapDelete("/devices/{devId}", (string devId, DeviceRegistry r) => r.Delete(devId) ? Results.NoContent() : Error(404, "no such device"));
        api.MapGet("/devices/{devId}/values", (string devId, DeviceRegistry r) =>
            Results.Json(r.GetMoValues(devId).Select(v => new { uri = v.Uri, value = System.Text.Json.JsonDocument.Parse(v.ValueJson).RootElement, updatedAt = v.UpdatedAt })));
        api.MapPost("/devices/{devId}/values", async (string devId, AdminRequests.SetValue body, DeviceSettings s) =>
            await s.SetLeafValueAsync(devId, body.Uri, body.Value) is long id ? Results.Json(new { commandId = id }, statusCode: 202) : Error(404, "no such device"));
        api.MapGet("/devices/{devId}/sessions", (string devId, SessionHistory h) => Results.Json(h.Sessions(devId)));
        api.MapGet("/devices/{devId}/alerts", (string devId, SessionHistory h) => Results.Json(h.Alerts(devId)));
        api.MapGet("/devices/{devId}/uploads", (string devId, BlobStore b) => Results.Json(b.List("upload", devId)));
        api.MapPut("/devices/{devId}/notification", (string devId, AdminRequests.Notification body, DeviceRegistry r) =>
        {
            if (body.Host is not null && (body.Port is not int p || p is < 1 or > 65535 || body.Host.Length > 253))
            {
                return Error(400, "host needs a port 1..65535");
            }
            if (!r.SetNotificationAddress(devId, body.Host, body.Host is null ? null : body.Port))
            {
                return Error(404, "no such device");
            }
            if (body.Secret is not null)
            {
                r.SetNotificationSecret(devId, body.Secret);
            }
            return Results.NoContent();
        });
        api.MapPost("/devices/{devId}/notify", async (string devId, NotificationSender n) =>
        {
            var result = await n.NotifyAsync(devId);
            return result == NotifyResult.Sent ? Results.Json(new { result = result.ToString() }) : Error(result == NotifyResult.UnknownDevice ? 404 : 409, result.ToString());
        });
        api.MapPost("/devices/{devId}/poll-interval", async (string devId, AdminRequests.PollInterval body, DeviceSettings s) =>
        {
            if (body.Seconds is < DeviceSettings.MinPollIntervalSeconds or > DeviceSettings.MaxPollIntervalSeconds)
            {
                return Error(400, $"seconds must be {DeviceSettings.MinPollIntervalSeconds}..{DeviceSettings.MaxPollIntervalSeconds}");
            }
            return await s.SetPollIntervalAsync(devId, body.Seconds) is long id ? Results.Json(new { commandId = id }, statusCode: 202) : Error(404, "no such device");
        });
        api.MapPost("/faults/drop", (AdminRequests.DropFault body, RepositoryFaults f) =>
            f.DropConnection(body.DevId, body.Offset, body.Times) ? Results.NoContent() : Error(404, "fault injection is disabled"));
    }
}

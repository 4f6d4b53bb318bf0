using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Firmware;
using OmaDm.Server.Repository;

namespace OmaDm.Server.Admin;

public static partial class AdminApi
{
    private static void MapGroupsAndCommands(RouteGroupBuilder api)
    {
        api.MapGet("/devices/{devId}/commands", (string devId, CommandQueue q) => Results.Json(q.List(devId)));
        api.MapPost("/devices/{devId}/commands", (string devId, AdminRequests.QueueCommand body, CommandQueue q) =>
        {
            if (!DmCommands.TryValidate(body.Command, out var error))
            {
                return Error(400, error);
            }
            return q.Enqueue(devId, body.Command) is long id ? Results.Json(new { id }, statusCode: 201) : Error(404, "no such device");
        });
        api.MapGet("/commands/{id:long}", (long id, CommandQueue q) => q.Get(id) is { } c ? Results.Json(c) : Error(404, "no such command"));
        api.MapDelete("/commands/{id:long}", (long id, CommandQueue q) => q.Cancel(id) ? Results.NoContent() : Error(409, "only queued commands can be cancelled"));

        api.MapGet("/groups", (GroupService g) => Results.Json(g.List()));
        api.MapPost("/groups", (AdminRequests.Group body, GroupService g) =>
            g.Create(body.Name) is long id ? Results.Json(g.Get(id), statusCode: 201) : Error(400, "name of 1..128 characters required"));
        api.MapGet("/groups/{id:long}", (long id, GroupService g) =>
            g.Get(id) is { } group ? Results.Json(new { group.Id, group.Name, members = g.Members(id) }) : Error(404, "no such group"));
        api.MapDelete("/groups/{id:long}", (long id, GroupService g) => g.Delete(id) ? Results.NoContent() : Error(409, "unknown group, or used by a campaign"));
        api.MapPost("/groups/{id:long}/members", (long id, AdminRequests.Member body, GroupService g) =>
            g.AddMember(id, body.DevId) ? Results.NoContent() : Error(404, "no such group or device"));
        api.MapDelete("/groups/{id:long}/members/{devId}", (long id, string devId, GroupService g) =>
            g.RemoveMember(id, devId) ? Results.NoContent() : Error(404, "not a member"));
        api.MapPost("/groups/{id:long}/commands", (long id, AdminRequests.QueueCommand body, CommandQueue q, GroupService g) =>
        {
            if (!DmCommands.TryValidate(body.Command, out var error))
            {
                return Error(400, error);
            }
            return g.Get(id) is null ? Error(404, "no such group") : Results.Json(new { ids = q.EnqueueForGroup(id, body.Command) }, statusCode: 201);
        });
    }

    private static void MapFirmwareAndCampaigns(RouteGroupBuilder api)
    {
        api.MapGet("/firmware", (FirmwareCatalog f) => Results.Json(f.List()));
        api.MapGet("/firmware/{id:long}", (long id, FirmwareCatalog f) => f.Get(id) is { } image ? Results.Json(image) : Error(404, "no such image"));
        api.MapDelete("/firmware/{id:long}", (long id, FirmwareCatalog f) => f.Delete(id) ? Results.NoContent() : Error(409, "unknown image, or used by a campaign"));
        // Body: the raw image bytes. ?name= label; ?version= required for a raw binary the server packs.
        api.MapPost("/firmware", async (HttpRequest request, FirmwareCatalog f) =>
        {
            var name = request.Query["name"].ToString();
            var version = request.Query["version"].ToString();
            var result = await f.AddAsync(name.Length == 0 ? "image" : name, request.Body, version.Length == 0 ? null : version, request.HttpContext.RequestAborted);
            return result.Image is { } image ? Results.Json(image, statusCode: 201) : Error(400, result.Error ?? "refused");
        });

        api.MapGet("/blobs", (string? kind, string? devId, BlobStore b) => Results.Json(b.List(kind, devId)));
        api.MapPut("/blobs/{name}", async (string name, HttpRequest request, BlobStore b, ServerOptions o) =>
        {
            if (!BlobStore.IsValidName(name))
            {
                return Error(400, "blob names are 1..200 of A-Z a-z 0-9 . _ - (not starting with '.')");
            }
            if (b.Get(name) is { Kind: not "blob" })
            {
                return Error(409, "a firmware image or value blob has this name; it cannot be replaced here");
            }
            var info = await b.PutAsync(name, request.Body, request.ContentType ?? "application/octet-stream", "blob", null, o.MaxBlobBytes, request.HttpContext.RequestAborted);
            return info is null ? Error(413, "blob too large") : Results.Json(info, statusCode: 201);
        });
        // Any blob including device uploads (names with '/'): ?name=upload/dev-1/log.json
        api.MapGet("/blob-content", (string name, BlobStore b) =>
        {
            var info = b.Get(name);
            var stream = info is null ? null : b.OpenRead(name);
            return stream is null ? Error(404, "no such blob") : Results.Stream(stream, info!.ContentType);
        });

        api.MapGet("/campaigns", (CampaignService c) => Results.Json(c.List()));
        api.MapPost("/campaigns", (CampaignRequest body, CampaignService c) =>
        {
            var (id, error) = c.Start(body);
            return id is long value ? Results.Json(c.Get(value), statusCode: 201) : Error(400, error ?? "refused");
        });
        api.MapGet("/campaigns/{id:long}", (long id, CampaignService c) =>
            c.Get(id) is { } campaign ? Results.Json(new { campaign, devices = c.Devices(id) }) : Error(404, "no such campaign"));
        api.MapPost("/campaigns/{id:long}/pause", (long id, CampaignService c) => c.Pause(id) ? Results.NoContent() : Error(409, "not running"));
        api.MapPost("/campaigns/{id:long}/resume", (long id, CampaignService c) => c.Resume(id) ? Results.NoContent() : Error(409, "not paused"));
        api.MapPost("/campaigns/{id:long}/retry", (long id, CampaignService c) => Results.Json(new { retried = c.Retry(id) }));
        api.MapPost("/campaigns/{id:long}/cancel", (long id, CampaignService c) => c.Cancel(id) ? Results.NoContent() : Error(409, "not active"));
    }
}

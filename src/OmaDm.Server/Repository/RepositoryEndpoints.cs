using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;

namespace OmaDm.Server.Repository;

/// <summary>
/// Data Repository routes. <c>GET|HEAD /repo/blobs/{name}</c> serves public blobs (firmware,
/// values) with Range/If-Range/ETag; <c>PUT|POST /repo/upload/{devId}/{name}</c> is the HPUT/HPOST
/// sink, writable only by that device (HTTP Basic) and readable only through the admin API.
/// </summary>
public static class RepositoryEndpoints
{
    /// <summary>Bytes written per chunk when streaming a blob.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>Query parameter naming the downloading device (progress tracking, fault injection); never used for access control.</summary>
    public const string DeviceQuery = "dev";

    /// <summary>Maps the repository routes.</summary>
    public static IEndpointRouteBuilder MapRepository(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/repo/blobs/{name}", ["GET", "HEAD"], ServeAsync);
        app.MapMethods("/repo/upload/{devId}/{name}", ["PUT", "POST"], UploadAsync);
        app.MapGet("/repo/fwurl/{name}", PackageUrl);
        return app;
    }

    /// <summary>
    /// <c>GET /repo/fwurl/{name}</c>: the absolute URL of a public blob as <c>text/plain</c>, so an
    /// HGET can write it into a FUMO <c>PkgURL</c> leaf (DM 2.0 has no Replace command).
    /// </summary>
    private static IResult PackageUrl(HttpContext http, string name)
    {
        var store = http.RequestServices.GetRequiredService<BlobStore>();
        var info = BlobStore.IsValidName(name) ? store.Get(name) : null;
        if (info is null || info.Kind == "upload")
        {
            return Results.NotFound();
        }
        var options = http.RequestServices.GetRequiredService<ServerOptions>();
        var baseUrl = options.PublicBaseUrl?.TrimEnd('/') ?? http.Request.Scheme + "://" + http.Request.Host.Value;
        var devId = http.Request.Query[DeviceQuery].ToString();
        var query = DeviceRegistry.IsValidDevId(devId) ? "?" + DeviceQuery + "=" + Uri.EscapeDataString(devId) : "";
        return Results.Text(baseUrl + "/repo/blobs/" + name + query, "text/plain; charset=utf-8");
    }

    private static async Task ServeAsync(HttpContext http, string name)
    {
        var store = http.RequestServices.GetRequiredService<BlobStore>();
        var info = BlobStore.IsValidName(name) ? store.Get(name) : null;
        var response = http.Response;
        if (info is null || info.Kind == "upload")
        {
            response.StatusCode = 404;
            return;
        }
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = info.ETag;
        response.Headers.CacheControl = "no-cache";
        var request = http.Request;
        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(tag => tag.Trim() == info.ETag))))
        {
            response.StatusCode = 304;
            return;
        }
        long start = 0, count = info.Length;
        var parse = ByteRange.TryParse(request.Headers.Range, info.Length, out var range);
        var ifRange = request.Headers.IfRange.ToString();
        // If-Range with another (or a weak, or a date) validator: the client's partial copy is stale, send everything.
        if (parse != RangeParse.None && ifRange.Length > 0 && ifRange != info.ETag)
        {
            parse = RangeParse.None;
        }
        if (parse == RangeParse.Unsatisfiable)
        {
            response.StatusCode = 416;
            response.Headers.ContentRange = "bytes */" + info.Length;
            return;
        }
        if (parse == RangeParse.Satisfiable)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {range.Start}-{range.End}/{info.Length}";
            start = range.Start;
            count = range.Length;
        }
        else
        {
            response.StatusCode = 200;
        }
        response.ContentType = info.ContentType;
        response.ContentLength = count;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }
        var devId = request.Query[DeviceQuery].ToString();
        devId = DeviceRegistry.IsValidDevId(devId) ? devId : request.Headers[DmMediaTypes.DevIdHeader].ToString();
        var hasDev = DeviceRegistry.IsValidDevId(devId);
        long? dropAt = hasDev ? http.RequestServices.GetRequiredService<RepositoryFaults>().TakeDrop(devId) : null;
        var tracker = http.RequestServices.GetRequiredService<DownloadTracker>();
        await using var file = store.OpenRead(name);
        if (file is null)
        {
            http.Abort();
            return;
        }
        file.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[ChunkBytes];
        long position = start, end = start + count;
        while (position < end)
        {
            int want = (int)Math.Min(buffer.Length, end - position);
            if (dropAt is long drop)
            {
                if (position >= drop)
                {
                    await response.Body.FlushAsync(http.RequestAborted);
                    http.Abort();
                    return;
                }
                want = (int)Math.Min(want, Math.Max(1, drop - position));
            }
            int read = await file.ReadAsync(buffer.AsMemory(0, want), http.RequestAborted);
            if (read <= 0)
            {
                http.Abort();
                return;
            }
            await response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted);
            position += read;
            if (hasDev)
            {
                tracker.Served(devId, name, position);
            }
        }
    }

    private static async Task UploadAsync(HttpContext http, string devId, string name)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<ServerOptions>();
        var registry = services.GetRequiredService<DeviceRegistry>();
        if (!DeviceRegistry.IsValidDevId(devId) || !BlobStore.IsValidName(name))
        {
            http.Response.StatusCode = 400;
            return;
        }
        // Only the device itself may write into its sink: a device can never plant data under another DevID.
        var throttle = services.GetRequiredService<AuthThrottle>();
        var remote = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsBlocked(remote))
        {
            http.Response.StatusCode = 429;
            return;
        }
        if (!HttpBasic.TryParse(http.Request.Headers.Authorization, devId, out var user, out var password) || !registry.Authenticate(devId, user, password))
        {
            throttle.RecordFailure(remote);
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"omadm\", charset=\"UTF-8\"";
            http.Response.StatusCode = 401;
            return;
        }
        if (http.Request.ContentLength is long declared && declared > options.MaxUploadBytes)
        {
            http.Response.StatusCode = 413;
            return;
        }
        var blobs = services.GetRequiredService<BlobStore>();
        var logical = HttpMethods.IsPost(http.Request.Method)
            ? $"upload/{devId}/{name}/{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}-{Guid.NewGuid():N}"
            : $"upload/{devId}/{name}";
        if (blobs.Get(logical) is null && blobs.CountUploads(devId) >= options.MaxUploadsPerDevice)
        {
            http.Response.StatusCode = 507; // bounded disk use per device
            return;
        }
        var contentType = string.IsNullOrEmpty(http.Request.ContentType) ? "application/octet-stream" : http.Request.ContentType;
        var info = await blobs.PutAsync(logical, http.Request.Body, contentType, "upload", devId, options.MaxUploadBytes, http.RequestAborted);
        http.Response.StatusCode = info is null ? 413 : HttpMethods.IsPost(http.Request.Method) ? 201 : 200;
    }
}

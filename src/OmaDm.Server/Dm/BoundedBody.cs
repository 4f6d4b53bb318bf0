using Microsoft.AspNetCore.Http;

namespace OmaDm.Server.Dm;

/// <summary>Reads request bodies with a hard size limit.</summary>
public static class BoundedBody
{
    /// <summary>Reads the whole body into memory; null when it exceeds <paramref name="maxBytes"/> (caller answers 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        if (request.ContentLength is long declared && declared > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream(request.ContentLength is long len ? (int)len : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether a Content-Type header names <paramref name="mediaType"/>, ignoring case and parameters (PROTOCOL §1).</summary>
    public static bool IsMediaType(string? contentType, string mediaType)
    {
        if (contentType is null)
        {
            return false;
        }
        var semi = contentType.IndexOf(';');
        var bare = (semi < 0 ? contentType : contentType[..semi]).Trim();
        return string.Equals(bare, mediaType, StringComparison.OrdinalIgnoreCase);
    }
}

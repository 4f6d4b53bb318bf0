using OmaDm.Nano.Host.Tests.Http;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>
/// A real HTTP data repository on 127.0.0.1 serving one image with Range, If-Range and ETag,
/// and the misbehaviour of real networks and servers, knob by knob.
/// </summary>
public sealed class LoopbackRepository : IDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly object gate = new();
    private long bytesSent;

    public LoopbackRepository(byte[] image)
    {
        Image = image;
        server = new LoopbackHttpServer(Handle);
    }

    public byte[] Image { get; set; }

    public string ETag { get; set; } = "\"img-1\"";

    /// <summary>Absolute offsets where a response drops the connection (each used once, in order).</summary>
    public List<long> DropAt { get; } = new();

    /// <summary>The server answers 200 with the whole image to every Range request.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>Each response ends (clean close) after this many body bytes; 0 = whole body.</summary>
    public int TruncateEach { get; set; }

    /// <summary>Added to the true Content-Length (a lying server); the body itself is unchanged.</summary>
    public long ContentLengthDelta { get; set; }

    /// <summary>Status to answer instead of the image (e.g. 404); 0 = serve.</summary>
    public int Status { get; set; }

    /// <summary>After the headers, wait this long before any body byte; 0 = no stall.</summary>
    public int StallMs { get; set; }

    public string Url => server.BaseUrl + "/fw/image.bin";

    /// <summary>Body bytes written to sockets so far.</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);

    /// <summary>Range start of each request (-1 when none).</summary>
    public List<long> RangeStarts { get; } = new();

    public void ResetCounters()
    {
        Interlocked.Exchange(ref bytesSent, 0);
        lock (gate)
        {
            RangeStarts.Clear();
        }
    }

    private async Task Handle(ServerRequest request, ServerConnection c)
    {
        if (Status != 0)
        {
            await c.Respond(Status, "text/plain", "no"u8.ToArray());
            return;
        }
        var image = Image;
        long start = 0;
        var range = request.Header("Range");
        var ifRange = request.Header("If-Range");
        if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range[6..^1]);
        }
        lock (gate)
        {
            RangeStarts.Add(range is null ? -1 : start);
        }
        var partial = range is not null && !IgnoreRange && (ifRange is null || ifRange == ETag);
        if (!partial)
        {
            start = 0;
        }
        if (start >= image.Length)
        {
            await c.Respond(416, "text/plain", [], "Content-Range: bytes */" + image.Length);
            return;
        }
        var headers = new List<string>
        {
            "Content-Type: application/octet-stream",
            "Content-Length: " + (image.Length - start + ContentLengthDelta),
            "ETag: " + ETag,
            "Accept-Ranges: bytes",
        };
        if (partial)
        {
            headers.Add($"Content-Range: bytes {start}-{image.Length - 1}/{image.Length}");
        }
        await c.WriteHead(partial ? 206 : 200, headers.ToArray());
        if (StallMs > 0)
        {
            await c.Stream.FlushAsync();
            await Task.Delay(StallMs);
            c.Abort();
            return;
        }

        long end = image.Length;
        var drop = false;
        lock (gate)
        {
            var next = DropAt.Where(o => o > start && o < end).DefaultIfEmpty(-1).Min();
            if (next > 0)
            {
                DropAt.Remove(next);
                end = next;
                drop = true;
            }
        }
        var close = ContentLengthDelta != 0;
        if (TruncateEach > 0 && start + TruncateEach < end)
        {
            end = start + TruncateEach;
            drop = false;
            close = true;
        }
        for (var at = start; at < end; at += 16384)
        {
            var n = (int)Math.Min(16384, end - at);
            await c.Write(image, (int)at, n);
            Interlocked.Add(ref bytesSent, n);
        }
        if (drop)
        {
            c.Abort();
        }
        else if (close)
        {
            c.Close();
        }
    }

    public void Dispose() => server.Dispose();
}

using OmaDm.Nano.Platform;

namespace OmaDm.Device;

/// <summary>
/// Wraps the real transport and logs each exchange: one line per request and response, and with
/// <c>verbose</c> the JSON of DM packages (bounded: the first <see cref="MaxPrintedBytes"/> bytes).
/// </summary>
public sealed class LoggingTransport(IHttpTransport inner, TextWriter log, bool verbose) : IHttpTransport
{
    /// <summary>Most bytes of one body printed with --verbose.</summary>
    public const int MaxPrintedBytes = 64 * 1024;

    private readonly bool _verbose = verbose;
    private int _dmPackages;

    /// <summary>DM packages sent so far.</summary>
    public int DmPackages => _dmPackages;

    /// <inheritdoc />
    public IHttpExchange Open(HttpRequest request) => new Exchange(this, inner.Open(request), request);

    private static string Kind(string? contentType) => contentType switch
    {
        "application/vnd.oma.dm.initiation+json" => "Package#1",
        "application/vnd.oma.dm.response+json" => "Package#3",
        _ => "repository",
    };

    private sealed class Exchange(LoggingTransport owner, IHttpExchange inner, HttpRequest request) : IHttpExchange
    {
        private readonly MemoryStream _sent = new();
        private readonly MemoryStream _received = new();
        private TeeWriteStream? _requestBody;
        private TeeReadStream? _responseBody;

        public Stream RequestBody => inner.RequestBody is null ? null! : _requestBody ??= new TeeWriteStream(inner.RequestBody, _sent);

        public TransportResult Send()
        {
            string kind = Kind(request.ContentType);
            bool dm = kind != "repository";
            lock (owner)
            {
                if (dm)
                {
                    owner._dmPackages++;
                }

                owner.Log($"-> {kind} {request.Method} {request.Url} ({_sent.Length} bytes)");
                if (owner._verbose && dm && _sent.Length > 0)
                {
                    owner.Log("   " + Text(_sent));
                }
            }

            TransportResult result = inner.Send();
            owner.Log(result == TransportResult.Success
                ? $"<- HTTP {inner.StatusCode} {inner.ContentType ?? "-"} (length {inner.ContentLength})"
                : $"<- {result}");
            return result;
        }

        public int StatusCode => inner.StatusCode;

        public string ContentType => inner.ContentType;

        public long ContentLength => inner.ContentLength;

        public string ETag => inner.ETag;

        public long RangeStart => inner.RangeStart;

        public long RangeTotal => inner.RangeTotal;

        public Stream ResponseBody => _responseBody ??= new TeeReadStream(inner.ResponseBody, _received);

        public void Dispose()
        {
            if (owner._verbose && _received.Length > 0 && Dm(inner.ContentType))
            {
                owner.Log("   " + Text(_received));
            }

            inner.Dispose();
        }

        private static bool Dm(string? contentType) => contentType is not null && contentType.Contains("vnd.oma.dm", StringComparison.OrdinalIgnoreCase);

        private static string Text(MemoryStream bytes) =>
            System.Text.Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)Math.Min(bytes.Length, MaxPrintedBytes))
            + (bytes.Length > MaxPrintedBytes ? " ..." : "");
    }

    private void Log(string line)
    {
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private sealed class TeeWriteStream(Stream inner, MemoryStream copy) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => copy.Length;
        public override long Position { get => copy.Length; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            if (copy.Length < MaxPrintedBytes)
            {
                copy.Write(buffer, offset, (int)Math.Min(count, MaxPrintedBytes - copy.Length));
            }
        }
    }

    private sealed class TeeReadStream(Stream inner, MemoryStream copy) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => copy.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = inner.Read(buffer, offset, count);
            if (read > 0 && copy.Length < MaxPrintedBytes)
            {
                copy.Write(buffer, offset, (int)Math.Min(read, MaxPrintedBytes - copy.Length));
            }

            return read;
        }
    }
}

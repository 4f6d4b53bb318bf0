using System.Text;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Benchmarks.Session;

/// <summary>
/// An allocation-free in-memory transport for session benchmarks: DM POSTs get the scripted
/// Package#2 bodies in a loop; exchanges, request sinks and response streams are created once, so
/// what a benchmark allocates is the client's own doing.
/// </summary>
public sealed class BenchTransport : IHttpTransport
{
    private readonly MemoryStream[] _responses;
    private readonly Exchange[] _exchanges = [new(), new(), new(), new()];
    private int _nextExchange;
    private int _nextResponse;

    public BenchTransport(params string[] package2s)
    {
        _responses = package2s.Select(p => new MemoryStream(Encoding.UTF8.GetBytes(p), writable: false)).ToArray();
    }

    /// <summary>Bytes the client wrote into request bodies since <see cref="Reset"/>.</summary>
    public long BytesSent => _exchanges.Sum(e => e.Sink.Count);

    /// <summary>Starts the script over.</summary>
    public void Reset()
    {
        _nextResponse = 0;
        foreach (var e in _exchanges)
        {
            e.Sink.Count = 0;
        }
    }

    public IHttpExchange Open(HttpRequest request)
    {
        Exchange exchange = _exchanges[_nextExchange];
        _nextExchange = (_nextExchange + 1) % _exchanges.Length;
        exchange.Owner = this;
        exchange.Response = null;
        return exchange;
    }

    private MemoryStream NextResponse()
    {
        MemoryStream response = _responses[_nextResponse % _responses.Length];
        _nextResponse++;
        response.Position = 0;
        return response;
    }

    private sealed class Exchange : IHttpExchange
    {
        public readonly CountingSink Sink = new();
        public BenchTransport Owner = null!;
        public MemoryStream? Response;

        public Stream RequestBody => Sink;

        public TransportResult Send()
        {
            Response = Owner.NextResponse();
            return TransportResult.Success;
        }

        public int StatusCode => 200;

        public string ContentType => "application/vnd.oma.dm.request+json";

        public long ContentLength => Response?.Length ?? -1;

        public string? ETag => null;

        public long RangeStart => -1;

        public long RangeTotal => -1;

        public Stream ResponseBody => Response!;

        public void Dispose()
        {
        }
    }

    /// <summary>Write-only stream that counts and drops bytes.</summary>
    public sealed class CountingSink : Stream
    {
        public long Count;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
    }
}

using System.Text;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Tests.Http1;

/// <summary>
/// Memory claims of <see cref="Http1Exchange"/>, measured: headers the core ignores cost no
/// allocation, and reading a body allocates nothing whatever its size or framing.
/// </summary>
[TestClass]
public sealed class Http1AllocationTests
{
    [TestMethod]
    public void IgnoredHeaders_AllocateNothing()
    {
        const string Kept = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nETag: \"v1\"\r\nContent-Length: 0\r\n";
        var ignored = new StringBuilder();
        for (int i = 0; i < 60; i++)
        {
            ignored.Append("X-Ignored-").Append(i).Append(": some value that nobody reads\r\n");
        }

        Measure(Kept + "\r\n"); // warm-up (JIT)
        long bare = Measure(Kept + "\r\n");
        long withIgnored = Measure(Kept + ignored + "\r\n");

        Assert.AreEqual(bare, withIgnored, "60 ignored header lines must not allocate");
    }

    [TestMethod]
    public void ReadingABody_AllocatesNothing()
    {
        var chunked = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 200; i++)
        {
            chunked.Append("1f4;ext=1\r\n").Append('c', 500).Append("\r\n");
        }

        chunked.Append("0\r\nTrailer: x\r\n\r\n");
        string[] responses =
        {
            "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + new string('l', 100_000),
            chunked.ToString(),
            "HTTP/1.0 200 OK\r\n\r\n" + new string('u', 100_000),
        };
        var readBuffer = new byte[1024];
        foreach (string response in responses)
        {
            for (int round = 0; round < 2; round++) // the first round warms up the JIT
            {
                using var exchange = Exchange(response);
                Assert.AreEqual(TransportResult.Success, exchange.Send());
                Stream body = exchange.ResponseBody;
                long total = 0;
                long before = GC.GetAllocatedBytesForCurrentThread();
                int n;
                while ((n = body.Read(readBuffer, 0, readBuffer.Length)) > 0)
                {
                    total += n;
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.AreEqual(100_000L, total);
                if (round == 1)
                {
                    Assert.AreEqual(0L, allocated, response[..30]);
                }
            }
        }
    }

    private static long Measure(string response)
    {
        using var exchange = Exchange(response);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.AreEqual(TransportResult.Success, exchange.Send());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual("application/octet-stream", exchange.ContentType);
        return allocated;
    }

    private static Http1Exchange Exchange(string response)
    {
        var request = new HttpRequest { Method = "GET", Url = "https://h/x" };
        Assert.IsTrue(HttpTarget.TryParse(request.Url, out var target));
        return new Http1Exchange(request, target, new ScriptedDuplex(Encoding.ASCII.GetBytes(response)), new byte[2048]);
    }

    /// <summary>Serves fixed response bytes, 700 at a time; swallows what is written (no allocation on either side).</summary>
    private sealed class ScriptedDuplex(byte[] response) : Stream
    {
        private int position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 700), response.Length - position);
            Array.Copy(response, position, buffer, offset, n);
            position += n;
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override void Flush()
        {
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

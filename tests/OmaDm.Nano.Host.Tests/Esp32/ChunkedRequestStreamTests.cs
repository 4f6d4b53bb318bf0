using System.Text;
using OmaDm.Nano.Esp32.Http;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>
/// The ESP32 request body: small bodies go out with Content-Length, longer ones as HTTP/1.1 chunks
/// through one fixed buffer; failures are recorded, not thrown into the package writer. The chunked
/// output is decoded here by an independent reader written from RFC 9112 §7.1.
/// </summary>
[TestClass]
public sealed class ChunkedRequestStreamTests
{
    private const int BufferBytes = 64;

    [TestMethod]
    public void SmallBody_IsSentWithContentLength_Unframed()
    {
        var sink = new FakeSink();
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);
        var data = Bytes(40);

        body.Write(data, 0, 25);
        body.Write(data, 25, 15);

        Assert.IsTrue(body.FinishAndSend());
        CollectionAssert.AreEqual(new long[] { 40 }, sink.Prepared, "one request, length known");
        CollectionAssert.AreEqual(data, sink.Sent.ToArray());
    }

    [TestMethod]
    public void EmptyBody_PreparesZeroLength_WithoutOpeningARequestStream()
    {
        var sink = new FakeSink();
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);

        Assert.IsTrue(body.FinishAndSend());

        CollectionAssert.AreEqual(new long[] { 0 }, sink.Prepared);
        Assert.AreEqual(0, sink.Opened, "GetResponse sends 'Content-Length: 0' itself");
    }

    [TestMethod]
    [DataRow(65)]
    [DataRow(200)]
    [DataRow(1000)]
    public void LongBody_IsStreamedInChunksNoLargerThanTheBuffer(int length)
    {
        var sink = new FakeSink();
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);
        var data = Bytes(length);
        for (var offset = 0; offset < length; offset += 7)
        {
            body.Write(data, offset, Math.Min(7, length - offset));
        }

        Assert.IsTrue(body.FinishAndSend());

        CollectionAssert.AreEqual(new long[] { -1 }, sink.Prepared, "switched to chunked once");
        Assert.AreEqual(1, sink.Opened);
        var chunks = DecodeChunked(sink.Sent.ToArray(), out var decoded);
        CollectionAssert.AreEqual(data, decoded);
        Assert.IsTrue(chunks.All(c => c > 0 && c <= BufferBytes), "RAM stays one buffer: " + string.Join(",", chunks));
        Assert.AreEqual(length, body.Length);
    }

    [TestMethod]
    public void BodyOfExactlyOneBuffer_GoesChunked()
    {
        // The buffer fills before Send, so the stream cannot know the body ends there.
        var sink = new FakeSink();
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);
        body.Write(Bytes(BufferBytes), 0, BufferBytes);

        Assert.IsTrue(body.FinishAndSend());

        CollectionAssert.AreEqual(new long[] { -1 }, sink.Prepared);
        DecodeChunked(sink.Sent.ToArray(), out var decoded);
        Assert.HasCount(BufferBytes, decoded);
    }

    [TestMethod]
    public void SpanWrites_ProduceTheSameBytesAsArrayWrites()
    {
        var sink = new FakeSink();
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);
        var data = Bytes(150);

        body.Write(data.AsSpan(0, 100));
        body.Write(data.AsSpan(100));

        Assert.IsTrue(body.FinishAndSend());
        DecodeChunked(sink.Sent.ToArray(), out var decoded);
        CollectionAssert.AreEqual(data, decoded);
    }

    [TestMethod]
    public void OpenFails_WhileStreaming_IsRecordedAndLaterWritesAreSwallowed()
    {
        var sink = new FakeSink { OpenResult = TransportResult.TlsFailed };
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);

        body.Write(Bytes(100), 0, 100);   // fills the buffer: tries to connect, fails
        body.Write(Bytes(100), 0, 100);   // must not throw into the package writer

        Assert.IsTrue(body.Failed);
        Assert.AreEqual(TransportResult.TlsFailed, body.FailureResult);
        Assert.IsFalse(body.FinishAndSend());
        Assert.AreEqual(1, sink.Opened, "no second connection attempt");
    }

    [TestMethod]
    public void SocketWriteThrows_IsMappedBySink()
    {
        var sink = new FakeSink { FailWritesAfterBytes = 10 };
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);

        body.Write(Bytes(300), 0, 300);

        Assert.IsTrue(body.Failed);
        Assert.AreEqual(TransportResult.ConnectionLost, body.FailureResult);
        Assert.IsInstanceOfType<IOException>(sink.Mapped);
    }

    [TestMethod]
    public void PrepareRefusesTheUrl_SendReportsIt()
    {
        var sink = new FakeSink { PrepareResult = TransportResult.BadRequest };
        var body = new ChunkedRequestStream(sink, new byte[BufferBytes]);
        body.Write(Bytes(10), 0, 10);

        Assert.IsFalse(body.FinishAndSend());
        Assert.AreEqual(TransportResult.BadRequest, body.FailureResult);
        Assert.AreEqual(0, sink.Opened);
    }

    [TestMethod]
    public void WriteAfterSend_IsACallerBug()
    {
        var body = new ChunkedRequestStream(new FakeSink(), new byte[BufferBytes]);
        Assert.IsTrue(body.FinishAndSend());

        Assert.ThrowsExactly<InvalidOperationException>(() => body.Write(new byte[1], 0, 1));
    }

    [TestMethod]
    [DataRow(0, "0")]
    [DataRow(9, "9")]
    [DataRow(10, "a")]
    [DataRow(255, "ff")]
    [DataRow(4096, "1000")]
    [DataRow(int.MaxValue, "7fffffff")]
    public void Hex_IsLowerCaseWithoutPadding(int value, string expected)
    {
        Assert.AreEqual(expected, ChunkedRequestStream.Hex(value));
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();

    /// <summary>Decodes chunked transfer coding; returns the chunk sizes. Fails the test on any framing error.</summary>
    private static List<int> DecodeChunked(byte[] wire, out byte[] body)
    {
        var sizes = new List<int>();
        var output = new MemoryStream();
        var pos = 0;
        while (true)
        {
            var lineEnd = IndexOfCrlf(wire, pos);
            Assert.IsGreaterThanOrEqualTo(0, lineEnd, "chunk-size line without CRLF");
            var size = Convert.ToInt32(Encoding.ASCII.GetString(wire, pos, lineEnd - pos), 16);
            pos = lineEnd + 2;
            if (size == 0)
            {
                Assert.AreEqual(wire.Length, pos + 2, "last-chunk must be followed by exactly one CRLF");
                Assert.AreEqual((byte)'\r', wire[pos]);
                Assert.AreEqual((byte)'\n', wire[pos + 1]);
                break;
            }

            sizes.Add(size);
            output.Write(wire, pos, size);
            pos += size;
            Assert.AreEqual((byte)'\r', wire[pos], "chunk data must end with CRLF");
            Assert.AreEqual((byte)'\n', wire[pos + 1]);
            pos += 2;
        }

        body = output.ToArray();
        return sizes;
    }

    private static int IndexOfCrlf(byte[] data, int from)
    {
        for (var i = from; i + 1 < data.Length; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class FakeSink : IRequestBodySink
    {
        public List<long> Prepared { get; } = [];
        public int Opened { get; private set; }
        public MemoryStream Sent { get; } = new();
        public TransportResult PrepareResult { get; set; } = TransportResult.Success;
        public TransportResult OpenResult { get; set; } = TransportResult.Success;
        public int FailWritesAfterBytes { get; set; } = -1;
        public Exception? Mapped { get; private set; }

        public TransportResult Prepare(long contentLength)
        {
            Prepared.Add(contentLength);
            return PrepareResult;
        }

        public TransportResult TryOpenRequestStream(out Stream stream)
        {
            Opened++;
            stream = FailWritesAfterBytes >= 0 ? new FailingStream(Sent, FailWritesAfterBytes) : Sent;
            return OpenResult;
        }

        public TransportResult MapSendFailure(Exception e)
        {
            Mapped = e;
            return TransportResult.ConnectionLost;
        }
    }

    /// <summary>Accepts <c>limit</c> bytes, then fails like a dropped connection.</summary>
    private sealed class FailingStream(Stream inner, int limit) : Stream
    {
        private int _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > limit)
            {
                throw new IOException("connection reset");
            }

            inner.Write(buffer, offset, count);
            _written += count;
        }
    }
}

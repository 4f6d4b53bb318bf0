using System.Net.Sockets;
using OmaDm.Nano.Esp32.Http;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>The core expects exactly one failure type while it reads a body: IOException.</summary>
[TestClass]
public sealed class ResponseBodyStreamTests
{
    [TestMethod]
    public void Read_PassesBytesThrough_AndCountsPosition()
    {
        var body = new ResponseBodyStream(new MemoryStream([1, 2, 3, 4, 5]));
        var buffer = new byte[4];

        Assert.AreEqual(4, body.Read(buffer, 0, 4));
        Assert.AreEqual(1, body.Read(buffer.AsSpan()));
        Assert.AreEqual(0, body.Read(buffer, 0, 4));
        Assert.AreEqual(5L, body.Position);
    }

    [TestMethod]
    public void Read_SocketError_BecomesIOException()
    {
        var body = new ResponseBodyStream(new ThrowingStream(new SocketException((int)SocketError.ConnectionReset)));

        var e = Assert.ThrowsExactly<IOException>(() => body.Read(new byte[8], 0, 8));
        Assert.IsInstanceOfType<SocketException>(e.InnerException);
        Assert.ThrowsExactly<IOException>(() => body.Read(new byte[8].AsSpan()));
    }

    [TestMethod]
    public void Read_IOException_PassesUnchanged()
    {
        var original = new IOException("drop");
        var body = new ResponseBodyStream(new ThrowingStream(original));

        Assert.AreSame(original, Assert.ThrowsExactly<IOException>(() => body.Read(new byte[8], 0, 8)));
    }

    [TestMethod]
    public void Writes_AreRefused()
    {
        var body = new ResponseBodyStream(new MemoryStream());
        Assert.IsFalse(body.CanWrite);
        Assert.ThrowsExactly<NotSupportedException>(() => body.Write([1], 0, 1));
    }

    private sealed class ThrowingStream(Exception error) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => 0;
        public override long Position { get => 0; set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw error;
        public override int Read(Span<byte> buffer) => throw error;
        public override long Seek(long offset, SeekOrigin origin) => 0;
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
    }
}

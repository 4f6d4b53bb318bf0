using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OmaDm.Server.Commands;
using OmaDm.Server.Dm;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class SlowPackage3Tests
{
    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Package3_StalledLongerThanKestrelGrace_IsStillAccepted()
    {
        // The client streams Package#3 while it runs Package#2's commands; an HGET of a firmware image
        // stalls the body. Kestrel's default minimum body rate (240 B/s after a 5 s grace) would cut it.
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        await dev.RunSessionAsync();
        var id = server.Service<CommandQueue>().Enqueue("dev-1", ["GET", "urn:a:b//X"])!.Value;
        await dev.Package1Async();
        var body = new StalledStream(Encoding.UTF8.GetBytes("{\"Status\":[{\"sc\":200}]}"), splitAt: 11, stall: TimeSpan.FromSeconds(8));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(DmMediaTypes.Response);
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(DmMediaTypes.DevIdHeader, "dev-1");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));

        var response = await dev.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(CommandState.Done, server.Service<CommandQueue>().Get(id)!.State);
    }

    /// <summary>Returns the first bytes, waits, then the rest (like a device busy with an HGET between statuses).</summary>
    private sealed class StalledStream(byte[] data, int splitAt, TimeSpan stall) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_position == splitAt)
            {
                await Task.Delay(stall, cancellationToken);
            }
            int end = _position < splitAt ? splitAt : data.Length;
            int n = Math.Min(count, end - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}

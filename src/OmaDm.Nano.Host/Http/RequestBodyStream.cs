namespace OmaDm.Nano.Host.Http;

/// <summary>
/// The writable request body of an <see cref="HttpClientExchange"/>: buffers the first
/// <see cref="HttpClientTransport.RequestBufferBytes"/>, then starts the request and streams.
/// Write failures are recorded for <see cref="HttpClientExchange.Send"/> to report; later
/// writes are dropped, so a writer never sees an exception from the network.
/// </summary>
internal sealed class RequestBodyStream : Stream
{
    private readonly HttpClientExchange owner;
    private readonly byte[] buffer = new byte[HttpClientTransport.RequestBufferBytes];
    private int buffered;
    private long total;
    private Stream? network;
    private bool dead;

    public RequestBodyStream(HttpClientExchange owner) => this.owner = owner;

    /// <summary>Bytes written but not sent yet.</summary>
    public ReadOnlySpan<byte> BufferedBytes => buffer.AsSpan(0, buffered);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override void Write(byte[] data, int offset, int count)
    {
        ValidateBufferArguments(data, offset, count);
        Write(data.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (dead || data.IsEmpty)
        {
            return;
        }
        total += data.Length;
        if (total > HttpClientTransport.MaxRequestBodyBytes)
        {
            dead = true;
            owner.FailTooLarge();
            return;
        }
        while (!data.IsEmpty)
        {
            if (buffered == buffer.Length && !FlushToNetwork())
            {
                return;
            }
            var n = Math.Min(data.Length, buffer.Length - buffered);
            data[..n].CopyTo(buffer.AsSpan(buffered));
            buffered += n;
            data = data[n..];
        }
    }

    /// <summary>Sends what is buffered, starting the request if needed; false once the exchange failed.</summary>
    public bool FlushToNetwork()
    {
        if (dead || owner.HasFailed)
        {
            dead = true;
            return false;
        }
        network ??= owner.StartStreaming();
        if (network is null || (buffered > 0 && !owner.WriteToNetwork(network, buffer.AsMemory(0, buffered))))
        {
            dead = true;
            return false;
        }
        buffered = 0;
        return true;
    }

    /// <summary>Nothing to do: the body goes out as it fills or at Send.</summary>
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

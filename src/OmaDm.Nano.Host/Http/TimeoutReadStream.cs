namespace OmaDm.Nano.Host.Http;

/// <summary>
/// A response body whose every read must produce data within a timeout; a stalled server gives
/// an <see cref="IOException"/> instead of a hang. All failures surface as IOException, the one
/// exception the <see cref="OmaDm.Nano.Platform.IHttpExchange"/> contract allows for body reads.
/// </summary>
internal sealed class TimeoutReadStream : Stream
{
    private readonly Stream inner;
    private readonly int timeoutMs;
    private CancellationTokenSource cancel = new();

    public TimeoutReadStream(Stream inner, int timeoutMs)
    {
        this.inner = inner;
        this.timeoutMs = timeoutMs;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return count == 0 ? 0 : Read(buffer.AsMemory(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = Read(rented.AsMemory(0, buffer.Length));
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int Read(Memory<byte> buffer)
    {
        try
        {
            cancel.CancelAfter(timeoutMs);
            var pending = inner.ReadAsync(buffer, cancel.Token);
            var n = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            if (!cancel.TryReset())
            {
                cancel.Dispose();
                cancel = new CancellationTokenSource();
            }
            return n;
        }
        catch (OperationCanceledException e)
        {
            throw new IOException("no response data within " + timeoutMs + " ms", e);
        }
        catch (IOException)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or InvalidOperationException)
        {
            throw new IOException("the response body could not be read: " + e.Message, e);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            cancel.Dispose();
        }
        base.Dispose(disposing);
    }
}

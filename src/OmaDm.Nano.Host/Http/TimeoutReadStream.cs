namespace OmaDm.Nano.Host.Http;

/// <summary>
/// A response body whose every read must produce data within a timeout; a stalled server gives
/// an <see cref="IOException"/> instead of a hang. All failures surface as IOException, the one
/// exception the <see cref="OmaDm.Nano.Platform.IHttpExchange"/> contract allows for body reads.
/// </summary>
/// <remarks>
/// Reads smaller than <see cref="ReadAheadBytes"/> are served from a pooled read-ahead buffer: the
/// core reads through one 4 KiB buffer (the device's RAM budget), and without read-ahead every
/// such read would be a socket read on the host.
/// </remarks>
internal sealed class TimeoutReadStream : Stream
{
    /// <summary>Read-ahead size: big socket reads, pooled so a download allocates nothing per byte.</summary>
    public const int ReadAheadBytes = 64 * 1024;

    private readonly Stream inner;
    private readonly int timeoutMs;
    private CancellationTokenSource cancel = new();
    private byte[]? readAhead;
    private int aheadStart;
    private int aheadEnd;

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
        if (count == 0)
        {
            return 0;
        }
        if (aheadStart == aheadEnd && count >= ReadAheadBytes)
        {
            return Read(buffer.AsMemory(offset, count));
        }
        if (aheadStart == aheadEnd)
        {
            readAhead ??= System.Buffers.ArrayPool<byte>.Shared.Rent(ReadAheadBytes);
            aheadStart = 0;
            aheadEnd = Read(readAhead.AsMemory(0, ReadAheadBytes));
            if (aheadEnd == 0)
            {
                return 0;
            }
        }
        var n = Math.Min(count, aheadEnd - aheadStart);
        Buffer.BlockCopy(readAhead!, aheadStart, buffer, offset, n);
        aheadStart += n;
        return n;
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
            var n = Read(rented, 0, buffer.Length);
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
            if (readAhead is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(readAhead);
                readAhead = null;
            }
        }
        base.Dispose(disposing);
    }
}

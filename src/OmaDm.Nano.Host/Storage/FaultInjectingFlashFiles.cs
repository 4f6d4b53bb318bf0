using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Storage;

/// <summary>
/// Wraps an <see cref="IFlashFiles"/> (normally a <see cref="DirectoryFlashFiles"/>), counts every primitive
/// operation and, when <see cref="PowerCutAfterOps"/> is N &gt; 0, loses power at operation N: that
/// operation is applied fully, not at all, or (a write) truncated at a seeded byte, per <see cref="Mode"/>;
/// it and every later call throw <see cref="PowerCutException"/>. A reboot is a new wrapper (and a new
/// store) over the same directory.
/// </summary>
/// <remarks>
/// Counted operations: OpenRead, Create, each Write call, Close of any stream, Delete, Rename, Exists,
/// List. Reads are not counted (they change nothing). Writes reach the inner file at once, so after a
/// cut a file holds exactly the bytes written so far: at least as harsh as LittleFS, where an unsynced
/// file reads back empty or as it was. For the same reason a Close that is "not applied" leaves the
/// same bytes as one that is (the handle is released either way). Open inner streams are closed at
/// the cut. Disposing a stream after the cut does nothing (the process is dead; unwinding is not I/O).
/// </remarks>
public sealed class FaultInjectingFlashFiles : IFlashFiles
{
    private readonly IFlashFiles inner;
    private readonly Random random;
    private readonly PowerCutMode resolvedMode;
    private readonly List<Stream> openStreams = [];
    private readonly List<string>? log;

    /// <summary>Wraps <paramref name="inner"/>; no cut unless <paramref name="powerCutAfterOps"/> &gt; 0.</summary>
    /// <param name="inner">The flash that really holds the files.</param>
    /// <param name="powerCutAfterOps">1-based index of the operation at which power is lost; 0 = never.</param>
    /// <param name="mode">What happens to that operation.</param>
    /// <param name="seed">Seeds the torn-write length and, for <see cref="PowerCutMode.Seeded"/>, the mode.</param>
    /// <param name="recordLog">Keep a line per operation in <see cref="Log"/> (for test failure messages).</param>
    public FaultInjectingFlashFiles(IFlashFiles inner, long powerCutAfterOps = 0, PowerCutMode mode = PowerCutMode.Applied, int seed = 0, bool recordLog = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(powerCutAfterOps);
        this.inner = inner;
        PowerCutAfterOps = powerCutAfterOps;
        Mode = mode;
        Seed = seed;
        random = new Random(seed);
        resolvedMode = mode == PowerCutMode.Seeded ? (PowerCutMode)random.Next(3) : mode;
        log = recordLog ? [] : null;
    }

    /// <summary>Operation index at which power is lost; 0 = never.</summary>
    public long PowerCutAfterOps { get; }

    /// <summary>The configured cut mode.</summary>
    public PowerCutMode Mode { get; }

    /// <summary>The seed for torn lengths (and the mode when <see cref="PowerCutMode.Seeded"/>).</summary>
    public int Seed { get; }

    /// <summary>When set, a torn write lands exactly this many bytes (capped at the write's count) instead of a seeded length.</summary>
    public int? TornWriteLength { get; init; }

    /// <summary>Operations so far, including the one that was cut.</summary>
    public long Operations { get; private set; }

    /// <summary>True once the power is off.</summary>
    public bool IsPowerOff { get; private set; }

    /// <summary>Create calls.</summary>
    public int Creates { get; private set; }

    /// <summary>Write calls.</summary>
    public int WriteCalls { get; private set; }

    /// <summary>Bytes that reached the inner flash through Write (torn writes count what landed).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Delete calls.</summary>
    public int Deletes { get; private set; }

    /// <summary>Rename calls.</summary>
    public int Renames { get; private set; }

    /// <summary>One line per operation when constructed with recordLog; empty otherwise.</summary>
    public IReadOnlyList<string> Log => log ?? (IReadOnlyList<string>)[];

    /// <inheritdoc />
    public Stream OpenRead(string name)
    {
        if (Begin("open " + name, out _))
        {
            throw Cut("open " + name);
        }
        var stream = inner.OpenRead(name);
        return stream is null ? null! : Track(new CountedStream(this, stream, "read " + name));
    }

    /// <inheritdoc />
    public Stream Create(string name)
    {
        if (Begin("create " + name, out var mode))
        {
            if (mode != PowerCutMode.NotApplied)
            {
                Track(inner.Create(name));
            }
            throw Cut("create " + name);
        }
        Creates++;
        return new CountedStream(this, Track(inner.Create(name)), "write " + name);
    }

    /// <inheritdoc />
    public bool Exists(string name)
    {
        if (Begin("exists " + name, out _))
        {
            throw Cut("exists " + name);
        }
        return inner.Exists(name);
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        if (Begin("delete " + name, out var mode))
        {
            if (mode != PowerCutMode.NotApplied)
            {
                inner.Delete(name);
            }
            throw Cut("delete " + name);
        }
        Deletes++;
        inner.Delete(name);
    }

    /// <inheritdoc />
    public void Rename(string from, string to)
    {
        if (Begin("rename " + from + " " + to, out var mode))
        {
            if (mode != PowerCutMode.NotApplied)
            {
                inner.Rename(from, to);
            }
            throw Cut("rename " + from);
        }
        Renames++;
        inner.Rename(from, to);
    }

    /// <inheritdoc />
    public string[] List()
    {
        if (Begin("list", out _))
        {
            throw Cut("list");
        }
        return inner.List();
    }

    /// <summary>Counts an operation; true when power is lost at it (<paramref name="mode"/> then says how).</summary>
    private bool Begin(string what, out PowerCutMode mode)
    {
        mode = resolvedMode;
        if (IsPowerOff)
        {
            throw new PowerCutException(Operations, what + " with the power off");
        }
        Operations++;
        log?.Add(Operations + " " + what);
        return PowerCutAfterOps > 0 && Operations == PowerCutAfterOps;
    }

    private PowerCutException Cut(string what)
    {
        IsPowerOff = true;
        foreach (var stream in openStreams)
        {
            try
            {
                stream.Dispose();
            }
            catch (IOException)
            {
                // The handle is gone with the power either way.
            }
        }
        openStreams.Clear();
        return new PowerCutException(Operations, what);
    }

    private T Track<T>(T stream) where T : Stream
    {
        openStreams.Add(stream);
        return stream;
    }

    private void OnWrite(Stream target, string what, byte[] buffer, int offset, int count)
    {
        if (Begin(what + " " + count + " bytes", out var mode))
        {
            int landed = mode switch
            {
                PowerCutMode.NotApplied => 0,
                PowerCutMode.TornWrite when TornWriteLength is int fixedLength => Math.Clamp(fixedLength, 0, count),
                PowerCutMode.TornWrite => count == 0 ? 0 : random.Next(count),
                _ => count,
            };
            target.Write(buffer, offset, landed);
            WriteCalls++;
            BytesWritten += landed;
            throw Cut(what + " (" + landed + " of " + count + " bytes landed)");
        }
        target.Write(buffer, offset, count);
        WriteCalls++;
        BytesWritten += count;
    }

    private void OnClose(Stream target, string what)
    {
        openStreams.Remove(target);
        if (Begin("close " + what, out _))
        {
            target.Dispose();
            throw Cut("close " + what);
        }
        target.Dispose();
    }

    /// <summary>Forwards to the inner stream, routing Write and Close through the counter.</summary>
    private sealed class CountedStream(FaultInjectingFlashFiles owner, Stream target, string what) : Stream
    {
        private bool disposed;

        public override bool CanRead => target.CanRead;
        public override bool CanSeek => target.CanSeek;
        public override bool CanWrite => target.CanWrite;
        public override long Length => target.Length;
        public override long Position { get => target.Position; set => target.Position = value; }

        public override void Flush()
        {
            // Flush does not fsync on nanoFramework and changes nothing durable: not an operation.
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (owner.IsPowerOff)
            {
                throw new PowerCutException(owner.Operations, "read with the power off");
            }
            return target.Read(buffer, offset, count);
        }

        public override long Seek(long offset, SeekOrigin origin) => target.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            owner.OnWrite(target, what, buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !disposed)
            {
                disposed = true;
                if (!owner.IsPowerOff)
                {
                    owner.OnClose(target, what);
                }
            }
            base.Dispose(disposing);
        }
    }
}

using OmaDm.Nano.Host.Storage;
using Microsoft.Win32.SafeHandles;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// One flash partition kept in a file, with NOR rules: erase works on whole
/// <see cref="EraseBlockBytes"/> blocks and sets them to 0xFF; writes only go into erased bytes
/// (anything else is a <see cref="FlashWriteResult.NotErased"/>); a power cut tears the operation
/// in progress, leaving the bytes from the cut to the end of that block undefined (random).
/// </summary>
internal sealed class SimulatedFlash : IDisposable
{
    public const int EraseBlockBytes = 4096;
    public const byte Erased = 0xFF;

    private readonly string path;
    private readonly PowerCutSwitch power;
    private readonly Random noise;
    private readonly byte[] check = new byte[EraseBlockBytes];
    private SafeFileHandle? handle;

    // Everything from here to the end is known to be erased, so a write there needs no read-back
    // check (the common sequential append). Unknown (long.MaxValue) until an erase or scan says so.
    private long knownErasedFrom = long.MaxValue;

    public SimulatedFlash(string path, int capacityBytes, PowerCutSwitch power, int seed)
    {
        this.path = path;
        this.power = power;
        CapacityBytes = capacityBytes;
        noise = new Random(seed);
        if (!File.Exists(path) || new FileInfo(path).Length != capacityBytes)
        {
            // A new part arrives erased.
            using var fresh = File.Create(path);
            var block = new byte[EraseBlockBytes];
            Array.Fill(block, Erased);
            for (var written = 0; written < capacityBytes; written += EraseBlockBytes)
            {
                fresh.Write(block, 0, Math.Min(EraseBlockBytes, capacityBytes - written));
            }
        }
    }

    public int CapacityBytes { get; }

    public string Path => path;

    private SafeFileHandle Handle => handle ??= File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);

    public int Read(long offset, Span<byte> destination) => RandomAccess.Read(Handle, destination, offset);

    /// <summary>Erases blocks covering [offset, offset+count); both are rounded out to block boundaries.</summary>
    public void Erase(long offset, long count)
    {
        var start = offset / EraseBlockBytes * EraseBlockBytes;
        var end = Math.Min(CapacityBytes, (offset + count + EraseBlockBytes - 1) / EraseBlockBytes * EraseBlockBytes);
        var torn = power.CountAndCheck();
        var block = new byte[EraseBlockBytes];
        Array.Fill(block, Erased);
        // Cut somewhere inside the range: blocks before it erased, that block undefined, the rest untouched.
        var cutBlock = torn ? start + noise.NextInt64(0, Math.Max(1, (end - start) / EraseBlockBytes)) * EraseBlockBytes : long.MaxValue;
        for (var b = start; b < end; b += EraseBlockBytes)
        {
            var n = (int)Math.Min(EraseBlockBytes, end - b);
            if (b == cutBlock)
            {
                noise.NextBytes(block.AsSpan(0, n));
                RandomAccess.Write(Handle, block.AsSpan(0, n), b);
                Close();
                throw new PowerCutException(power.Operations, "slot erase");
            }
            RandomAccess.Write(Handle, block.AsSpan(0, n), b);
        }
        if (end >= Math.Min(knownErasedFrom, CapacityBytes))
        {
            knownErasedFrom = Math.Min(knownErasedFrom, start);
        }
    }

    /// <summary>Records that a scan found nothing but erased bytes from <paramref name="offset"/> to the end.</summary>
    public void MarkErasedFrom(long offset) => knownErasedFrom = offset;

    /// <summary>Programs bytes into erased flash.</summary>
    public FlashWriteResult Write(long offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset + data.Length > CapacityBytes)
        {
            return FlashWriteResult.OutOfRange;
        }
        for (var done = offset >= knownErasedFrom ? data.Length : 0; done < data.Length;)
        {
            var n = Math.Min(check.Length, data.Length - done);
            Read(offset + done, check.AsSpan(0, n));
            if (check.AsSpan(0, n).IndexOfAnyExcept(Erased) >= 0)
            {
                return FlashWriteResult.NotErased;
            }
            done += n;
        }
        if (power.CountAndCheck())
        {
            var cut = noise.Next(0, Math.Max(1, data.Length));
            RandomAccess.Write(Handle, data[..cut], offset);
            // The block being programmed at the cut is undefined from there to its end (within the write).
            var blockEnd = Math.Min(data.Length, (int)(((offset + cut) / EraseBlockBytes + 1) * EraseBlockBytes - offset));
            var garbage = new byte[blockEnd - cut];
            noise.NextBytes(garbage);
            RandomAccess.Write(Handle, garbage, offset + cut);
            Close();
            throw new PowerCutException(power.Operations, "slot write");
        }
        RandomAccess.Write(Handle, data, offset);
        if (offset + data.Length > knownErasedFrom || offset >= knownErasedFrom)
        {
            knownErasedFrom = Math.Max(knownErasedFrom, offset + data.Length);
        }
        return FlashWriteResult.Success;
    }

    /// <summary>Offset just past the last byte that is not 0xFF, or 0 for an erased part.</summary>
    public long FindWrittenEnd(long limit)
    {
        var buffer = new byte[64 * 1024];
        var end = Math.Min(limit, CapacityBytes);
        while (end > 0)
        {
            var n = (int)Math.Min(buffer.Length, end);
            Read(end - n, buffer.AsSpan(0, n));
            var last = buffer.AsSpan(0, n).LastIndexOfAnyExcept(Erased);
            if (last >= 0)
            {
                return end - n + last + 1;
            }
            end -= n;
        }
        return 0;
    }

    /// <summary>Releases the file (the part is swapped by renaming files).</summary>
    public void Close()
    {
        handle?.Dispose();
        handle = null;
    }

    public void Dispose() => Close();
}

internal enum FlashWriteResult
{
    Success = 0,
    NotErased = 1,
    OutOfRange = 2,
}

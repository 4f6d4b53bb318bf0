using System.Globalization;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// <see cref="IFirmwareSlot"/> over files in a device's state folder, with real flash rules
/// (4 KiB erase blocks, writes only into erased space, torn operations on a power cut) and the
/// checks IFU and MCUboot make (header, total length, TLVs, SHA-256, ECDSA P-256 signature).
/// </summary>
/// <remarks>
/// Files: <c>primary.bin</c> (the running image), <c>secondary.bin</c> (staging),
/// <c>secondary.meta</c> (the session record: declared total length, verified flag) and
/// <c>mcuboot.state</c> (swap status). Constructing the slot is powering the device on: the
/// simulated MCUboot applies a scheduled swap, and reverts a test image that was not confirmed
/// before the reset. <see cref="Reboot"/> does the same without a new object.
/// </remarks>
public sealed partial class SimulatedFirmwareSlot : IFirmwareSlot, IDisposable
{
    private const string PrimaryFile = "primary.bin";
    private const string SecondaryFile = "secondary.bin";
    private const string MetaFile = "secondary.meta";
    private const string BootFile = "mcuboot.state";

    private readonly string folder;
    private readonly SimulatedSlotOptions options;
    private SimulatedFlash primary;
    private SimulatedFlash secondary;
    private readonly SlotStateFile meta;
    private readonly SlotStateFile boot;
    private bool sessionOpen;
    private System.Security.Cryptography.IncrementalHash? runningHash;
    private long hashedUpTo;
    private long hashLength;
    private int nextOffset = -1;
    private int totalLength = -1;

    /// <summary>Opens (or creates erased) the slot pair in <paramref name="folder"/> and runs the simulated boot loader.</summary>
    public SimulatedFirmwareSlot(string folder, SimulatedSlotOptions? options = null)
    {
        this.options = options ?? new SimulatedSlotOptions();
        if (this.options.CapacityBytes <= 0 || this.options.CapacityBytes % SimulatedFlash.EraseBlockBytes != 0)
        {
            throw new ArgumentException("capacity must be a positive multiple of 4096", nameof(options));
        }
        this.folder = folder;
        Directory.CreateDirectory(folder);
        primary = OpenFlash(PrimaryFile, 0);
        secondary = OpenFlash(SecondaryFile, 1);
        meta = new SlotStateFile(System.IO.Path.Combine(folder, MetaFile), this.options.Power);
        boot = new SlotStateFile(System.IO.Path.Combine(folder, BootFile), this.options.Power);
        RunBootLoader();
    }

    /// <inheritdoc />
    public int CapacityBytes => options.CapacityBytes;

    /// <inheritdoc />
    public int EraseBlockBytes => SimulatedFlash.EraseBlockBytes;

    /// <inheritdoc />
    public int NextOffset => sessionOpen ? nextOffset : -1;

    /// <inheritdoc />
    public int TotalLength => sessionOpen ? totalLength : -1;

    /// <summary>Flash operations counted so far (writes, erases, metadata saves).</summary>
    public long FlashOperations => options.Power.Operations;

    /// <summary>Bytes programmed into the secondary slot since this object was created (resume cost in tests).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Version text of the running image ("1.2.3+4"), or null when the primary slot holds none.</summary>
    public string? RunningVersion => GetHeader(SlotId.Primary)?.VersionText;

    /// <inheritdoc />
    public SlotResult Start(int totalLength)
    {
        if (totalLength <= McuBootHeader.Size)
        {
            return SlotResult.BadArgument;
        }
        if (totalLength > CapacityBytes)
        {
            return SlotResult.TooLarge;
        }
        if (Status != SlotStatus.Confirmed)
        {
            // Pending swaps need the staged image; a test run needs the previous image for a revert.
            return SlotResult.SwapInFlight;
        }
        sessionOpen = false;
        meta.Save(("verified", "0"), ("total", "-1"));
        secondary.Erase(0, CapacityBytes);
        meta.Save(("total", totalLength.ToString(CultureInfo.InvariantCulture)));
        OpenSession(totalLength, 0);
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult Resume(int totalLength, byte[] expectedHeader)
    {
        if (expectedHeader is null || expectedHeader.Length < McuBootHeader.Size || totalLength <= McuBootHeader.Size)
        {
            return SlotResult.BadArgument;
        }
        if (totalLength > CapacityBytes)
        {
            return SlotResult.TooLarge;
        }
        if (Status != SlotStatus.Confirmed)
        {
            return SlotResult.SwapInFlight;
        }
        sessionOpen = false;
        var stored = new byte[McuBootHeader.Size];
        secondary.Read(0, stored);
        if (McuBootHeader.TryParse(stored, 0, out _) != SlotResult.Success)
        {
            return SlotResult.NoImage;
        }
        if (!stored.AsSpan().SequenceEqual(expectedHeader.AsSpan(0, McuBootHeader.Size)) || meta.GetLong("total", -1) != totalLength)
        {
            return SlotResult.HeaderMismatch;
        }
        var written = secondary.FindWrittenEnd(CapacityBytes);
        secondary.MarkErasedFrom(written);
        if (written > totalLength)
        {
            // Data past the end of this image: whatever is there, it is not a paused download of it.
            return SlotResult.HeaderMismatch;
        }
        // The block holding the last written byte may be torn - even when the image looks whole,
        // the last chunk may have been cut with garbage up to its end: erase it and write it again.
        var rewound = written == 0 ? 0 : (int)((written - 1) / EraseBlockBytes * EraseBlockBytes);
        if (rewound < McuBootHeader.Size)
        {
            return SlotResult.NoImage;
        }
        secondary.Erase(rewound, EraseBlockBytes);
        OpenSession(totalLength, rewound);
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult Append(byte[] buffer, int offset, int count)
    {
        if (buffer is null || offset < 0 || count < 0 || buffer.Length - offset < count)
        {
            return SlotResult.BadArgument;
        }
        if (!sessionOpen)
        {
            return SlotResult.NoSession;
        }
        if ((long)nextOffset + count > totalLength)
        {
            return SlotResult.TooLarge;
        }
        McuBootHeader? parsed = null;
        if (nextOffset == 0)
        {
            if (count < McuBootHeader.Size)
            {
                return SlotResult.BadArgument;
            }
            var header = McuBootHeader.TryParse(buffer, offset, out parsed);
            if (header != SlotResult.Success)
            {
                return header == SlotResult.BadArgument ? SlotResult.BadArgument : SlotResult.BadMagic;
            }
            if (parsed!.HashedLength >= totalLength)
            {
                return SlotResult.TooLarge;
            }
        }
        if (count == 0)
        {
            return SlotResult.Success;
        }
        if (secondary.Write(nextOffset, buffer.AsSpan(offset, count)) != FlashWriteResult.Success)
        {
            return SlotResult.FlashError;
        }
        HashAppended(buffer, offset, count, parsed);
        nextOffset += count;
        BytesWritten += count;
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult Complete()
    {
        if (!sessionOpen)
        {
            return SlotResult.NoSession;
        }
        if (nextOffset < totalLength)
        {
            return SlotResult.Incomplete;
        }
        sessionOpen = false;
        byte[]? digest = null;
        if (runningHash is not null && hashLength > 0 && hashedUpTo == hashLength)
        {
            digest = runningHash.GetHashAndReset();
        }
        runningHash?.Dispose();
        runningHash = null;
        var result = Verify(secondary, totalLength, digest);
        if (result == SlotResult.Success)
        {
            meta.Save(("verified", "1"));
        }
        return result;
    }

    /// <inheritdoc />
    public SlotResult Abort(bool erase)
    {
        if (!sessionOpen)
        {
            return SlotResult.NoSession;
        }
        sessionOpen = false;
        if (erase)
        {
            meta.Save(("verified", "0"), ("total", "-1"));
            secondary.Erase(0, CapacityBytes);
        }
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult EraseSecondary()
    {
        if (sessionOpen)
        {
            return SlotResult.Busy;
        }
        if (Status != SlotStatus.Confirmed)
        {
            return SlotResult.SwapInFlight;
        }
        meta.Save(("verified", "0"), ("total", "-1"));
        secondary.Erase(0, CapacityBytes);
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public McuBootHeader? GetHeader(SlotId slot)
    {
        var bytes = new byte[McuBootHeader.Size];
        (slot == SlotId.Primary ? primary : secondary).Read(0, bytes);
        return McuBootHeader.TryParse(bytes, 0, out var header) == SlotResult.Success ? header : null;
    }

    /// <inheritdoc />
    public bool TryGetImageHash(SlotId slot, byte[] destination)
    {
        if (destination is null || destination.Length < McuBootTlv.Sha256Bytes)
        {
            return false;
        }
        var flash = slot == SlotId.Primary ? primary : secondary;
        var header = GetHeader(slot);
        if (header is null)
        {
            return false;
        }
        var area = new byte[McuBootTlv.HeaderBytes];
        flash.Read(header.HashedLength, area);
        var length = McuBootHeader.ReadUInt16(area, 2);
        if (McuBootHeader.ReadUInt16(area, 0) != McuBootTlv.InfoMagic || length > McuBootTlv.MaxAreaBytes
            || (long)header.HashedLength + length > CapacityBytes)
        {
            return false;
        }
        area = new byte[length];
        flash.Read(header.HashedLength, area);
        if (McuBootTlv.Find(area, 0, length, McuBootTlv.TypeSha256, out var at, out var hashLength) != SlotResult.Success
            || at < 0 || hashLength != McuBootTlv.Sha256Bytes)
        {
            return false;
        }
        Array.Copy(area, at, destination, 0, hashLength);
        return true;
    }

    /// <summary>Releases the files.</summary>
    public void Dispose()
    {
        primary.Dispose();
        secondary.Dispose();
    }

    private void OpenSession(int total, int offset)
    {
        sessionOpen = true;
        totalLength = total;
        nextOffset = offset;
        // The digest is computed as the data goes in when the session writes the image from byte 0;
        // after a resume Complete reads the slot back instead.
        runningHash?.Dispose();
        runningHash = offset == 0 ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;
        hashedUpTo = 0;
        hashLength = -1;
    }

    private void HashAppended(byte[] buffer, int offset, int count, McuBootHeader? header)
    {
        if (runningHash is null)
        {
            return;
        }
        if (header is not null)
        {
            hashLength = header.HashedLength;
        }
        var take = (int)Math.Min(count, Math.Max(0, hashLength - hashedUpTo));
        runningHash.AppendData(buffer, offset, take);
        hashedUpTo += take;
    }

    private SimulatedFlash OpenFlash(string name, int seedOffset) =>
        new(System.IO.Path.Combine(folder, name), options.CapacityBytes, options.Power, options.Seed + seedOffset);
}

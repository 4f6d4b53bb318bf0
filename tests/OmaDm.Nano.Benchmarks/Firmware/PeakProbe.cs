using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Benchmarks.Firmware;

/// <summary>
/// Passes every call to a real slot and, at each chunk, forces a full GC and records the live
/// managed heap above <see cref="Baseline"/>: what a download keeps alive, independent of garbage.
/// </summary>
public sealed class PeakProbe(IFirmwareSlot inner) : IFirmwareSlot
{
    public long Baseline { get; set; }

    public long PeakLiveBytes { get; private set; }

    public int Samples { get; private set; }

    public int CapacityBytes => inner.CapacityBytes;
    public int EraseBlockBytes => inner.EraseBlockBytes;
    public int NextOffset => inner.NextOffset;
    public int TotalLength => inner.TotalLength;
    public SlotStatus Status => inner.Status;
    public SlotResult Start(int totalLength) => inner.Start(totalLength);
    public SlotResult Resume(int totalLength, byte[] expectedHeader) => inner.Resume(totalLength, expectedHeader);

    public SlotResult Append(byte[] buffer, int offset, int count)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true) - Baseline;
        PeakLiveBytes = Math.Max(PeakLiveBytes, live);
        Samples++;
        return inner.Append(buffer, offset, count);
    }

    public SlotResult Complete() => inner.Complete();
    public SlotResult Abort(bool erase) => inner.Abort(erase);
    public SlotResult EraseSecondary() => inner.EraseSecondary();
    public SlotResult RequestTestSwap() => inner.RequestTestSwap();
    public SlotResult Confirm() => inner.Confirm();
    public SlotResult RequestRevert() => inner.RequestRevert();
    public void Reboot() => inner.Reboot();
    public bool TryGetImageHash(SlotId slot, byte[] destination) => inner.TryGetImageHash(slot, destination);
    public McuBootHeader? GetHeader(SlotId slot) => inner.GetHeader(slot);
}

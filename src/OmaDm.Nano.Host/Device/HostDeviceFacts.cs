using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Device;

/// <summary>
/// <see cref="IDeviceFacts"/> of a virtual device: plain settable values (the composition root fills
/// them; the firmware slot owner sets <see cref="FirmwareVersion"/> from the running image).
/// </summary>
public sealed class HostDeviceFacts : IDeviceFacts
{
    /// <summary>Creates facts for <paramref name="devId"/> with virtual-device defaults.</summary>
    public HostDeviceFacts(string devId) => DevId = devId;

    /// <inheritdoc />
    public string DevId { get; set; }

    /// <inheritdoc />
    public string Manufacturer { get; set; } = "OmaDm.Nano";

    /// <inheritdoc />
    public string Model { get; set; } = "VirtualDevice";

    /// <inheritdoc />
    public string HardwareVersion { get; set; } = "host-1";

    /// <inheritdoc />
    public string FirmwareVersion { get; set; } = "1.0.0";

    /// <inheritdoc />
    public string SoftwareVersion { get; set; } = typeof(HostDeviceFacts).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <inheritdoc />
    public string DeviceType { get; set; } = "virtual";

    /// <inheritdoc />
    public string Oem { get; set; } = "OmaDm.Nano";

    /// <inheritdoc />
    public string Language { get; set; } = "en";

    /// <inheritdoc />
    public long FreeMemoryBytes => System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - System.GC.GetTotalMemory(false);
}

namespace OmaDm.Nano.Platform
{
    /// <summary>What the platform knows about the device; DevInfo reads its leaves from here.</summary>
    public interface IDeviceFacts
    {
        /// <summary>Unique device id, e.g. "MAC:a1b2c3d4e5f6" on ESP32; sent as OMADM-DevID.</summary>
        string DevId { get; }
        /// <summary>Manufacturer.</summary>
        string Manufacturer { get; }
        /// <summary>Model.</summary>
        string Model { get; }
        /// <summary>Hardware version.</summary>
        string HardwareVersion { get; }
        /// <summary>Firmware version of the running image.</summary>
        string FirmwareVersion { get; }
        /// <summary>Software (application) version.</summary>
        string SoftwareVersion { get; }
        /// <summary>Device type, e.g. "ESP32".</summary>
        string DeviceType { get; }
        /// <summary>OEM name.</summary>
        string Oem { get; }
        /// <summary>Language tag, e.g. "en".</summary>
        string Language { get; }
        /// <summary>Free managed memory in bytes, or -1 when unknown.</summary>
        long FreeMemoryBytes { get; }
    }
}

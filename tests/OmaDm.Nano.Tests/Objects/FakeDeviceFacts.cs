using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Objects
{
    /// <summary>Device facts with settable values and a read counter.</summary>
    public sealed class FakeDeviceFacts : IDeviceFacts
    {
        public string DevIdValue = "MAC:a1b2c3d4e5f6";
        public string FirmwareVersionValue = "1.0.0";
        public long FreeMemory = 51200;
        public int Reads;

        public string DevId { get { Reads++; return DevIdValue; } }
        public string Manufacturer { get { return "Espressif"; } }
        public string Model { get { return "ESP32-DevKitC"; } }
        public string HardwareVersion { get { return "rev3"; } }
        public string FirmwareVersion { get { return FirmwareVersionValue; } }
        public string SoftwareVersion { get { return "app-2.1"; } }
        public string DeviceType { get { return "ESP32"; } }
        public string Oem { get { return "Acme"; } }
        public string Language { get { return "en"; } }
        public long FreeMemoryBytes { get { return FreeMemory; } }
    }
}

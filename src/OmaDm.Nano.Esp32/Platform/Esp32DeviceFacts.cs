using System;
using System.Net.NetworkInformation;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Platform
{
    /// <summary>
    /// What an ESP32 running nanoFramework knows about itself, for DevInfo: DevID from the Wi-Fi
    /// MAC (<c>MAC:a1b2c3d4e5f6</c>), model and versions from <see cref="SystemInfo"/>, the
    /// application's own version, and free memory from <see cref="NativeMemory"/>.
    /// </summary>
    /// <remarks>
    /// Values that cannot change while running are read once, in the constructor, so a GET of
    /// DevInfo never touches the network stack. <see cref="FreeMemoryBytes"/> is read on each call.
    /// </remarks>
    public sealed class Esp32DeviceFacts : IDeviceFacts
    {
        /// <summary>Prefix of a MAC-based DevID.</summary>
        public const string MacPrefix = "MAC:";

        private readonly string _devId;
        private readonly string _model;
        private readonly string _hardwareVersion;
        private readonly string _firmwareVersion;
        private readonly string _softwareVersion;
        private readonly string _deviceType;
        private readonly string _oem;

        /// <summary>
        /// Reads the chip's facts. <paramref name="devIdOverride"/> (from the settings file) wins over
        /// the MAC when not null or empty; <paramref name="model"/> names the board (e.g.
        /// "ESP32-DevKitC"); <paramref name="softwareVersion"/> is the application's version;
        /// <paramref name="firmwareVersion"/> is the version of the image FUMO updates (from the
        /// In-Field Update slot), or null to report the nanoCLR version.
        /// </summary>
        /// <remarks>
        /// A firmware campaign compares DevInfo/FwV with the version of the image it sent, so FwV
        /// must describe the image FUMO replaces: for the deployment image that is the MCUboot
        /// version of the running deployment, not the nanoCLR's.
        /// </remarks>
        public Esp32DeviceFacts(string devIdOverride, string model, string softwareVersion, string firmwareVersion)
        {
            _devId = devIdOverride != null && devIdOverride.Length > 0 ? devIdOverride : MacDevId();
            _deviceType = SafePlatform();
            _model = model != null && model.Length > 0 ? model : _deviceType;
            _hardwareVersion = SafeTargetName();
            _firmwareVersion = firmwareVersion != null && firmwareVersion.Length > 0 ? firmwareVersion : SafeFirmwareVersion();
            _softwareVersion = softwareVersion != null ? softwareVersion : "0.0.0";
            _oem = SafeOem();
        }

        /// <inheritdoc />
        public string DevId
        {
            get { return _devId; }
        }

        /// <inheritdoc />
        public string Manufacturer
        {
            get { return "Espressif"; }
        }

        /// <inheritdoc />
        public string Model
        {
            get { return _model; }
        }

        /// <summary>The nanoFramework target name the firmware was built for (e.g. ESP32_REV3, ESP32_S3).</summary>
        public string HardwareVersion
        {
            get { return _hardwareVersion; }
        }

        /// <summary>Version of the image FUMO updates, or of the running nanoCLR when IFU reports none.</summary>
        public string FirmwareVersion
        {
            get { return _firmwareVersion; }
        }

        /// <inheritdoc />
        public string SoftwareVersion
        {
            get { return _softwareVersion; }
        }

        /// <inheritdoc />
        public string DeviceType
        {
            get { return _deviceType; }
        }

        /// <inheritdoc />
        public string Oem
        {
            get { return _oem; }
        }

        /// <inheritdoc />
        public string Language
        {
            get { return "en"; }
        }

        /// <summary>
        /// Free bytes of the chip's internal heap (<see cref="NativeMemory"/>), or -1 when it cannot
        /// be read. The managed heap is carved out of it at boot, so this is the headroom TLS and
        /// sockets (native allocations) still have.
        /// </summary>
        public long FreeMemoryBytes
        {
            get
            {
                try
                {
                    uint total;
                    uint free;
                    uint largest;
                    NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.Internal, out total, out free, out largest);
                    return free;
                }
                catch (Exception)
                {
                    return -1;
                }
            }
        }

        /// <summary>"MAC:" plus the 12 lower-case hex digits of the first interface with a real MAC, or "MAC:000000000000".</summary>
        public static string MacDevId()
        {
            byte[] mac = null;
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length && mac == null; i++)
                {
                    byte[] candidate = interfaces[i].PhysicalAddress;
                    if (IsUsableMac(candidate))
                    {
                        mac = candidate;
                    }
                }
            }
            catch (Exception)
            {
                mac = null;
            }

            return MacPrefix + Hex(mac == null ? new byte[6] : mac);
        }

        /// <summary>True for a 6-byte MAC that is not all zero.</summary>
        public static bool IsUsableMac(byte[] mac)
        {
            if (mac == null || mac.Length != 6)
            {
                return false;
            }

            for (int i = 0; i < mac.Length; i++)
            {
                if (mac[i] != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Lower-case hex without separators (custom number formats are avoided on nanoFramework).</summary>
        public static string Hex(byte[] bytes)
        {
            const string Digits = "0123456789abcdef";
            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = Digits[bytes[i] >> 4];
                text[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(text);
        }

        private static string SafePlatform()
        {
            try
            {
                string platform = SystemInfo.Platform;
                return platform != null && platform.Length > 0 ? platform : "ESP32";
            }
            catch (Exception)
            {
                return "ESP32";
            }
        }

        private static string SafeTargetName()
        {
            try
            {
                return SystemInfo.TargetName;
            }
            catch (Exception)
            {
                return "unknown";
            }
        }

        private static string SafeFirmwareVersion()
        {
            try
            {
                return SystemInfo.Version.ToString();
            }
            catch (Exception)
            {
                return "unknown";
            }
        }

        private static string SafeOem()
        {
            try
            {
                return SystemInfo.OEMString;
            }
            catch (Exception)
            {
                return "nanoFramework";
            }
        }
    }
}

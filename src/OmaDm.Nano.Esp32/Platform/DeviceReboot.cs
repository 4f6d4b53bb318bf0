using nanoFramework.Runtime.Native;

namespace OmaDm.Nano.Esp32.Platform
{
    /// <summary>Restarts the chip (not only the CLR), so MCUboot runs and applies a scheduled swap.</summary>
    public static class DeviceReboot
    {
        /// <summary>Full reset through <see cref="Power.RebootDevice(RebootOption)"/>; does not return.</summary>
        public static void Now()
        {
            Power.RebootDevice(RebootOption.NormalReboot);
        }
    }
}

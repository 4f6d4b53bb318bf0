using System.Diagnostics;
using System.Threading;
using OmaDm.Board;
using OmaDm.Nano.Esp32.Hosting;

namespace OmaDm.Board.Esp32DevKitC
{
    /// <summary>
    /// Sample app for an ESP32-DevKitC: reads <c>I:\omadm.json</c>, joins Wi-Fi, registers the
    /// board MO, and runs DM sessions on an interval and on DM Notifications.
    /// </summary>
    public static class Program
    {
        /// <summary>Reported as DevInfo/Mod.</summary>
        public const string Model = "ESP32-DevKitC";

        /// <summary>Reported as DevInfo/SwV; keep equal to AssemblyVersion.</summary>
        public const string AppVersion = "0.1.0";

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Esp32DeviceHost host = new Esp32DeviceHost(Model, AppVersion);
            if (!host.Prepare())
            {
                // Without settings there is nothing to connect to; stay up so a deploy can fix it.
                Thread.Sleep(Timeout.Infinite);
            }

            BoardMo.Register(host.Tree, host.Settings.LedPin);
            if (!host.Start())
            {
                Debug.WriteLine("no usable DM Account: check ServerId/ServerUri/AllowInsecure in the settings");
                Thread.Sleep(Timeout.Infinite);
            }

            host.Run();
        }
    }
}

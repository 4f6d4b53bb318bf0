using System;
using System.Device.Gpio;
using System.Text;
using OmaDm.Nano.Tree;

namespace OmaDm.Board
{
    /// <summary>
    /// The sample app MO <c>urn:oma:mo:x-omadm-nano-board:1.0</c>, one instance <c>board</c>:
    /// <c>Led/On</c> and <c>Led/Off</c> (EXEC) switch an LED, <c>Led/State</c> (bool, GET) reads it,
    /// <c>UptimeSec</c> (int, GET) is the time since boot.
    /// </summary>
    /// <remarks>
    /// Values are computed on GET and never stored, so the MO costs no flash writes.
    /// Example from the server: <c>["EXEC","urn:oma:mo:x-omadm-nano-board:1.0//Led/On"]</c>, then
    /// <c>["GET","urn:oma:mo:x-omadm-nano-board:1.0//Led/State"]</c>.
    /// </remarks>
    internal sealed class BoardMo
    {
        internal const string Moid = "urn:oma:mo:x-omadm-nano-board:1.0";
        internal const string DdfUrl = "urn:x-omadm-nano:ddf:board:1.0";
        internal const string Miid = "board";

        private static readonly byte[] True = Encoding.UTF8.GetBytes("true");
        private static readonly byte[] False = Encoding.UTF8.GetBytes("false");

        private readonly GpioPin _led;
        private bool _on;

        private BoardMo(GpioPin led)
        {
            _led = led;
        }

        /// <summary>Registers the type and its instance; <paramref name="ledPin"/> -1 means no LED (see <see cref="Switch"/>).</summary>
        internal static BoardMo Register(ManagementTree tree, int ledPin)
        {
            GpioPin led = null;
            if (ledPin >= 0)
            {
                GpioController gpio = new GpioController();
                led = gpio.OpenPin(ledPin, PinMode.Output);
                led.Write(PinValue.Low);
            }

            BoardMo mo = new BoardMo(led);
            MoType type = new MoType(Moid, DdfUrl);
            type.MaxInstances = 1;
            MoNode ledNode = type.Root.Add(MoNode.Interior("Led", AccessRights.Get));
            ledNode.Add(MoNode.Leaf("On", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = mo.TurnOn;
            ledNode.Add(MoNode.Leaf("Off", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = mo.TurnOff;
            ledNode.Add(MoNode.Leaf("State", NodeFormat.Bool, AccessRights.Get)).Getter = mo.GetState;
            type.Root.Add(MoNode.Leaf("UptimeSec", NodeFormat.Int, AccessRights.Get)).Getter = GetUptime;
            tree.Register(type);
            tree.AddInstance(Moid, Miid);
            return mo;
        }

        private int TurnOn(ExecRequest request)
        {
            return Switch(true);
        }

        private int TurnOff(ExecRequest request)
        {
            return Switch(false);
        }

        /// <summary>200 when switched; 503 (Service Unavailable) when the board has no LED configured.</summary>
        private int Switch(bool on)
        {
            if (_led == null)
            {
                return 503;
            }

            _led.Write(on ? PinValue.High : PinValue.Low);
            _on = on;
            return 200;
        }

        private byte[] GetState(MoInstance instance, string path)
        {
            return _on ? True : False;
        }

        private static byte[] GetUptime(MoInstance instance, string path)
        {
            return Encoding.UTF8.GetBytes((Environment.TickCount64 / 1000).ToString());
        }
    }
}

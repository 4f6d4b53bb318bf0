using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>The app-defined MO example of docs/tree.md §6, compiled and exercised.</summary>
    [TestClass]
    public class AppMoExampleTests
    {
        /// <summary>Stands in for the board's LED and sensor.</summary>
        private static class Hardware
        {
            public static bool Led;
            public static int Blinks;
            public static double Temperature = 21.5;
            public static void SetLed(bool on) { Led = on; }
            public static void Blink() { Blinks++; }
        }

        private static MoType CreateLedType()
        {
            // --- docs/tree.md §6 snippet starts ---
            MoType led = new MoType("urn:example:mo:led:1.0", "http://example.com/led.ddf");
            MoNode on = led.Root.Add(MoNode.Leaf("On", NodeFormat.Bool, AccessRights.Get | AccessRights.Replace));
            on.Setter = (instance, path, value) => { Hardware.SetLed(value[0] == (byte)'t'); return 200; };
            MoNode blink = led.Root.Add(MoNode.Leaf("Blink", NodeFormat.Chr, AccessRights.Exec));
            blink.ExecHandler = request => { Hardware.Blink(); return 200; };
            MoNode temp = led.Root.Add(MoNode.Leaf("Temp", NodeFormat.Float, AccessRights.Get));
            temp.Getter = (instance, path) => Encoding.UTF8.GetBytes(Hardware.Temperature.ToString());
            // --- snippet ends ---
            return led;
        }

        [TestMethod]
        public void AppMo_SetterExecGetter_DriveHardware()
        {
            TreeFixture f = new TreeFixture();
            MoType led = CreateLedType();
            f.Tree.Register(led);
            f.Tree.AddInstance(led.Moid, "led1");

            Assert.AreEqual(200, f.Write("urn:example:mo:led:1.0//On", "text/plain", "true"));
            Assert.IsTrue(Hardware.Led);
            int before = Hardware.Blinks;
            Assert.AreEqual(200, f.Tree.Exec(TreeFixture.Uri("urn:example:mo:led:1.0/led1/Blink"), "srv", new ExecRequest()));
            Assert.AreEqual(before + 1, Hardware.Blinks);
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:example:mo:led:1.0/led1\"],\"Data\":[{\"On\":true,\"Temp\":21.5}]}",
                TreeFixture.WithoutCv(f.Get("urn:example:mo:led:1.0/led1")));
        }
    }
}

using nanoFramework.TestFramework;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Tests.Tree;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Objects
{
    [TestClass]
    public class DevInfoMoTests
    {
        [TestMethod]
        public void Get_WholeDevInfo_ValuesFromFacts()
        {
            TreeFixture f = new TreeFixture();
            DevInfoMo.Register(f.Tree, new FakeDeviceFacts());
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo\"],\"Data\":[{\"DevID\":\"MAC:a1b2c3d4e5f6\","
                + "\"Man\":\"Espressif\",\"Mod\":\"ESP32-DevKitC\",\"DmV\":\"2.0\",\"Lang\":\"en\",\"DevType\":\"ESP32\",\"OEM\":\"Acme\","
                + "\"FwV\":\"1.0.0\",\"SwV\":\"app-2.1\",\"HwV\":\"rev3\",\"Ext\":{\"FreeMem\":51200}}]}",
                TreeFixture.WithoutCv(f.Get("urn:oma:mo:oma-dm-devinfo:1.0//")));
        }

        [TestMethod]
        public void Get_FactsChange_ReadAtEveryGet()
        {
            TreeFixture f = new TreeFixture();
            FakeDeviceFacts facts = new FakeDeviceFacts();
            DevInfoMo.Register(f.Tree, facts);
            facts.FirmwareVersionValue = "2.0.0";
            facts.FreeMemory = -1;
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/FwV\"],\"Data\":[\"2.0.0\"]}",
                TreeFixture.WithoutCv(f.Get("oma:mo:oma-dm-devinfo:1.0//FwV")));
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0/devinfo/Ext/FreeMem\"],\"Data\":[null]}",
                TreeFixture.WithoutCv(f.Get("urn:oma:mo:oma-dm-devinfo:1.0//Ext/FreeMem")), "unknown free memory has no value");
        }

        [TestMethod]
        public void CacheValidator_FactChanges_ValidatorChanges()
        {
            TreeFixture f = new TreeFixture();
            FakeDeviceFacts facts = new FakeDeviceFacts();
            MoInstance i = DevInfoMo.Register(f.Tree, facts);
            string before = i.CacheValidator;
            Assert.AreEqual(before, i.CacheValidator, "stable while nothing changes");
            int status;
            Assert.AreEqual("{\"sc\":304}", f.Get("urn:oma:mo:oma-dm-devinfo:1.0//FwV?cv=" + before, "srv", out status));
            facts.FirmwareVersionValue = "1.0.1";
            Assert.AreNotEqual(before, i.CacheValidator, "a getter-backed value changed without a write");
            f.Get("urn:oma:mo:oma-dm-devinfo:1.0//FwV?cv=" + before, "srv", out status);
            Assert.AreEqual(200, status);
        }

        [TestMethod]
        public void WriteFromBody_DevInfoLeaf_405()
        {
            TreeFixture f = new TreeFixture();
            DevInfoMo.Register(f.Tree, new FakeDeviceFacts());
            Assert.AreEqual(405, f.Write("urn:oma:mo:oma-dm-devinfo:1.0//FwV", "text/plain", "9.9"));
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri("urn:oma:mo:oma-dm-devinfo:1.0//FwV"), "srv"));
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri("urn:oma:mo:oma-dm-devinfo:1.0/devinfo"), "srv"));
        }

        [TestMethod]
        public void Register_Instance_StaticDevinfoMiid()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = DevInfoMo.Register(f.Tree, new FakeDeviceFacts());
            Assert.AreEqual("devinfo", i.Miid);
            Assert.AreEqual((int)InstanceLifetime.Static, (int)i.Lifetime);
            Assert.AreEqual("2.0", i.GetText("DmV"));
            Assert.IsFalse(f.Tree.HasPendingChanges, "DevInfo stores nothing");
        }
    }
}

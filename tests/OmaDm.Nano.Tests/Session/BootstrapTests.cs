using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Session;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class BootstrapTests
    {
        private static BootstrapSettings Parse(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            BootstrapSettings settings;
            return BootstrapSettings.TryParse(bytes, bytes.Length, out settings) ? settings : null;
        }

        private const string Full = "{\"ServerId\":\"omadm-demo\",\"ServerUri\":\"https://dm.example.com/dm\",\"UserName\":\"dev-001\"," +
            "\"Password\":\"p\\u00e4ss\",\"NotificationSecret\":\"noti\",\"DevId\":\"VIRT:0001\",\"AllowInsecure\":true,\"Extra\":[1,{}]}";

        [TestMethod]
        public void TryParse_FullFile_ReadsEveryField()
        {
            BootstrapSettings s = Parse(Full);

            Assert.IsNotNull(s);
            Assert.AreEqual("omadm-demo", s.ServerId);
            Assert.AreEqual("https://dm.example.com/dm", s.ServerUri);
            Assert.AreEqual("dev-001", s.UserName);
            Assert.AreEqual("p\u00e4ss", s.Password);
            Assert.AreEqual("noti", s.NotificationSecret);
            Assert.AreEqual("VIRT:0001", s.DevId);
            Assert.IsTrue(s.AllowInsecure);
        }

        [TestMethod]
        public void TryParse_Invalid_ReturnsFalse()
        {
            Assert.IsNull(Parse("{\"ServerUri\":\"https://x/dm\"}"), "ServerId required");
            Assert.IsNull(Parse("{\"ServerId\":\"a\"}"), "ServerUri required");
            Assert.IsNull(Parse("{\"ServerId\":\"a\",\"ServerUri\":\"ftp://x\"}"), "http(s) only");
            Assert.IsNull(Parse("{\"ServerId\":\"a\",\"ServerUri\":\"https://x/dm\",\"AllowInsecure\":\"yes\"}"), "bool must be bool");
            Assert.IsNull(Parse("{\"ServerId\":1,\"ServerUri\":\"https://x/dm\"}"));
            Assert.IsNull(Parse("{\"ServerId\":\"a\",\"ServerUri\":\"https://x/dm\""), "truncated");
            Assert.IsNull(Parse("[]"));
            BootstrapSettings s;
            Assert.IsFalse(BootstrapSettings.TryParse(new byte[BootstrapSettings.MaxFileBytes + 1], BootstrapSettings.MaxFileBytes + 1, out s), "size bound");
        }

        private static SessionFixture WithDmAcc()
        {
            return WithDmAcc(new MemoryFlashFiles());
        }

        private static SessionFixture WithDmAcc(MemoryFlashFiles flash)
        {
            // the fixture's tree plus the DMAcc type, loaded again so stored accounts come back
            SessionFixture f = new SessionFixture(flash);
            DmAccountMo.Register(f.Tree);
            f.Tree.Load();
            f.Client.Account = null;
            f.Client.LoadAccount();
            return f;
        }

        [TestMethod]
        public void Bootstrap_FreshDevice_CreatesAccountAndReportsBootstrapComplete()
        {
            SessionFixture f = WithDmAcc();

            Assert.IsTrue(f.Client.Bootstrap(Parse(Full)));
            Assert.AreEqual("omadm-demo", f.Client.Account.ServerId);
            Assert.AreEqual("dev-001", f.Client.Account.UserName);
            Assert.AreEqual("VIRT:0001", f.Client.DevId);
            Assert.IsTrue(f.Client.BootstrapPending);

            SessionFixture g = WithDmAcc(f.Flash);
            Assert.IsNotNull(g.Client.Account, "the account survives a reset");
            Assert.AreEqual("https://dm.example.com/dm", g.Client.Account.ServerUri);
            Assert.AreEqual("noti", g.Client.Account.NotificationSecret);
            Assert.IsFalse(g.Client.Bootstrap(Parse(Full)), "an existing account is kept");

            g.Transport.EnqueuePackage2("{\"CMD\":[[\"GET\",\"urn:oma:mo:oma-dm-dmacc:2.0//SrvID\"],[\"GET\",\"urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Trsp/Secret\"]]}");
            g.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");
            Assert.AreEqual((int)SessionResult.Completed, (int)g.Client.Run().Result);
            Assert.EndsWith("{\"AlertType\":\"urn:oma:at:dm:2.0:BootstrapComplete\"}]}", g.DmBody(0));
            Assert.IsTrue(g.DmBody(0).IndexOf("\"MOID\":\"urn:oma:mo:oma-dm-dmacc:1.2\",\"MIID\":[\"acc1\"]") > 0);
            Assert.StartsWith("{\"Status\":[{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-dmacc:1.2/acc1/SrvID\"],\"Data\":[\"omadm-demo\"]", g.DmBody(1));
            Assert.EndsWith("{\"sc\":405}]}", g.DmBody(1), "credentials are never readable");
            Assert.IsFalse(g.Client.BootstrapPending);
        }

        [TestMethod]
        public void Bootstrap_PlainHttpPublicHost_RefusedAndNothingStored()
        {
            SessionFixture f = WithDmAcc();

            Assert.IsFalse(f.Client.Bootstrap(Parse("{\"ServerId\":\"a\",\"ServerUri\":\"http://dm.example.com/dm\"}")));
            Assert.IsFalse(f.Client.BootstrapPending);
            Assert.AreEqual(0, f.Tree.InstanceCount(DmAccountMo.Moid));
            Assert.IsTrue(f.Client.Bootstrap(Parse("{\"ServerId\":\"a\",\"ServerUri\":\"http://dm.example.com/dm\",\"AllowInsecure\":true}")), "explicit opt-in");
        }

        [TestMethod]
        public void Bootstrap_WithoutDmAccType_ReturnsFalse()
        {
            SessionFixture f = new SessionFixture();
            Assert.IsFalse(f.Client.Bootstrap(Parse(Full)));
        }
    }
}

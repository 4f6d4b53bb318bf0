using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Tree;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Objects
{
    [TestClass]
    public class DmAccountMoTests
    {
        private const string Password = "pa55-w0rd";
        private const string User = "dev-user-001";
        private const string NotiSecret = "noti-s3cret";

        private static TreeFixture WithAccount()
        {
            TreeFixture f = new TreeFixture();
            DmAccountMo.Register(f.Tree);
            DmAccountMo.Create(f.Tree, DmAccountMo.DefaultMiid, "srv", "https://dm.example.com/dm", User, Password, NotiSecret, false);
            return f;
        }

        [TestMethod]
        public void Entry_Created_TypedValues()
        {
            TreeFixture f = WithAccount();
            DmAccountEntry a = DmAccountMo.Find(f.Tree, "srv");
            Assert.IsNotNull(a);
            Assert.AreEqual("srv", a.ServerId);
            Assert.AreEqual("https://dm.example.com/dm", a.ServerUri);
            Assert.AreEqual(User, a.UserName);
            Assert.AreEqual(Password, a.Password);
            Assert.AreEqual(NotiSecret, a.NotificationSecret);
            Assert.IsNull(a.BootstrapSecret);
            Assert.IsFalse(a.AllowInsecure);
            Assert.IsNull(DmAccountMo.Find(f.Tree, "other"));
            Assert.AreEqual(1, DmAccountMo.Count(f.Tree));
        }

        [TestMethod]
        public void Get_WholeAccount_CredentialsNeverReturned()
        {
            TreeFixture f = WithAccount();
            string json = f.Get("urn:oma:mo:oma-dm-dmacc:1.2/acc1");
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-dmacc:1.2/acc1\"],\"Data\":[{\"SrvID\":\"srv\","
                + "\"SrvURI\":\"https://dm.example.com/dm\",\"Name\":null,\"Perm\":{},\"Auth\":{\"Trsp\":{\"Type\":\"Trsp\"},"
                + "\"Noti\":{\"Type\":\"Noti\"}},\"Push\":{},\"Ext\":{\"AllowInsecure\":false}}]}", TreeFixture.WithoutCv(json));
            Assert.AreEqual(-1, json.IndexOf(Password));
            Assert.AreEqual(-1, json.IndexOf(User));
            Assert.AreEqual(-1, json.IndexOf(NotiSecret));
        }

        [TestMethod]
        public void GetAndSerialize_SecretLeaves_405AndNothingWritten()
        {
            TreeFixture f = WithAccount();
            int status;
            Assert.AreEqual("{\"sc\":405}", f.Get("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Trsp/Secret", "srv", out status));
            Assert.AreEqual("{\"sc\":405}", f.Get("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Trsp/Name", "srv", out status));
            Assert.AreEqual("{\"sc\":405}", f.Get("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Noti/Secret", "srv", out status));
            Assert.AreEqual("", f.Serialize("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Trsp/Secret", "srv", out status));
            string hput = f.Serialize("urn:oma:mo:oma-dm-dmacc:1.2/acc1", "srv", out status);
            Assert.AreEqual(200, status);
            Assert.AreEqual(-1, hput.IndexOf(Password), "HPUT/HPOST body never carries the password");
            Assert.AreEqual(-1, hput.IndexOf(NotiSecret));
            Assert.AreEqual(-1, f.Serialize("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth", "srv", out status).IndexOf(Password));
        }

        [TestMethod]
        public void Get_V2MoidAlias_SameInstance()
        {
            TreeFixture f = WithAccount();
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-dmacc:1.2/acc1/SrvID\"],\"Data\":[\"srv\"]}",
                TreeFixture.WithoutCv(f.Get("oma:mo:oma-dm-dmacc:2.0//SrvID")), "2.0 accepted on input, 1.2 emitted");
        }

        [TestMethod]
        public void Acl_OtherServer_403()
        {
            TreeFixture f = WithAccount();
            int status;
            Assert.AreEqual("{\"sc\":403}", f.Get("urn:oma:mo:oma-dm-dmacc:1.2/acc1/SrvURI", "intruder", out status));
        }

        [TestMethod]
        public void WriteFromBody_ServerReplacesPasswordAndUri_SrvIdReadOnly()
        {
            TreeFixture f = WithAccount();
            Assert.AreEqual(200, f.Write("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Auth/Trsp/Secret", "text/plain", "new-pass"));
            Assert.AreEqual(200, f.Write("urn:oma:mo:oma-dm-dmacc:1.2/acc1/SrvURI", "text/plain", "https://dm2.example.com/"));
            Assert.AreEqual(405, f.Write("urn:oma:mo:oma-dm-dmacc:1.2/acc1/SrvID", "text/plain", "hijack"));
            Assert.AreEqual(405, f.Write("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Ext/AllowInsecure", "text/plain", "true"),
                "servers cannot downgrade transport security");
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri("urn:oma:mo:oma-dm-dmacc:1.2/acc1"), "srv"), "an account is not deletable by its server");
            Assert.AreEqual(200, f.Write("urn:oma:mo:oma-dm-dmacc:1.2/acc1/Perm/p1/MOID", "text/plain", "urn:oma:mo:oma-fumo:1.0"));
            DmAccountEntry a = DmAccountMo.Find(f.Tree, "srv");
            Assert.AreEqual("new-pass", a.Password);
            Assert.AreEqual("https://dm2.example.com/", a.ServerUri);
        }

        [TestMethod]
        public void Load_AfterReboot_AccountAndCredentialsBack()
        {
            TreeFixture f = WithAccount();
            Assert.AreEqual((int)StoreResult.Success, (int)f.Tree.Commit());
            TreeFixture g = f.Reboot();
            DmAccountMo.Register(g.Tree);
            Assert.AreEqual((int)StoreResult.Success, (int)g.Tree.Load());
            DmAccountEntry a = DmAccountMo.Find(g.Tree, "srv");
            Assert.IsNotNull(a);
            Assert.AreEqual(Password, a.Password);
            Assert.AreEqual(NotiSecret, a.NotificationSecret);
            Assert.AreEqual(200, g.Write("urn:oma:mo:oma-dm-dmacc:1.2//Name", "text/plain", "Main"), "owner still has rights");
        }

        [TestMethod]
        public void Create_AllowInsecure_ReadBack()
        {
            TreeFixture f = new TreeFixture();
            DmAccountMo.Register(f.Tree);
            DmAccountEntry a = DmAccountMo.Create(f.Tree, "acc1", "s", "http://10.0.0.2/dm", null, null, null, true);
            Assert.IsTrue(a.AllowInsecure);
            Assert.IsNull(a.UserName);
            Assert.IsNull(a.NotificationSecret);
        }
    }
}

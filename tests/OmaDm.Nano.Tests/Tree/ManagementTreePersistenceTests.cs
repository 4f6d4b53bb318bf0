using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    [TestClass]
    public class ManagementTreePersistenceTests
    {
        private const string M = TreeFixture.Moid;

        [TestMethod]
        public void Load_AfterCommitAndReboot_ValuesNodesAndStoredInstancesBack()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Items/a/Value", "text/plain", "va"));
            Assert.AreEqual(200, f.Write(M + "/i1/Items/b", "application/json", "{}"));
            i.SetBytes("Blob", new byte[] { 1, 2 });
            string created;
            byte[] body = TreeFixture.Utf8("{\"MOID\":\"urn:oma:mo:test-app:1.0\",\"Data\":{\"Name\":\"made\"}}");
            Assert.AreEqual(200, f.Tree.CreateFromBody("srv", new MemoryStream(body), body.Length, out created));
            Assert.AreEqual((int)StoreResult.Success, (int)f.Tree.Commit());

            TreeFixture g = f.Reboot();
            MoInstance again = g.Tree.AddInstance(M, "i1");
            Assert.AreEqual((int)StoreResult.Success, (int)g.Tree.Load());
            Assert.AreEqual("dev", again.GetText("Name"));
            Assert.AreEqual("42", again.GetText("Count"));
            Assert.AreEqual("va", again.GetText("Items/a/Value"));
            Assert.IsTrue(again.Exists("Items/b"), "empty dynamic interior node restored from its marker");
            CollectionAssert.AreEqual(new byte[] { 1, 2 }, again.GetBytes("Blob"));
            MoInstance m1 = g.Tree.FindInstance(M, "m1");
            Assert.IsNotNull(m1, "instance created by HGET is restored");
            Assert.AreEqual("made", m1.GetText("Name"));
            Assert.AreEqual(TreeFixture.WithoutCv(f.Get(M + "/i1")), TreeFixture.WithoutCv(g.Get(M + "/i1")), "same serialization after the reset");
        }

        [TestMethod]
        public void Load_Uncommitted_Lost()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            TreeFixture g = f.Reboot();
            MoInstance again = g.Tree.AddInstance(M, "i1");
            g.Tree.Load();
            Assert.IsNull(again.GetText("Name"));
        }

        [TestMethod]
        public void Load_StoreNotLoaded_NotLoaded()
        {
            ManagementTree tree = new ManagementTree(new RecordStore(new Fakes.MemoryFlashFiles()));
            Assert.AreEqual((int)StoreResult.NotLoaded, (int)tree.Load());
        }

        [TestMethod]
        public void Reload_AfterRollback_BackToCommittedState()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            f.Tree.Commit();
            Assert.AreEqual(200, f.Write(M + "/i1/Name", "text/plain", "staged"));
            Assert.AreEqual(200, f.Write(M + "/i1/Items/x/Value", "text/plain", "staged"));
            f.Tree.AddInstance(M, "s9", InstanceLifetime.Stored);
            f.Store.Rollback();
            Assert.AreEqual((int)StoreResult.Success, (int)f.Tree.Reload());
            Assert.AreEqual("dev", i.GetText("Name"), "the same instance object is reset and reloaded");
            Assert.IsFalse(i.Exists("Items/x"));
            Assert.IsNull(f.Tree.FindInstance(M, "s9"));
        }

        [TestMethod]
        public void Commit_FiftyNodeWrites_OneStoreCommit()
        {
            TreeFixture one = new TreeFixture();
            one.AddSample("i1");
            Assert.AreEqual((int)StoreResult.Success, (int)one.Tree.Commit());
            int filesForOneCommit = one.Flash.CreateCount;

            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            for (int k = 0; k < 50; k++)
            {
                Assert.AreEqual(200, f.Write(M + "/i1/Count", "text/plain", k.ToString()));
            }
            Assert.AreEqual(0, f.Flash.CreateCount, "node writes only stage: no flash file is written");
            Assert.AreEqual(0, f.Flash.WriteCalls);
            Assert.AreEqual((int)StoreResult.Success, (int)f.Tree.Commit());
            Assert.AreEqual(filesForOneCommit, f.Flash.CreateCount, "50 writes cost what one commit costs");
            Assert.IsFalse(f.Tree.HasPendingChanges);
            Assert.AreEqual((int)StoreResult.Success, (int)f.Tree.Commit());
            Assert.AreEqual(filesForOneCommit, f.Flash.CreateCount, "a commit with nothing staged writes nothing");
        }

        [TestMethod]
        public void Keys_Layout_DocumentedPrefixes()
        {
            TreeFixture f = new TreeFixture();
            MoInstance s = f.Tree.AddInstance(M, "s1", InstanceLifetime.Stored);
            s.SetText("Items/a/Value", "v");
            Assert.IsNotNull(f.Store.Get("mo-i/urn:oma:mo:test-app:1.0/s1"));
            Assert.IsNotNull(f.Store.Get("mo-n/urn:oma:mo:test-app:1.0/s1/Items/a"));
            CollectionAssert.AreEqual(TreeFixture.Utf8("v"), f.Store.Get("mo/urn:oma:mo:test-app:1.0/s1/Items/a/Value"));
        }
    }
}

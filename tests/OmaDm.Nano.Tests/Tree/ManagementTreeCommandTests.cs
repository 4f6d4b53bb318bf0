using System;
using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>DELETE, EXEC, HPUT/HPOST serialization and the ACL.</summary>
    [TestClass]
    public class ManagementTreeCommandTests
    {
        private const string M = TreeFixture.Moid;

        [TestMethod]
        public void Delete_DynamicNode_200AndGone()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            i.SetText("Items/a/Value", "v");
            int nodes = i.NodeCount;
            Assert.AreEqual(200, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Items/a"), "srv"));
            Assert.IsFalse(i.Exists("Items/a"));
            Assert.AreEqual(nodes - 2, i.NodeCount, "the node and its child are gone");
            int status;
            f.Get(M + "/i1/Items/a/Value", "srv", out status);
            Assert.AreEqual(404, status);
        }

        [TestMethod]
        public void Delete_Failures_Status()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            i.SetText("Items/a/Value", "v");
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Name"), "srv"), "permanent leaf");
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Items/a/Value"), "srv"), "permanent child of a dynamic node");
            Assert.AreEqual(405, f.Tree.Delete(TreeFixture.Uri(M + "/i1"), "srv"), "static instance");
            Assert.AreEqual(404, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Items/zz"), "srv"));
            Assert.AreEqual(404, f.Tree.Delete(TreeFixture.Uri(M + "/i7/Items/a"), "srv"));
            Assert.AreEqual(400, f.Tree.Delete(TreeFixture.Uri(M + "/*/Items/a"), "srv"));
            Assert.AreEqual(401, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Items/a"), null));
            i.SetAccess("srv", AccessRights.Get | AccessRights.Replace);
            Assert.AreEqual(403, f.Tree.Delete(TreeFixture.Uri(M + "/i1/Items/a"), "srv"));
            Assert.IsTrue(i.Exists("Items/a"));
        }

        [TestMethod]
        public void Delete_StoredInstance_200AndRemovedFromStore()
        {
            TreeFixture f = new TreeFixture();
            MoInstance s = f.Tree.AddInstance(M, "s1", InstanceLifetime.Stored);
            s.SetText("Name", "x");
            f.Tree.Commit();
            Assert.AreEqual(200, f.Tree.Delete(TreeFixture.Uri(M + "/s1"), "srv"));
            Assert.IsNull(f.Tree.FindInstance(M, "s1"));
            f.Tree.Commit();
            TreeFixture g = f.Reboot();
            g.Tree.Load();
            Assert.IsNull(g.Tree.FindInstance(M, "s1"), "deletion is persisted");
            Assert.AreEqual(0, g.Store.Keys("mo/").Length, "no stale values left");
        }

        [TestMethod]
        public void Exec_Sync_HandlerSeesRequest()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            ExecRequest request = new ExecRequest(null, "c-1");
            Assert.AreEqual(200, f.Tree.Exec(TreeFixture.Uri("oma:mo:test-app:1.0//Reset"), "srv", request));
            Assert.AreSame(request, f.LastExec);
            Assert.AreEqual("srv", request.ServerId);
            Assert.AreEqual("i1", request.Instance.Miid);
            Assert.AreEqual("Reset", request.Path);
            Assert.AreEqual("urn:oma:mo:test-app:1.0/i1/Reset", request.Uri.Format(), "concrete MIID for the alert's SourceURI");
            Assert.AreEqual("c-1", request.Correlator);
            Assert.IsFalse(request.MustBeAsync);
        }

        [TestMethod]
        public void Exec_Async_202Passthrough()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            f.ExecAnswer = 202;
            ExecRequest request = new ExecRequest("", null);
            Assert.IsTrue(request.MustBeAsync, "an empty ServerURI still asks for async");
            Assert.AreEqual(202, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Reset"), "srv", request));
        }

        [TestMethod]
        public void Exec_Failures_Status()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(405, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Name"), "srv", null), "not executable");
            Assert.AreEqual(404, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Nope"), "srv", null));
            Assert.AreEqual(400, f.Tree.Exec(TreeFixture.Uri(M + "/*/Reset"), "srv", null));
            Assert.AreEqual(401, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Reset"), "", null));
            f.ExecAnswer = 7;
            Assert.AreEqual(500, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Reset"), "srv", null), "not a status code");
            i.SetAccess("srv", AccessRights.Get);
            Assert.AreEqual(403, f.Tree.Exec(TreeFixture.Uri(M + "/i1/Reset"), "srv", null));
        }

        [TestMethod]
        public void Exec_HandlerThrows_500()
        {
            TreeFixture f = new TreeFixture();
            MoType t = new MoType("urn:oma:mo:boom:1.0", null);
            t.Root.Add(MoNode.Leaf("Go", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = r => { throw new InvalidOperationException(); };
            f.Tree.Register(t);
            f.Tree.AddInstance("urn:oma:mo:boom:1.0", "b");
            Assert.AreEqual(500, f.Tree.Exec(TreeFixture.Uri("urn:oma:mo:boom:1.0//Go"), "srv", new ExecRequest()));
        }

        [TestMethod]
        public void Serialize_LeafAndInterior_MoShape()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            i.SetText("Items/a/Value", "v");
            int status;
            Assert.AreEqual("42", f.Serialize(M + "/i1/Count", "srv", out status));
            Assert.AreEqual("\"dev\"", f.Serialize(M + "//Name", "srv", out status));
            Assert.AreEqual("{\"a\":{\"Value\":\"v\"}}", f.Serialize(M + "/i1/Items", "srv", out status));
            Assert.AreEqual(200, status);
        }

        [TestMethod]
        public void Serialize_Refused_NothingWritten()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            int status;
            Assert.AreEqual("", f.Serialize(M + "/i1/Key", "srv", out status));
            Assert.AreEqual(405, status, "secret");
            Assert.AreEqual(405, f.Tree.CanSerialize(TreeFixture.Uri(M + "/i1/Key"), "srv"));
            Assert.AreEqual(400, f.Tree.CanSerialize(TreeFixture.Uri(M + "/*/Name"), "srv"));
            Assert.AreEqual(401, f.Tree.CanSerialize(TreeFixture.Uri(M + "/i1/Name"), null));
            Assert.AreEqual(404, f.Tree.CanSerialize(TreeFixture.Uri(M + "/i1/Nope"), "srv"));
            Assert.AreEqual(200, f.Tree.CanSerialize(TreeFixture.Uri(M + "/i1/Name"), "srv"));
        }

        [TestMethod]
        public void Acl_EmptyAnyServer_ListedOnlyAfterFirstEntry()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual((int)AccessRights.All, (int)i.GetAccess("anyone"), "empty ACL: any identified server");
            Assert.AreEqual((int)AccessRights.None, (int)i.GetAccess(null), "no identity, no rights");
            i.SetAccess("a", AccessRights.Get);
            i.SetAccess("b", AccessRights.None);
            Assert.AreEqual(200, GetStatus(f, "a"));
            Assert.AreEqual(403, GetStatus(f, "b"), "listed without rights");
            Assert.AreEqual(403, GetStatus(f, "c"), "not listed");
            Assert.AreEqual(401, GetStatus(f, null));
            i.ClearAccess();
            Assert.AreEqual(200, GetStatus(f, "c"));
        }

        [TestMethod]
        public void Acl_OwnerServerIdPath_OnlyOwnerWhileAclEmpty()
        {
            TreeFixture f = new TreeFixture();
            f.Type.OwnerServerIdPath = "Name";
            f.AddSample("i1");
            Assert.AreEqual(200, GetStatus(f, "dev"), "Name holds the owner id");
            Assert.AreEqual(403, GetStatus(f, "srv"));
        }

        [TestMethod]
        public void WriteMos_ForServer_OnlyReadableInstances()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1").SetAccess("other", AccessRights.All);
            f.AddSample("i2");
            MemoryStream output = new MemoryStream();
            OmaDm.Nano.Json.JsonWriter writer = new OmaDm.Nano.Json.JsonWriter(output, new byte[64]);
            writer.WriteStartArray();
            f.Tree.WriteMos(writer, "srv");
            writer.WriteEndArray();
            writer.Flush();
            Assert.AreEqual("[{\"DDF\":\"http://example.com/test.ddf\",\"MOID\":\"urn:oma:mo:test-app:1.0\",\"MIID\":[\"i2\"]}]",
                TreeFixture.Text(output.ToArray()));
        }

        private static int GetStatus(TreeFixture f, string serverId)
        {
            int status;
            f.Get(M + "/i1/Name", serverId, out status);
            return status;
        }
    }
}

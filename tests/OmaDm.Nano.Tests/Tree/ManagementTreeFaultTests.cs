using System;
using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>Broken bodies and misbehaving hooks get a status, never an exception out of the tree.</summary>
    [TestClass]
    public class ManagementTreeFaultTests
    {
        private const string M = TreeFixture.Moid;
        private const string H = "urn:oma:mo:hooks:1.0";

        private static TreeFixture WithHooks()
        {
            TreeFixture f = new TreeFixture();
            MoType t = new MoType(H, null);
            const AccessRights rw = AccessRights.Get | AccessRights.Replace;
            t.Root.Add(MoNode.Leaf("Get", NodeFormat.Chr, rw)).Getter = (i, p) => { throw new InvalidOperationException(); };
            t.Root.Add(MoNode.Leaf("Set", NodeFormat.Chr, rw)).Setter = (i, p, v) => { throw new InvalidOperationException(); };
            t.Root.Add(MoNode.Leaf("Sink", NodeFormat.Bin, AccessRights.Replace)).StreamSink = r => { throw new InvalidOperationException(); };
            t.Root.Add(MoNode.Leaf("Odd", NodeFormat.Bin, AccessRights.Replace)).StreamSink = r => 42;
            f.Tree.Register(t);
            f.Tree.AddInstance(H, "h");
            return f;
        }

        [TestMethod]
        public void Getter_Throws_NullValue()
        {
            TreeFixture f = WithHooks();
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:hooks:1.0/h/Get\"],\"Data\":[null]}", TreeFixture.WithoutCv(f.Get(H + "//Get")));
        }

        [TestMethod]
        public void Setter_Throws_500AndNotStored()
        {
            TreeFixture f = WithHooks();
            Assert.AreEqual(500, f.Write(H + "//Set", "text/plain", "x"));
            Assert.IsNull(f.Tree.FindInstance(H, "h").GetText("Set"));
        }

        [TestMethod]
        public void Sink_ThrowsOrAnswersNonStatus_500()
        {
            TreeFixture f = WithHooks();
            Assert.AreEqual(500, f.Write(H + "//Sink", "application/octet-stream", "data"));
            Assert.AreEqual(500, f.Write(H + "//Odd", "application/octet-stream", "data"));
        }

        [TestMethod]
        public void WriteFromBody_ConnectionDrops_500AndUnchanged()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            byte[] text = TreeFixture.Utf8("new value");
            Assert.AreEqual(500, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Name"), "srv", "text/plain", new ThrowingStream(text, 3), text.Length));
            byte[] json = TreeFixture.Utf8("{\"Name\":\"new value\",\"Count\":5}");
            Assert.AreEqual(500, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1"), "srv", "application/json", new ThrowingStream(json, 20), -1));
            Assert.AreEqual("dev", i.GetText("Name"));
            Assert.AreEqual("42", i.GetText("Count"));
        }

        [TestMethod]
        public void CreateFromBody_ConnectionDrops_500AndNoInstance()
        {
            TreeFixture f = new TreeFixture();
            byte[] json = TreeFixture.Utf8("{\"MOID\":\"urn:oma:mo:test-app:1.0\",\"Data\":{\"Name\":\"x\"}}");
            string created;
            Assert.AreEqual(500, f.Tree.CreateFromBody("srv", new ThrowingStream(json, 40), json.Length, out created));
            Assert.AreEqual(0, f.Tree.InstanceCount(M));
        }

        [TestMethod]
        public void WriteFromBody_JsonTokenLongerThanWindow_413()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            string big = new string('a', TreeLimits.JsonWindowBytes + 10);
            Assert.AreEqual(413, f.Write(M + "/i1", "application/json", "{\"Name\":\"" + big + "\"}"));
            Assert.AreEqual(413, f.Write(M + "/i1/Name", "application/json", "\"" + big + "\""));
        }

        [TestMethod]
        public void WriteFromBody_DeeperThanUriBound_413()
        {
            TreeFixture f = new TreeFixture();
            MoType t = new MoType("urn:oma:mo:deep:1.0", null);
            MoNode node = t.Root;
            for (int k = 0; k < 30; k++)
            {
                node = node.Add(MoNode.Placeholder(NodeFormat.Node, AccessRights.All));
            }
            f.Tree.Register(t);
            f.Tree.AddInstance("urn:oma:mo:deep:1.0", "d");
            string open = "";
            string close = "";
            for (int k = 0; k < 25; k++)
            {
                open += "{\"a\":";
                close += "}";
            }
            Assert.AreEqual(413, f.Write("urn:oma:mo:deep:1.0//", "application/json", open + "{}" + close));
            Assert.AreEqual(200, f.Write("urn:oma:mo:deep:1.0//", "application/json", "{\"a\":{\"a\":{}}}"));
        }
    }
}

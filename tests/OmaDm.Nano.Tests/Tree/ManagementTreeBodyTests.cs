using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>HGET of JSON bodies into interior nodes and HGET without ClientURI (instance creation).</summary>
    [TestClass]
    public class ManagementTreeBodyTests
    {
        private const string M = TreeFixture.Moid;

        [TestMethod]
        public void WriteFromBody_JsonIntoInstance_MergesMembers()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1", "application/json",
                "{\"Count\":7,\"On\":false,\"Blob\":\"AQI=\",\"Items\":{\"a\":{\"Value\":\"v\"}},\"Key\":\"s\"}"));
            Assert.AreEqual("dev", i.GetText("Name"), "members not in the body stay (merge)");
            Assert.AreEqual("7", i.GetText("Count"));
            Assert.AreEqual("false", i.GetText("On"));
            CollectionAssert.AreEqual(new byte[] { 1, 2 }, i.GetBytes("Blob"));
            Assert.AreEqual("v", i.GetText("Items/a/Value"));
            Assert.AreEqual("s", i.GetText("Key"));
        }

        [TestMethod]
        public void WriteFromBody_JsonNullMember_ClearsValue()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1", "application/json", "{\"Name\":null}"));
            Assert.IsNull(i.GetText("Name"));
        }

        [TestMethod]
        public void WriteFromBody_SerializationRoundTrip_SameObject()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            i.SetText("Items/k/Value", "kv");
            i.SetBytes("Blob", new byte[] { 9, 8, 7 });
            int status;
            string body = f.Serialize(M + "/i1", "srv", out status);
            f.AddSample("i2");
            Assert.AreEqual(405, f.Write(M + "/i2", "application/json", body), "Fixed is read-only, so the full object is refused");
            string cut = ",\"Fixed\":\"fixed\"";
            int at = body.IndexOf(cut);
            Assert.IsTrue(at > 0);
            string writable = body.Substring(0, at) + body.Substring(at + cut.Length);
            Assert.AreEqual(200, f.Write(M + "/i2", "application/json", writable));
            Assert.AreEqual(body, f.Serialize(M + "/i2", "srv", out status), "parsing the serialization gives the same tree");
        }

        [TestMethod]
        public void WriteFromBody_BadMemberLate_400AndNothingWritten()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{\"Name\":\"changed\",\"Items\":{\"z\":{\"Value\":\"z\"}},\"Count\":\"x\"}"));
            Assert.AreEqual("dev", i.GetText("Name"), "validated as a whole before any write");
            Assert.IsFalse(i.Exists("Items/z"));
        }

        [TestMethod]
        public void WriteFromBody_MalformedOrWrongShape_400()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{\"Name\":\"x\""), "truncated");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "[1]"), "array");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{\"Items\":5}"), "value for an interior node");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{\"Name\":{}}"), "object for a leaf");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{\"Items\":{\"..\":{}}}"), "bad node name");
            Assert.AreEqual(400, f.Write(M + "/i1", "application/json", "{} {}"), "trailing data");
        }

        [TestMethod]
        public void WriteFromBody_JsonBodyOverBound_413()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            byte[] big = new byte[TreeLimits.MaxJsonBodyBytes + 10];
            for (int k = 0; k < big.Length; k++)
            {
                big[k] = (byte)' ';
            }
            big[0] = (byte)'{';
            big[big.Length - 1] = (byte)'}';
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1"), "srv", "application/json",
                new MemoryStream(big), big.Length), "announced length");
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1"), "srv", "application/json",
                new MemoryStream(big), -1), "unknown length");
        }

        [TestMethod]
        public void WriteFromBody_TooManyNodes_413()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            string body = "{\"Items\":{";
            for (int k = 0; k < TreeLimits.MaxNodesPerInstance / 2; k++)
            {
                body += (k == 0 ? "" : ",") + "\"n" + k.ToString() + "\":{\"Value\":\"v\"}";
            }
            body += "}}";
            int before = i.NodeCount;
            Assert.AreEqual(413, f.Write(M + "/i1", "application/json", body));
            Assert.AreEqual(before, i.NodeCount);
        }

        [TestMethod]
        public void WriteFromBody_NewNodeNameBeyondUriBound_413()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            string longName = new string('n', 220); // a valid name, but M/i1/Items/<name> would exceed MaxClientUriChars
            Assert.AreEqual(413, f.Write(M + "/i1", "application/json", "{\"Items\":{\"" + longName + "\":{}}}"));
            Assert.AreEqual(413, i.AddNode("Items/" + longName), "app writes are bounded the same way");
            Assert.AreEqual(200, i.AddNode("Items/" + new string('n', 100)));
        }

        [TestMethod]
        public void CreateFromBody_NewInstance_ClientPicksMiid()
        {
            TreeFixture f = new TreeFixture();
            string created;
            byte[] body = TreeFixture.Utf8("{\"MOID\":\"oma:mo:test-app:1.0\",\"Data\":{\"Name\":\"fresh\",\"Items\":{\"q\":{\"Value\":\"1\"}}},\"x\":[1]}");
            Assert.AreEqual(200, f.Tree.CreateFromBody("srv", new MemoryStream(body), body.Length, out created));
            Assert.AreEqual("urn:oma:mo:test-app:1.0/m1", created);
            MoInstance m1 = f.Tree.FindInstance(M, "m1");
            Assert.AreEqual((int)InstanceLifetime.Stored, (int)m1.Lifetime);
            Assert.AreEqual("fresh", m1.GetText("Name"));
            Assert.AreEqual("1", m1.GetText("Items/q/Value"));
            Assert.AreEqual(200, f.Tree.CreateFromBody("srv", "application/json", new MemoryStream(body), -1, out created));
            Assert.AreEqual("urn:oma:mo:test-app:1.0/m2", created);
        }

        [TestMethod]
        public void CreateFromBody_Failures_StatusAndNoInstance()
        {
            TreeFixture f = new TreeFixture();
            Assert.AreEqual(400, Create(f, "{\"Data\":{},\"MOID\":\"urn:oma:mo:test-app:1.0\"}"), "MOID must come first");
            Assert.AreEqual(400, Create(f, "{\"MOID\":\"urn:oma:mo:test-app:1.0\",\"Data\":{\"Count\":\"x\"}}"), "bad value");
            Assert.AreEqual(400, Create(f, "{\"MOID\":5}"), "MOID not a string");
            Assert.AreEqual(404, Create(f, "{\"MOID\":\"urn:oma:mo:nope:1.0\",\"Data\":{}}"), "unknown MOID");
            Assert.AreEqual(404, Create(f, "{\"MOID\":\"urn:oma:mo:test-app:1.0\",\"Data\":{\"Nope\":1}}"), "unknown node");
            Assert.AreEqual(405, Create(f, "{\"MOID\":\"urn:oma:mo:test-app:1.0\",\"Data\":{\"Fixed\":\"x\"}}"), "read-only node");
            Assert.AreEqual(0, f.Tree.InstanceCount(M), "nothing created by a failed HGET");
            string created;
            byte[] ok = TreeFixture.Utf8("{\"MOID\":\"urn:oma:mo:test-app:1.0\"}");
            Assert.AreEqual(401, f.Tree.CreateFromBody(null, new MemoryStream(ok), ok.Length, out created));
            Assert.AreEqual(415, f.Tree.CreateFromBody("srv", "text/plain", new MemoryStream(ok), ok.Length, out created));
            Assert.IsNull(created);
        }

        [TestMethod]
        public void CreateFromBody_TypeWithoutServerCreate_405()
        {
            TreeFixture f = new TreeFixture();
            f.Tree.Register(new MoType("urn:oma:mo:fixed:1.0", null));
            Assert.AreEqual(405, Create(f, "{\"MOID\":\"urn:oma:mo:fixed:1.0\"}"));
        }

        [TestMethod]
        public void CreateFromBody_MaxInstancesReached_413()
        {
            TreeFixture f = new TreeFixture();
            for (int k = 0; k < f.Type.MaxInstances; k++)
            {
                Assert.AreEqual(200, Create(f, "{\"MOID\":\"urn:oma:mo:test-app:1.0\"}"));
            }
            Assert.AreEqual(413, Create(f, "{\"MOID\":\"urn:oma:mo:test-app:1.0\"}"));
        }

        private static int Create(TreeFixture f, string json)
        {
            string created;
            byte[] body = TreeFixture.Utf8(json);
            return f.Tree.CreateFromBody("srv", new MemoryStream(body), body.Length, out created);
        }
    }
}

using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    [TestClass]
    public class ManagementTreeWriteTests
    {
        private const string M = TreeFixture.Moid;

        [TestMethod]
        public void WriteFromBody_TextIntoLeaf_Stored()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Name", "text/plain; charset=utf-8", "n\u00E9w"));
            Assert.AreEqual("n\u00E9w", i.GetText("Name"));
            Assert.AreEqual(200, f.Write(M + "/i1/Count", "text/plain", "-17"));
            long count;
            Assert.IsTrue(i.TryGetInt64("Count", out count));
            Assert.AreEqual(-17L, count);
        }

        [TestMethod]
        public void WriteFromBody_BoolAnyCase_StoredLowerCase()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/On", "text/plain", "TRUE"));
            Assert.AreEqual("true", i.GetText("On"));
        }

        [TestMethod]
        public void WriteFromBody_JsonValueIntoLeaf_Stored()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Name", "application/json", "\"j\\u0041\""));
            Assert.AreEqual("jA", i.GetText("Name"));
            Assert.AreEqual(200, f.Write(M + "/i1/Ratio", "application/json", "0.25"));
            Assert.AreEqual("0.25", i.GetText("Ratio"));
            Assert.AreEqual(200, f.Write(M + "/i1/Blob", "application/json", "\"AQID\""));
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, i.GetBytes("Blob"));
        }

        [TestMethod]
        public void WriteFromBody_OctetStreamIntoBin_RawBytes()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            byte[] raw = new byte[] { 0, 255, 10 };
            Assert.AreEqual(200, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Blob"), "srv", "application/octet-stream",
                new MemoryStream(raw), -1));
            CollectionAssert.AreEqual(raw, i.GetBytes("Blob"));
        }

        [TestMethod]
        public void WriteFromBody_ValueInvalidForFormat_400AndUnchanged()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(400, f.Write(M + "/i1/Count", "text/plain", "12a"), "not an integer");
            Assert.AreEqual(400, f.Write(M + "/i1/Count", "text/plain", "1.5"), "not an integer");
            Assert.AreEqual(400, f.Write(M + "/i1/Count", "text/plain", "9223372036854775808"), "over long.MaxValue");
            Assert.AreEqual(400, f.Write(M + "/i1/Count", "text/plain", "007"), "leading zeros");
            Assert.AreEqual(400, f.Write(M + "/i1/On", "text/plain", "yes"), "not a bool");
            Assert.AreEqual(400, f.Write(M + "/i1/Ratio", "text/plain", "NaN"), "not a JSON number");
            Assert.AreEqual(400, f.Write(M + "/i1/Day", "text/plain", "2026-13-01"), "month 13");
            Assert.AreEqual(400, f.Write(M + "/i1/Count", "application/json", "\"12\""), "JSON string for an int");
            Assert.AreEqual(400, f.Write(M + "/i1/Name", "application/json", "12"), "JSON number for chr");
            Assert.AreEqual(400, f.Write(M + "/i1/Name", "application/json", "\"a\" \"b\""), "two JSON values");
            Assert.AreEqual(400, f.Write(M + "/i1/Name", "application/json", "null"), "null for a single leaf");
            Assert.AreEqual(400, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Name"), "srv", "text/plain",
                new MemoryStream(new byte[] { 0xC3, 0x28 }), 2), "invalid UTF-8");
            Assert.AreEqual("dev", i.GetText("Name"));
            Assert.AreEqual("42", i.GetText("Count"));
        }

        [TestMethod]
        public void WriteFromBody_TooLarge_413()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Blob"), "srv", "application/octet-stream",
                new MemoryStream(new byte[9]), 9), "Blob allows 8 bytes");
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Blob"), "srv", "application/octet-stream",
                new MemoryStream(new byte[9]), -1), "unknown length, still bounded");
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Blob"), "srv", "application/octet-stream",
                new MemoryStream(new byte[9]), 4), "body longer than announced");
            Assert.AreEqual(413, f.Write(M + "/i1/Blob", "application/json", "\"AAAAAAAAAAAAAAAA\""), "12 bytes as base64");
            Assert.AreEqual(413, f.Write(M + "/i1/Name", "text/plain", new string('x', TreeLimits.DefaultMaxValueBytes + 1)));
            Assert.AreEqual(200, f.Write(M + "/i1/Name", "text/plain", new string('x', TreeLimits.DefaultMaxValueBytes)));
        }

        [TestMethod]
        public void WriteFromBody_BodyShorterThanAnnounced_400()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(400, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Name"), "srv", "text/plain",
                new MemoryStream(TreeFixture.Utf8("ab")), 5));
        }

        [TestMethod]
        public void WriteFromBody_UnsupportedMediaType_415()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(415, f.Write(M + "/i1/Name", "image/png", "x"), "leaf");
            Assert.AreEqual(415, f.Write(M + "/i1", "text/plain", "{}"), "interior needs JSON");
        }

        [TestMethod]
        public void WriteFromBody_NodeRefusesWrite_405()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(405, f.Write(M + "/i1/Fixed", "text/plain", "x"), "read-only leaf");
            Assert.AreEqual(405, f.Write(M + "/i1/Reset", "text/plain", "x"), "exec-only leaf");
            Assert.AreEqual(405, f.Write(M + "/i1", "application/json", "{\"Fixed\":\"x\"}"), "read-only member");
        }

        [TestMethod]
        public void WriteFromBody_UnknownTargets_404()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual(404, f.Write(M + "/i1/Nope", "text/plain", "x"), "no definition");
            Assert.AreEqual(404, f.Write(M + "/i9/Name", "text/plain", "x"), "no instance");
            Assert.AreEqual(404, f.Write(M + "/i1/Name/Sub", "text/plain", "x"), "below a leaf");
            Assert.AreEqual(404, f.Write(M + "/i1", "application/json", "{\"Nope\":1}"), "unknown member");
        }

        [TestMethod]
        public void WriteFromBody_IdentityAndAcl_401_403_400()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            byte[] body = TreeFixture.Utf8("x");
            Assert.AreEqual(401, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Name"), null, "text/plain", new MemoryStream(body), 1));
            Assert.AreEqual(400, f.Write(M + "/*/Name", "text/plain", "x"), "wildcard is GET only");
            i.SetAccess("srv", AccessRights.Get);
            Assert.AreEqual(403, f.Write(M + "/i1/Name", "text/plain", "x"), "ACL without Replace");
            Assert.AreEqual(403, f.Write(M + "/i1", "application/json", "{\"Name\":\"x\"}"), "ACL without Replace, interior");
            Assert.AreEqual("dev", i.GetText("Name"));
        }

        [TestMethod]
        public void WriteFromBody_SecretLeaf_WritableButNeverRead()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Key", "text/plain", "hunter2"));
            Assert.AreEqual("hunter2", i.GetText("Key"), "app code can read it");
            Assert.AreEqual(-1, f.Get(M + "/i1").IndexOf("hunter2"), "never in a GET");
        }

        [TestMethod]
        public void WriteFromBody_SetterRefuses_StatusAndNotStored()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Guarded", "text/plain", "ok"));
            Assert.AreEqual("ok", f.LastGuarded);
            Assert.AreEqual(403, f.Write(M + "/i1/Guarded", "text/plain", "bad"));
            Assert.AreEqual("ok", i.GetText("Guarded"));
        }

        [TestMethod]
        public void WriteFromBody_StreamSink_BodyToHandlerNotStored()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            byte[] image = new byte[100];
            for (int k = 0; k < image.Length; k++)
            {
                image[k] = (byte)k;
            }
            Assert.AreEqual((int)OmaDm.Nano.Storage.StoreResult.Success, (int)f.Tree.Commit());
            Assert.AreEqual(200, f.Tree.WriteFromBody(TreeFixture.Uri(M + "//Data"), "srv", "application/octet-stream",
                new MemoryStream(image), image.Length));
            CollectionAssert.AreEqual(image, f.SinkBytes);
            Assert.IsNull(i.GetBytes("Data"), "a sink never stores the body");
            Assert.IsFalse(f.Tree.HasPendingChanges, "nothing staged in the record store");
            f.SinkAnswer = 413;
            Assert.AreEqual(413, f.Tree.WriteFromBody(TreeFixture.Uri(M + "/i1/Data"), "srv", null, new MemoryStream(image), -1),
                "the sink's status is answered");
        }

        [TestMethod]
        public void WriteFromBody_NewDynamicNode_CreatedWithAdd()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, f.Write(M + "/i1/Items/a/Value", "text/plain", "va"));
            Assert.AreEqual("va", i.GetText("Items/a/Value"));
            Assert.AreEqual(200, f.Write(M + "/i1/Items/b", "application/json", "{\"Value\":\"vb\"}"));
            Assert.AreEqual("vb", i.GetText("Items/b/Value"));
            Assert.AreEqual("{\"a\":{\"Value\":\"va\"},\"b\":{\"Value\":\"vb\"}}", GetData(f, M + "/i1/Items"));
        }

        private static string GetData(TreeFixture f, string uri)
        {
            int status;
            string json = f.Serialize(uri, "srv", out status);
            Assert.AreEqual(200, status);
            return json;
        }
    }
}

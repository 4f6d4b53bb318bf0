using nanoFramework.TestFramework;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    [TestClass]
    public class ManagementTreeGetTests
    {
        private const string M = TreeFixture.Moid;

        [TestMethod]
        public void WriteGetStatus_Leaf_200WithUriDataAndCv()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i1 = f.AddSample("i1");
            int status;
            string json = f.Get(M + "/i1/Name", TreeFixture.Server, out status);
            Assert.AreEqual(200, status);
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i1/Name\"],\"Data\":[\"dev\"],\"cv\":\""
                + i1.CacheValidator + "\"}", json);
        }

        [TestMethod]
        public void WriteGetStatus_EmptyMiidOneInstance_UriCarriesConcreteMiid()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i1/Count\"],\"Data\":[42]}",
                TreeFixture.WithoutCv(f.Get("oma:mo:test-app:1.0//Count")));
        }

        [TestMethod]
        public void WriteGetStatus_WholeInstance_ObjectOfReadableChildren()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            // Key (secret), Reset (exec only) and Data (stream sink) are not readable: left out.
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i1\"],\"Data\":[{\"Name\":\"dev\",\"Count\":42,"
                + "\"On\":null,\"Ratio\":null,\"Blob\":null,\"Day\":null,\"Fixed\":\"fixed\",\"Guarded\":null,\"Items\":{}}]}",
                TreeFixture.WithoutCv(f.Get(M + "/i1")));
        }

        [TestMethod]
        public void WriteGetStatus_EveryFormat_JsonTypeByFormat()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            Assert.AreEqual(200, i.SetBoolean("On", true));
            Assert.AreEqual(200, i.SetText("Ratio", "-1.5e3"));
            Assert.AreEqual(200, i.SetBytes("Blob", new byte[] { 0, 1, 0xFE, 0xFF }));
            Assert.AreEqual(200, i.SetText("Day", "2026-11-27"));
            Assert.AreEqual(200, i.SetText("Name", "a\"b\\c\u00E9"));
            Assert.AreEqual(200, i.SetText("Items/x1/Value", "v"));
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i1\"],\"Data\":[{\"Name\":\"a\\\"b\\\\c\u00E9\",\"Count\":42,"
                + "\"On\":true,\"Ratio\":-1.5e3,\"Blob\":\"AAH+/w==\",\"Day\":\"2026-11-27\",\"Fixed\":\"fixed\",\"Guarded\":null,"
                + "\"Items\":{\"x1\":{\"Value\":\"v\"}}}]}",
                TreeFixture.WithoutCv(f.Get(M + "/i1")));
        }

        [TestMethod]
        public void WriteGetStatus_Wildcard_OneUriDataPairPerInstanceNoCv()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1");
            f.AddSample("i2").SetText("Name", "two");
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i1/Name\",\"urn:oma:mo:test-app:1.0/i2/Name\"],"
                + "\"Data\":[\"dev\",\"two\"]}", f.Get(M + "/*/Name"));
        }

        [TestMethod]
        public void WriteGetStatus_WildcardSkipsDeniedInstances()
        {
            TreeFixture f = new TreeFixture();
            f.AddSample("i1").SetAccess("other", AccessRights.Get);
            f.AddSample("i2");
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:test-app:1.0/i2/Count\"],\"Data\":[42]}", f.Get(M + "/*/Count"));
        }

        [TestMethod]
        public void WriteGetStatus_WildcardNothingMatches_404()
        {
            TreeFixture f = new TreeFixture();
            int status;
            Assert.AreEqual("{\"sc\":404}", f.Get(M + "/*/Name", TreeFixture.Server, out status), "no instances");
            f.AddSample("i1");
            Assert.AreEqual("{\"sc\":404}", f.Get(M + "/*/Nope", TreeFixture.Server, out status), "no such node");
        }

        [TestMethod]
        public void WriteGetStatus_MatchingCacheValidator_304()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            int status;
            Assert.AreEqual("{\"sc\":304}", f.Get(M + "/i1/Name?cv=" + i.CacheValidator, TreeFixture.Server, out status));
            Assert.AreEqual(304, status);
        }

        [TestMethod]
        public void WriteGetStatus_ValidatorAfterWrite_200AndNewValidator()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i = f.AddSample("i1");
            string before = i.CacheValidator;
            Assert.AreEqual(200, f.Write(M + "/i1/Name", "text/plain", "dev"));
            Assert.AreNotEqual(before, i.CacheValidator, "every write changes the validator, even with the same value");
            int status;
            string json = f.Get(M + "/i1/Name?cv=" + before, TreeFixture.Server, out status);
            Assert.AreEqual(200, status);
            Assert.IsTrue(json.IndexOf("\"cv\":\"" + i.CacheValidator + "\"") > 0, "the current validator is returned");
        }

        [TestMethod]
        public void CacheValidator_NewBoot_Differs()
        {
            TreeFixture f = new TreeFixture();
            string before = f.AddSample("i1").CacheValidator;
            Assert.AreEqual((int)OmaDm.Nano.Storage.StoreResult.Success, (int)f.Tree.Commit());
            TreeFixture g = f.Reboot();
            MoInstance again = g.Tree.AddInstance(TreeFixture.Moid, "i1");
            g.Tree.Load();
            Assert.AreNotEqual(before, again.CacheValidator, "a validator from before a reset never matches after it");
        }

        [TestMethod]
        public void WriteGetStatus_Failures_StatusOnly()
        {
            TreeFixture f = new TreeFixture();
            MoInstance i1 = f.AddSample("i1");
            int status;
            Assert.AreEqual("{\"sc\":401}", f.Get(M + "/i1/Name", null, out status), "no server identity");
            Assert.AreEqual("{\"sc\":401}", f.Get(M + "/i1/Name", "", out status), "empty server identity");
            Assert.AreEqual("{\"sc\":404}", f.Get("urn:oma:mo:unknown:1.0/i1/Name", "srv", out status), "unknown MOID");
            Assert.AreEqual("{\"sc\":404}", f.Get(M + "/i9/Name", "srv", out status), "unknown MIID");
            Assert.AreEqual("{\"sc\":404}", f.Get(M + "/i1/Nope", "srv", out status), "unknown node");
            Assert.AreEqual("{\"sc\":404}", f.Get(M + "/i1/Name/Deeper", "srv", out status), "below a leaf");
            Assert.AreEqual("{\"sc\":405}", f.Get(M + "/i1/Key", "srv", out status), "secret leaf");
            Assert.AreEqual("{\"sc\":405}", f.Get(M + "/i1/Reset", "srv", out status), "exec-only node");
            i1.SetAccess("other", AccessRights.All);
            Assert.AreEqual("{\"sc\":403}", f.Get(M + "/i1/Name", "srv", out status), "server not in the ACL");
            Assert.AreEqual(403, status);
        }

        [TestMethod]
        public void WriteGetStatus_EmptyMiid_404UnlessExactlyOneInstance()
        {
            TreeFixture f = new TreeFixture();
            int status;
            f.Get(M + "//Name", "srv", out status);
            Assert.AreEqual(404, status, "no instance");
            f.AddSample("i1");
            f.Get(M + "//Name", "srv", out status);
            Assert.AreEqual(200, status, "exactly one");
            f.AddSample("i2");
            f.Get(M + "//Name", "srv", out status);
            Assert.AreEqual(404, status, "ambiguous: several instances");
        }

        [TestMethod]
        public void WriteGetStatus_GetterValueInvalidForFormat_Null()
        {
            TreeFixture f = new TreeFixture();
            MoType t = new MoType("urn:oma:mo:hook:1.0", null);
            t.Root.Add(MoNode.Leaf("N", NodeFormat.Int, AccessRights.Get)).Getter = (inst, path) => TreeFixture.Utf8("12x");
            f.Tree.Register(t);
            f.Tree.AddInstance("urn:oma:mo:hook:1.0", "h");
            Assert.AreEqual("{\"sc\":200,\"URI\":[\"urn:oma:mo:hook:1.0/h/N\"],\"Data\":[null]}",
                TreeFixture.WithoutCv(f.Get("urn:oma:mo:hook:1.0//N")), "never writes invalid JSON for a bad hook value");
        }

        [TestMethod]
        public void WriteMos_Instances_OneEntryPerTypeWithInstances()
        {
            TreeFixture f = new TreeFixture();
            f.Tree.Register(new MoType("urn:oma:mo:empty:1.0", "http://e"));
            f.AddSample("i1");
            f.AddSample("i2");
            System.IO.MemoryStream output = new System.IO.MemoryStream();
            OmaDm.Nano.Json.JsonWriter writer = new OmaDm.Nano.Json.JsonWriter(output, new byte[64]);
            writer.WriteStartArray();
            f.Tree.WriteMos(writer);
            writer.WriteEndArray();
            writer.Flush();
            Assert.AreEqual("[{\"DDF\":\"http://example.com/test.ddf\",\"MOID\":\"urn:oma:mo:test-app:1.0\",\"MIID\":[\"i1\",\"i2\"]}]",
                TreeFixture.Text(output.ToArray()), "types without instances are not listed");
        }
    }
}

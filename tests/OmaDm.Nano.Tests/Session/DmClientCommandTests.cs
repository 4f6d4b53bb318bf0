using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class DmClientCommandTests
    {
        private const string T = "urn:oma:mo:test-dev:1.0";

        private sealed class RecordingUi : IUserInteraction
        {
            public string Url;

            public int Show(string url)
            {
                Url = url;
                return 200;
            }
        }

        [TestMethod]
        public void Get_Leaf_ReturnsUriDataAndValidator()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"GET\",\"oma:mo:test-dev:1.0//Name\"]");

            Assert.StartsWith("{\"Status\":[{\"sc\":200,\"URI\":[\"urn:oma:mo:test-dev:1.0/t1/Name\"],\"Data\":[\"dev\"]", p3);
        }

        [TestMethod]
        public void Get_CacheValidatorMatches_Is304()
        {
            SessionFixture f = new SessionFixture();
            string cv = f.Instance.CacheValidator;

            string p3 = f.RunOne("[\"GET\",\"" + T + "/t1/Name?cv=" + cv + "\"],[\"GET\",\"" + T + "/t1/Name?cv=old\"]");

            Assert.StartsWith("{\"Status\":[{\"sc\":304},{\"sc\":200,", p3);
        }

        [TestMethod]
        public void Get_Failures_AnswerEachStatus()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne(
                "[\"GET\",\"" + T + "/t1/../x\"],[\"GET\",\"" + T + "/t1/Nope\"],[\"GET\",\"" + T + "/t9/Name\"]," +
                "[\"GET\",\"" + T + "/t1/Secret\"],[\"GET\",\"urn:oma:mo:none:1.0//x\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":400},{\"sc\":404},{\"sc\":404},{\"sc\":405},{\"sc\":404}]}", p3);
        }

        [TestMethod]
        public void Get_AclDeniesServer_Is403()
        {
            SessionFixture f = new SessionFixture();
            f.Instance.SetAccess("other", AccessRights.All);

            Assert.AreEqual("{\"Status\":[{\"sc\":403}]}", f.RunOne("[\"GET\",\"" + T + "/t1/Name\"]"));
        }

        [TestMethod]
        public void Delete_DynamicPermanentMissing_200_405_404()
        {
            SessionFixture f = new SessionFixture();
            f.Instance.SetText("Dyn/a", "x");
            f.Tree.Commit();

            string p3 = f.RunOne("[\"DELETE\",\"" + T + "/t1/Dyn/a\"],[\"DELETE\",\"" + T + "/t1/Name\"],[\"DELETE\",\"" + T + "/t1/Dyn/a\"],[\"DELETE\",\"" + T + "/t1\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":405},{\"sc\":404},{\"sc\":405}]}", p3);
            f.Boot();
            Assert.IsFalse(f.Instance.Exists("Dyn/a"), "committed at the end of the package");
        }

        [TestMethod]
        public void Exec_SyncAsyncAndNotExecutable()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"EXEC\",\"" + T + "//Reboot\"],[\"EXEC\",\"" + T + "//Update\"],[\"EXEC\",\"" + T + "//Name\"],[\"EXEC\",\"" + T + "/t1/No\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":202},{\"sc\":405},{\"sc\":404}]}", p3);
            Assert.AreEqual(1, f.SyncExecCalls);
            Assert.AreEqual(1, f.AsyncExecCalls);
            Assert.IsNull(f.LastExec.ServerUri);
        }

        [TestMethod]
        public void Exec_WithServerUriAndSyncHandler_Is202AndQueuesAlert()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"EXEC\",\"" + T + "//Reboot\",\"https://dm.example.com/result\",\"corr-9\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":202}]}", p3);
            Assert.AreEqual("corr-9", f.LastExec.Correlator);
            Assert.AreEqual(1, f.Client.Alerts.Count);
            f.Client.Alerts.TakeBatch(1);
            GenericAlert alert = f.Client.Alerts.BatchItem(0);
            Assert.AreEqual(DmClient.ExecCompleteAlertType, alert.AlertType);
            Assert.AreEqual(T + "/t1/Reboot", alert.SourceUri);
            Assert.AreEqual("https://dm.example.com/result", alert.TargetUri);
            Assert.AreEqual("200", alert.Data);
            Assert.AreEqual("corr-9", alert.Correlator);
        }

        [TestMethod]
        public void Exec_EmptyServerUri_StillAsyncWithoutTarget()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"EXEC\",\"" + T + "//Reboot\",\"\"],[\"EXEC\",\"" + T + "//Reboot\",\"nope\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":202},{\"sc\":400}]}", p3);
            f.Client.Alerts.TakeBatch(4);
            Assert.IsNull(f.Client.Alerts.BatchItem(0).TargetUri);
        }

        [TestMethod]
        public void Exec_AsyncHandlerQueuesPostSessionWork_RunsAfterSession()
        {
            SessionFixture f = new SessionFixture();
            int ran = 0;
            SessionResult seen = SessionResult.InternalError;
            f.Client.QueuePostSessionWork(delegate(DmClient client, SessionOutcome outcome)
            {
                ran++;
                seen = outcome.Result;
                Assert.IsFalse(client.IsRunning, "work runs after the session");
            });

            f.RunOne("[\"EXEC\",\"" + T + "//Update\"]");

            Assert.AreEqual(1, ran);
            Assert.AreEqual((int)SessionResult.Completed, (int)seen);
            Assert.AreEqual(0, f.Client.PendingPostSessionWork);
        }

        [TestMethod]
        public void Show_WithAndWithoutHandler()
        {
            SessionFixture f = new SessionFixture();
            Assert.AreEqual("{\"Status\":[{\"sc\":406}]}", f.RunOne("[\"SHOW\",\"https://ui.example.com/p\"]"));

            SessionFixture g = new SessionFixture();
            RecordingUi ui = new RecordingUi();
            g.Client.UserInteraction = ui;
            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":400}]}", g.RunOne("[\"SHOW\",\"https://ui.example.com/p\"],[\"SHOW\",\"javascript:alert(1)\"]"));
            Assert.AreEqual("https://ui.example.com/p", ui.Url);
        }

        [TestMethod]
        public void Default_StoresMapAndValidates()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"DEFAULT\",\"oma:mo:test-cfg:1.0\",\"https://repo.example.com/cfg\"],[\"DEFAULT\",\"bogus\",\"https://r/x\"],[\"DEFAULT\",\"urn:oma:mo:x:1.0\",\"file:///etc\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":400},{\"sc\":400}]}", p3);
            f.Boot();
            Assert.AreEqual("https://repo.example.com/cfg", f.Client.GetDefaultServerUri("urn:oma:mo:test-cfg:1.0"), "persisted across a reset");
            Assert.IsNull(f.Client.GetDefaultServerUri("urn:oma:mo:other:1.0"));
        }

        [TestMethod]
        public void FetchDefault_CreatesInstanceFromRepository()
        {
            SessionFixture f = new SessionFixture();
            f.RunOne("[\"DEFAULT\",\"urn:oma:mo:test-cfg:1.0\",\"https://dm.example.com/cfg\"]");
            f.Transport.AddResource("https://dm.example.com/cfg", 200, "application/json", "{\"MOID\":\"urn:oma:mo:test-cfg:1.0\",\"Data\":{\"Level\":3}}");
            string created;

            int status = f.Client.FetchDefault("urn:oma:mo:test-cfg:1.0", out created);

            Assert.AreEqual(200, status);
            Assert.AreEqual("urn:oma:mo:test-cfg:1.0/c1", created);
            f.Boot();
            Assert.AreEqual("3", f.Tree.FindInstance("urn:oma:mo:test-cfg:1.0", "c1").GetText("Level"), "committed");
        }

        [TestMethod]
        public void FetchDefault_NoDefault_Is404()
        {
            SessionFixture f = new SessionFixture();
            string created;
            Assert.AreEqual(404, f.Client.FetchDefault("urn:oma:mo:test-cfg:1.0", out created));
            Assert.IsNull(created);
        }

        [TestMethod]
        public void HGet_IntoLeaf_WritesValue()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://repo.example.com/name", 200, "text/plain", "renamed");

            string p3 = f.RunOne("[\"HGET\",\"https://repo.example.com/name\",\"" + T + "/t1/Name\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200}]}", p3);
            f.Boot();
            Assert.AreEqual("renamed", f.Text("Name"));
        }

        [TestMethod]
        public void HGet_Failures_MapToStatuses()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://repo.example.com/n", 200, "text/plain", "notanumber");
            f.Transport.AddResource("https://repo.example.com/boom", 503, "text/plain", "busy");
            f.Transport.AddResource("https://repo.example.com/json", 200, "application/json", "{\"MOID\":\"urn:oma:mo:test-dev:1.0\",\"Data\":{}}");

            string p3 = f.RunOne(
                "[\"HGET\",\"https://repo.example.com/missing\",\"" + T + "/t1/Name\"]," +
                "[\"HGET\",\"https://repo.example.com/boom\",\"" + T + "/t1/Name\"]," +
                "[\"HGET\",\"http://repo.example.com/plain\",\"" + T + "/t1/Name\"]," +
                "[\"HGET\",\"https://repo.example.com/n\",\"" + T + "/t1/Count\"]," +
                "[\"HGET\",\"https://repo.example.com/n\",\"" + T + "/t1/Fixed\"]," +
                "[\"HGET\",\"https://repo.example.com/n\",\"" + T + "/t1/a/../b\"]," +
                "[\"HGET\",\"https://repo.example.com/json\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":404},{\"sc\":500},{\"sc\":400},{\"sc\":400},{\"sc\":405},{\"sc\":400},{\"sc\":405}]}", p3);
        }

        [TestMethod]
        public void HGet_WithoutClientUri_CreatesInstanceAndReturnsUri()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://repo.example.com/cfg", 200, "application/json", "{\"MOID\":\"urn:oma:mo:test-cfg:1.0\",\"Data\":{\"Level\":5}}");

            string p3 = f.RunOne("[\"HGET\",\"https://repo.example.com/cfg\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200,\"URI\":[\"urn:oma:mo:test-cfg:1.0/c1\"]}]}", p3);
        }

        [TestMethod]
        public void HGet_CredentialsOnlyToOwnServer()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://dm.example.com/files/n", 200, "text/plain", "a");
            f.Transport.AddResource("https://cdn.example.com/n", 200, "text/plain", "b");

            f.RunOne("[\"HGET\",\"https://dm.example.com/files/n\",\"" + T + "/t1/Name\"],[\"HGET\",\"https://cdn.example.com/n\",\"" + T + "/t1/Name\"]");

            Assert.AreEqual("user", f.Transport.FindRequest("https://dm.example.com/files/n").UserName);
            Assert.IsNull(f.Transport.FindRequest("https://cdn.example.com/n").UserName, "no credentials to a third-party host");
        }

        [TestMethod]
        public void HPutHPost_SendSerializationAndMapStatuses()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://repo.example.com/up", 201, "text/plain", "");
            f.Transport.AddResource("https://repo.example.com/up2", 200, "text/plain", "");

            string p3 = f.RunOne(
                "[\"HPUT\",\"https://repo.example.com/up\",\"" + T + "/t1/Name\"]," +
                "[\"HPOST\",\"https://repo.example.com/up2\",\"" + T + "/t1/Count\"]," +
                "[\"HPUT\",\"https://repo.example.com/missing\",\"" + T + "/t1/Name\"]," +
                "[\"HPUT\",\"https://repo.example.com/up\",\"" + T + "/t1/Secret\"]," +
                "[\"HPUT\",\"https://repo.example.com/up\",\"" + T + "/t1/Nope\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":200},{\"sc\":404},{\"sc\":405},{\"sc\":404}]}", p3);
            Fakes.ScriptedRequest put = f.Transport.FindRequest("https://repo.example.com/up");
            Assert.AreEqual("PUT", put.Method);
            Assert.AreEqual("application/json", put.ContentType);
            Assert.AreEqual("\"dev\"", put.Body);
            Fakes.ScriptedRequest post = f.Transport.FindRequest("https://repo.example.com/up2");
            Assert.AreEqual("POST", post.Method);
            Assert.AreEqual("7", post.Body);
            Assert.AreEqual(5, f.Transport.RequestCount, "P1, three repository requests, P3: nothing sent for unreadable nodes");
        }

        [TestMethod]
        public void HPut_Interior_SendsObjectWithoutSecrets()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.AddResource("https://repo.example.com/up", 200, "text/plain", "");

            f.RunOne("[\"HPUT\",\"https://repo.example.com/up\",\"" + T + "/t1\"]");

            string body = f.Transport.FindRequest("https://repo.example.com/up").Body;
            Assert.StartsWith("{\"Name\":\"dev\",\"Count\":7,", body);
            Assert.IsFalse(body.IndexOf("Secret") >= 0, "credentials never leave the device");
        }

        [TestMethod]
        public void BadCommands_GetStatusesAndSessionGoesOn()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("\"GET\",[],[\"GET\"],[\"FROB\",\"x\"],[\"SUB\",\"x\"],[\"UNSUB\",\"x\"],[\"GET\",\"" + new string('a', 1100) + "\"],[\"EXEC\",\"" + T + "//Reboot\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":400},{\"sc\":400},{\"sc\":400},{\"sc\":501},{\"sc\":501},{\"sc\":501},{\"sc\":413},{\"sc\":200}]}", p3);
        }
    }
}

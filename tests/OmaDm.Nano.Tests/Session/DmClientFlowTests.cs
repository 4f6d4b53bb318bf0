using nanoFramework.TestFramework;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class DmClientFlowTests
    {
        [TestMethod]
        public void Run_SeedFirmwareExample_SendsP1ThenOneP3AndStopsAtEnd()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2("{\n \"CMD\": [\n  [\"EXEC\", \"oma:mo:test-dev:1.0//Reboot\"]\n ]\n}");
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result, outcome.Describe());
            Assert.AreEqual(2, outcome.Packages);
            Assert.AreEqual(2, f.Transport.DmPackagesSent, "P1 and one P3; nothing after END");
            Assert.AreEqual(1, f.SyncExecCalls);
            Assert.AreEqual(
                "{\"MOS\":[{\"DDF\":\"http://x/ddf\",\"MOID\":\"urn:oma:mo:test-dev:1.0\",\"MIID\":[\"t1\"]}]," +
                "\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}", f.DmBody(0));
            Assert.AreEqual("{\"Status\":[{\"sc\":200}]}", f.DmBody(1));
        }

        [TestMethod]
        public void Run_Headers_CarryMediaTypesDevIdAndCredentials()
        {
            SessionFixture f = new SessionFixture();
            f.RunOne("[\"GET\",\"urn:oma:mo:test-dev:1.0//Name\"]");

            Fakes.ScriptedRequest p1 = f.DmRequest(0);
            Fakes.ScriptedRequest p3 = f.DmRequest(1);
            Assert.AreEqual("POST", p1.Method);
            Assert.AreEqual(SessionFixture.ServerUri, p1.Url);
            Assert.AreEqual(SessionFixture.P1Type, p1.ContentType);
            Assert.AreEqual("application/vnd.oma.dm.request+json", p1.Accept);
            Assert.AreEqual("TEST:0001", p1.DevId);
            Assert.AreEqual("user", p1.UserName);
            Assert.AreEqual("pass", p1.Password);
            Assert.IsFalse(p1.AllowInsecure, "https to a public host validates certificates");
            Assert.AreEqual(SessionFixture.P3Type, p3.ContentType);
            Assert.AreEqual("application/vnd.oma.dm.request+json", p3.Accept);
            Assert.AreEqual("TEST:0001", p3.DevId);
            Assert.AreEqual(SessionFixture.ServerUri, p3.Url);
        }

        [TestMethod]
        public void Run_EmptyPackage_AnswersEmptyStatusArray()
        {
            SessionFixture f = new SessionFixture();
            Assert.AreEqual("{\"Status\":[]}", f.RunOne(""));
        }

        [TestMethod]
        public void Run_EndMidPackage_RunsRestAndSendsNothing()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2(SessionFixture.Package2(
                "[\"GET\",\"urn:oma:mo:test-dev:1.0//Name\"],[\"END\"],[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\"],[\"FROB\"]"));

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result);
            Assert.AreEqual(1, f.SyncExecCalls, "commands after END still run");
            Assert.AreEqual(1, f.Transport.DmPackagesSent, "only Package#1 went out");
            Assert.AreEqual(0, f.Transport.Remaining);
        }

        [TestMethod]
        public void Run_EndWithOddArguments_StillEnds()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"END\",\"" + new string('a', 1500) + "\",{\"x\":1}]"));

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result);
            Assert.AreEqual(1, f.Transport.DmPackagesSent, "found by HostilePackageTests: END with an oversize argument must still end");
        }

        [TestMethod]
        public void Run_ThreePackages_StatusesInOrderPerPackage()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\"],[\"FROB\"]"));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"DELETE\",\"urn:oma:mo:test-dev:1.0//Name\"]"));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"SUB\",\"x\"],[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\"]"));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"END\"]"));

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result);
            Assert.AreEqual(4, outcome.Packages);
            Assert.AreEqual(6, outcome.Commands);
            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":501}]}", f.DmBody(1));
            Assert.AreEqual("{\"Status\":[{\"sc\":405}]}", f.DmBody(2));
            Assert.AreEqual("{\"Status\":[{\"sc\":501},{\"sc\":200}]}", f.DmBody(3));
        }

        [TestMethod]
        public void Run_HttpErrorOnP1_AbortsWithStatus()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.Enqueue(403, "text/plain", "no");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.HttpError, (int)outcome.Result);
            Assert.AreEqual(403, outcome.HttpStatus);
            Assert.AreEqual(1, f.Transport.DmPackagesSent);
        }

        [TestMethod]
        public void Run_HttpErrorOnP3_AbortsKeepingCommittedState()
        {
            SessionFixture f = new SessionFixture();
            f.Instance.SetText("Dyn/a", "x");
            f.Tree.Commit();
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"DELETE\",\"urn:oma:mo:test-dev:1.0/t1/Dyn/a\"]"));
            f.Transport.Enqueue(500, "text/plain", "oops");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.HttpError, (int)outcome.Result);
            Assert.AreEqual(500, outcome.HttpStatus);
            f.Boot();
            Assert.IsFalse(f.Instance.Exists("Dyn/a"), "the package was committed before its Package#3 went out");
        }

        [TestMethod]
        public void Run_MalformedPackage_AbortsAndDiscardsItsChanges()
        {
            SessionFixture f = new SessionFixture();
            f.Instance.SetText("Dyn/a", "x");
            f.Tree.Commit();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"DELETE\",\"urn:oma:mo:test-dev:1.0/t1/Dyn/a\"],[\"GET\",");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.MalformedPackage, (int)outcome.Result);
            Assert.IsTrue(outcome.ErrorOffset > 0);
            Assert.AreEqual(1, f.Transport.DmPackagesSent, "no Package#3 for a malformed Package#2");
            Assert.IsTrue(f.Instance.Exists("Dyn/a"), "staged delete rolled back in memory");
            f.Boot();
            Assert.IsTrue(f.Instance.Exists("Dyn/a"), "and never committed");
        }

        [TestMethod]
        public void Run_WrongMediaType_Aborts()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.Enqueue(200, "application/json", "{\"CMD\":[[\"END\"]]}");

            Assert.AreEqual((int)SessionResult.BadMediaType, (int)f.Client.Run().Result);
        }

        [TestMethod]
        public void Run_Package2OverByteLimit_AbortsBeforeReading()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\"]]," + "\"pad\":\"" + new string('x', (int)SessionLimits.MaxPackage2Bytes) + "\"}");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.PackageTooLarge, (int)outcome.Result);
            Assert.AreEqual(0, f.SyncExecCalls, "Content-Length over the bound: not a single command runs");
        }

        [TestMethod]
        public void Run_TooManyCommands_Aborts()
        {
            SessionFixture f = new SessionFixture();
            System.Text.StringBuilder commands = new System.Text.StringBuilder();
            for (int i = 0; i <= SessionLimits.MaxCommandsPerPackage; i++)
            {
                commands.Append(i == 0 ? "[\"FROB\"]" : ",[\"FROB\"]");
            }

            f.Transport.EnqueuePackage2(SessionFixture.Package2(commands.ToString()));

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.TooManyCommands, (int)outcome.Result);
            Assert.AreEqual(1, f.Transport.DmPackagesSent, "no Package#3");
        }

        [TestMethod]
        public void Run_TransportFailure_Aborts()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueueFailure(TransportResult.TlsFailed);

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.TransportFailed, (int)outcome.Result);
            Assert.AreEqual((int)TransportResult.TlsFailed, (int)outcome.Transport);
        }

        [TestMethod]
        public void Run_NoAccountOrInsecureAccount_NotConfigured()
        {
            SessionFixture f = new SessionFixture();
            f.Client.Account = null;
            Assert.AreEqual((int)SessionResult.NotConfigured, (int)f.Client.Run().Result);

            DmAccount account = SessionFixture.Account();
            account.ServerUri = "http://dm.example.com/dm";
            f.Client.Account = account;
            Assert.AreEqual((int)SessionResult.NotConfigured, (int)f.Client.Run().Result, "plain http needs loopback or opt-in");
            Assert.AreEqual(0, f.Transport.RequestCount);

            account.AllowInsecure = true;
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");
            Assert.AreEqual((int)SessionResult.Completed, (int)f.Client.Run().Result, "explicit opt-in");
        }

        [TestMethod]
        public void Run_LoopbackHttp_AllowedWithoutOptIn()
        {
            SessionFixture f = new SessionFixture();
            DmAccount account = SessionFixture.Account();
            account.ServerUri = "http://127.0.0.1:5000/dm";
            f.Client.Account = account;
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            Assert.AreEqual((int)SessionResult.Completed, (int)f.Client.Run().Result);
        }

        [TestMethod]
        public void Run_TooManyPackages_Aborts()
        {
            SessionFixture f = new SessionFixture();
            for (int i = 0; i <= SessionLimits.MaxPackagesPerSession; i++)
            {
                f.Transport.EnqueuePackage2("{\"CMD\":[]}");
            }

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.TooManyPackages, (int)outcome.Result);
            Assert.AreEqual(SessionLimits.MaxPackagesPerSession + 1, outcome.Packages);
        }

        [TestMethod]
        public void Run_SessionOverTime_Aborts()
        {
            SessionFixture f = new SessionFixture();
            f.AdvanceClockOnExecMs = SessionLimits.MaxSessionMs + 1;
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\"]"));
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            Assert.AreEqual((int)SessionResult.Timeout, (int)f.Client.Run().Result);
            Assert.AreEqual(1, f.Transport.DmPackagesSent);
        }

        [TestMethod]
        public void Run_ContFirst_RedirectsThisAndLaterPackages()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"CONT\",\"https://other.example.com/dm2\"],[\"FROB\"]"));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"FROB\"]"));
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result);
            Assert.AreEqual("https://other.example.com/dm2", f.DmRequest(1).Url);
            Assert.AreEqual("https://other.example.com/dm2", f.DmRequest(2).Url);
            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":501}]}", f.DmBody(1));
            Assert.AreEqual("https://other.example.com/dm2", outcome.LastUri);
        }

        [TestMethod]
        public void Run_ContLater_TakesEffectFromNextPackage()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"FROB\"],[\"CONT\",\"https://dm.example.com/dm?s=2\"]"));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"FROB\"]"));
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            f.Client.Run();

            Assert.AreEqual(SessionFixture.ServerUri, f.DmRequest(1).Url, "Package#3 was already streaming");
            Assert.AreEqual("https://dm.example.com/dm?s=2", f.DmRequest(2).Url);
        }

        [TestMethod]
        public void Run_ContToPlainHttpElsewhere_Is400AndIgnored()
        {
            SessionFixture f = new SessionFixture();
            string p3 = f.RunOne("[\"CONT\",\"http://evil.example.com/dm\"],[\"CONT\",\"ftp://x/y\"],[\"CONT\",\"not a url\"]");

            Assert.AreEqual("{\"Status\":[{\"sc\":400},{\"sc\":400},{\"sc\":400}]}", p3);
            Assert.AreEqual(SessionFixture.ServerUri, f.DmRequest(1).Url);
        }

        [TestMethod]
        public void Run_ContPlainHttpSameOriginAsLoopbackAccount_Accepted()
        {
            SessionFixture f = new SessionFixture();
            DmAccount account = SessionFixture.Account();
            account.ServerUri = "http://127.0.0.1:5000/dm";
            f.Client.Account = account;
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"CONT\",\"http://127.0.0.1:5000/dm/next\"]"));
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            f.Client.Run();

            Assert.AreEqual("{\"Status\":[{\"sc\":200}]}", f.DmBody(1));
            Assert.AreEqual("http://127.0.0.1:5000/dm/next", f.DmRequest(1).Url);
        }
    }
}

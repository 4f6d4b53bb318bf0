using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class DmClientAlertTests
    {
        private static GenericAlert Alert(string data)
        {
            GenericAlert alert = new GenericAlert();
            alert.AlertType = "org.openmobilealliance.dm.firmwareupdate.download";
            alert.SourceUri = "urn:oma:mo:oma-fumo:1.0/fumo1/Download";
            alert.DataType = "int";
            alert.Data = data;
            return alert;
        }

        [TestMethod]
        public void Run_QueuedAlerts_SentInP1ThenRemoved()
        {
            SessionFixture f = new SessionFixture();
            Assert.AreEqual((int)StoreResult.Success, (int)f.Client.Alerts.Enqueue(Alert("200")));
            Assert.AreEqual((int)StoreResult.Success, (int)f.Client.Alerts.Enqueue(Alert("410")));
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            SessionOutcome outcome = f.Client.Run();

            Assert.AreEqual(2, outcome.AlertsDelivered);
            Assert.EndsWith("\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}," +
                "{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate.download\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0/fumo1/Download\",\"DataType\":\"int\",\"Data\":\"200\"}," +
                "{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate.download\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0/fumo1/Download\",\"DataType\":\"int\",\"Data\":\"410\"}]}", f.DmBody(0));
            f.Boot();
            Assert.AreEqual(0, f.Client.Alerts.Count, "removal committed");
        }

        [TestMethod]
        public void Run_P1Rejected_AlertsStayForNextSession()
        {
            SessionFixture f = new SessionFixture();
            f.Client.Alerts.Enqueue(Alert("200"));
            f.Transport.Enqueue(503, "text/plain", "");

            Assert.AreEqual((int)SessionResult.HttpError, (int)f.Client.Run().Result);
            f.Boot();
            Assert.AreEqual(1, f.Client.Alerts.Count, "not accepted: still queued after a reset");

            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");
            Assert.AreEqual(1, f.Client.Run().AlertsDelivered);
            Assert.AreEqual(0, f.Client.Alerts.Count);
        }

        [TestMethod]
        public void Run_ServerAcceptedButPackageMalformed_AlertsNotResent()
        {
            SessionFixture f = new SessionFixture();
            f.Client.Alerts.Enqueue(Alert("200"));
            f.Transport.EnqueuePackage2("{\"CMD\":[oops");

            Assert.AreEqual((int)SessionResult.MalformedPackage, (int)f.Client.Run().Result);
            f.Boot();
            Assert.AreEqual(0, f.Client.Alerts.Count, "the server answered 200 to the package that carried it");
        }

        [TestMethod]
        public void Run_MoreThanBatch_RestGoesNextSession()
        {
            SessionFixture f = new SessionFixture();
            for (int i = 0; i < SessionLimits.MaxAlertsPerPackage + 3; i++)
            {
                f.Client.Alerts.Stage(Alert(i.ToString()));
            }

            f.Store.Commit();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            Assert.AreEqual(SessionLimits.MaxAlertsPerPackage, f.Client.Run().AlertsDelivered);
            Assert.AreEqual(3, f.Client.Alerts.Count);
            f.Client.Alerts.TakeBatch(1);
            Assert.AreEqual(SessionLimits.MaxAlertsPerPackage.ToString(), f.Client.Alerts.BatchItem(0).Data, "oldest first");
        }

        [TestMethod]
        public void Enqueue_Bounded_AndRejectsUntyped()
        {
            SessionFixture f = new SessionFixture();
            for (int i = 0; i < AlertQueue.MaxQueued; i++)
            {
                Assert.IsTrue(f.Client.Alerts.Stage(Alert("1")));
            }

            Assert.IsFalse(f.Client.Alerts.Stage(Alert("1")), "full");
            Assert.IsFalse(f.Client.Alerts.Stage(new GenericAlert()), "no type");
        }

        [TestMethod]
        public void Run_BootstrapPending_SendsBootstrapCompleteOnce()
        {
            SessionFixture f = new SessionFixture();
            f.Store.Put(DmClient.BootstrapPendingKey, new byte[] { 1 });
            f.Store.Commit();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            f.Client.Run();
            f.Boot();
            f.Client.Run();

            Assert.EndsWith("\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:BootstrapComplete\"}]}", f.DmBody(0));
            Assert.EndsWith("\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}", f.DmBody(1));
            Assert.IsFalse(f.Client.BootstrapPending);
        }

        [TestMethod]
        public void Run_NotificationTrigger_SendsServerInitiatedWithId()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");

            f.Client.Run(SessionTrigger.Notification, "42");

            Assert.EndsWith("\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ServerInitiatedMgmt\",\"Data\":\"42\"}]}", f.DmBody(0));
        }
    }
}

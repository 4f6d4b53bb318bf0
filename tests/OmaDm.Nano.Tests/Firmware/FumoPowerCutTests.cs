using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Tests.Firmware.Fakes;

namespace OmaDm.Nano.Tests.Firmware
{
    /// <summary>
    /// A reset at every record store operation of a DownloadAndUpdate (each FUMO transition is a
    /// commit made of several operations): afterwards the device settles and finishes, and exactly
    /// one result alert exists, with the new image confirmed.
    /// </summary>
    [TestClass]
    public class FumoPowerCutTests
    {
        private const string Url = "http://127.0.0.1:5000/repo/fw2.bin";

        [TestMethod]
        public void DownloadAndUpdate_ResetAtEveryStoreOperation_EndsConfirmedWithOneAlert()
        {
            byte[] image = TestImage.Make(12000, 2, 21);
            int cuts = 0;
            for (int n = 1; n < 400; n++)
            {
                FumoRig rig = new FumoRig(image);
                rig.SetLeaf("DownloadAndUpdate/PkgURL", Url);
                rig.Flash.PowerCutAfterOperations = rig.Flash.OperationCount + n;

                rig.Exec("DownloadAndUpdate", "c-9");
                rig.RunWorkAndSettle(true);
                bool cut = rig.Flash.IsPowerOff;
                rig.Reset();
                rig.BootAndFinish(true);
                if (rig.Agent.State == FumoState.Idle && rig.Agent.PendingOperation == FumoOperation.None)
                {
                    // The cut took the EXEC's own commit: the server got no 202 and sends it again.
                    Assert.AreEqual(202, rig.Exec("DownloadAndUpdate", "c-9"), "n=" + n.ToString());
                    rig.RunWorkAndSettle(true);
                }

                Assert.AreEqual((int)FumoState.UpdateSuccessfulNoData, (int)rig.Agent.State, "n=" + n.ToString());
                Assert.AreEqual(2, rig.RunningMajor, "n=" + n.ToString());
                Assert.AreEqual((int)SlotStatus.Confirmed, (int)rig.Slot.Status, "n=" + n.ToString());
                GenericAlert[] alerts = rig.QueuedAlerts();
                Assert.AreEqual(1, alerts.Length, "exactly one result alert, n=" + n.ToString());
                Assert.AreEqual("200", alerts[0].Data, "n=" + n.ToString());
                Assert.AreEqual("c-9", alerts[0].Correlator);
                if (!cut)
                {
                    Assert.IsTrue(cuts > 5, "the loop cut power at several transitions before running clean");
                    return;
                }

                cuts++;
            }

            Assert.IsTrue(false, "the flow never ran without hitting the cut");
        }

        [TestMethod]
        public void HealthCheckFails_ResetAtEveryStoreOperation_EndsRevertedWithOne410()
        {
            byte[] image = TestImage.Make(8000, 2, 22);
            for (int n = 1; n < 400; n++)
            {
                FumoRig rig = new FumoRig(image);
                rig.SetLeaf("DownloadAndUpdate/PkgURL", Url);
                rig.Exec("DownloadAndUpdate", null);
                rig.Flash.PowerCutAfterOperations = rig.Flash.OperationCount + n;

                rig.RunWorkAndSettle(false);
                bool cut = rig.Flash.IsPowerOff;
                rig.Reset();
                rig.BootAndFinish(false);

                Assert.AreEqual(1, rig.RunningMajor, "n=" + n.ToString());
                Assert.AreEqual((int)SlotStatus.Confirmed, (int)rig.Slot.Status, "a bootable, confirmed slot, n=" + n.ToString());
                GenericAlert[] alerts = rig.QueuedAlerts();
                Assert.AreEqual(1, alerts.Length, "n=" + n.ToString());
                Assert.AreEqual("410", alerts[0].Data, "n=" + n.ToString());
                Assert.AreEqual((int)FumoState.UpdateFailedNoData, (int)rig.Agent.State, "n=" + n.ToString());
                if (!cut)
                {
                    return;
                }
            }

            Assert.IsTrue(false, "the flow never ran without hitting the cut");
        }
    }
}

using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Tests.Firmware.Fakes;

namespace OmaDm.Nano.Tests.Firmware
{
    /// <summary>The three ways a server drives an update (issue 5), each to its one result alert.</summary>
    [TestClass]
    public class FumoAgentFlowTests
    {
        private const string Url = "http://127.0.0.1:5000/repo/fw2.bin";

        [TestMethod]
        public void Flow1_HgetIntoPkgData_ThenExecUpdate_SwapsConfirmsAndReportsOnce()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 1));

            Assert.AreEqual(200, rig.HgetPkgData(), "stored and verified before the HGET is answered");
            Assert.AreEqual((int)FumoState.ReadyToUpdate, (int)rig.Agent.State);
            Assert.AreEqual(0, rig.QueuedAlerts().Length, "the HGET status is the report of this step");
            Assert.AreEqual(202, rig.Exec("Update", "c-1"));
            rig.RunWorkAndSettle(true);

            Assert.AreEqual(2, rig.RunningMajor);
            Assert.AreEqual((int)SlotStatus.Confirmed, (int)rig.Slot.Status);
            Assert.AreEqual((int)FumoState.UpdateSuccessfulNoData, (int)rig.Agent.State);
            GenericAlert[] alerts = rig.QueuedAlerts();
            Assert.AreEqual(1, alerts.Length);
            Assert.AreEqual(FumoAlertTypes.Update, alerts[0].AlertType);
            Assert.AreEqual("200", alerts[0].Data);
            Assert.AreEqual("int", alerts[0].DataType);
            Assert.AreEqual("c-1", alerts[0].Correlator);
            Assert.AreEqual("urn:oma:mo:oma-fumo:1.0/fumo1/Update", alerts[0].SourceUri);
            Assert.IsNull(alerts[0].TargetUri, "an empty ServerURI is not a target");
        }

        [TestMethod]
        public void Flow2_DownloadAndUpdate_DownloadsSwapsAndReportsOnce()
        {
            FumoRig rig = new FumoRig(TestImage.Make(30000, 2, 2));

            Assert.AreEqual(200, rig.SetLeaf("DownloadAndUpdate/PkgURL", Url));
            Assert.AreEqual(202, rig.Exec("DownloadAndUpdate", "c-2"));
            Assert.IsTrue(rig.Agent.HasPendingWork);
            rig.RunWorkAndSettle(true);

            Assert.AreEqual(2, rig.RunningMajor);
            Assert.AreEqual((int)FumoState.UpdateSuccessfulNoData, (int)rig.Agent.State);
            Assert.AreEqual(200, rig.Agent.LastResult);
            GenericAlert[] alerts = rig.QueuedAlerts();
            Assert.AreEqual(1, alerts.Length, "one alert for the whole operation");
            Assert.AreEqual(FumoAlertTypes.DownloadAndUpdate, alerts[0].AlertType);
            Assert.AreEqual("200", alerts[0].Data);
        }

        [TestMethod]
        public void Flow3_Download_ThenUpdate_TwoAlerts_State50InBetween()
        {
            FumoRig rig = new FumoRig(TestImage.Make(30000, 2, 3));

            rig.SetLeaf("Download/PkgURL", Url);
            Assert.AreEqual(202, rig.Exec("Download", "d-1"));
            rig.RunWorkAndSettle(true);
            Assert.AreEqual((int)FumoState.ReadyToUpdate, (int)rig.Agent.State);
            Assert.AreEqual(1, rig.RunningMajor, "a download alone never swaps");
            GenericAlert[] first = rig.QueuedAlerts();
            Assert.AreEqual(1, first.Length);
            Assert.AreEqual(FumoAlertTypes.Download, first[0].AlertType);
            Assert.AreEqual("200", first[0].Data);

            Assert.AreEqual(202, rig.Exec("Update", "u-1"));
            rig.RunWorkAndSettle(true);
            Assert.AreEqual(2, rig.RunningMajor);
            GenericAlert[] both = rig.QueuedAlerts();
            Assert.AreEqual(2, both.Length);
            Assert.AreEqual(FumoAlertTypes.Update, both[1].AlertType);
            Assert.AreEqual("u-1", both[1].Correlator);
        }

        [TestMethod]
        public void Flow3_OnAnIfuLikeSlot_TestPendingAfterDownload_UpdateIsAccepted()
        {
            FumoRig rig = new FumoRig(TestImage.Make(30000, 2, 12));
            rig.Slot.PendingOnComplete = true;

            rig.SetLeaf("Download/PkgURL", Url);
            rig.Exec("Download", null);
            rig.RunWorkAndSettle(true);
            Assert.AreEqual((int)SlotStatus.TestPending, (int)rig.Slot.Status, "IFU schedules the swap when the image verifies");
            Assert.AreEqual(202, rig.Exec("Update", null), "TestPending at state 50 is not a swap in flight");
            rig.RunWorkAndSettle(true);

            Assert.AreEqual(2, rig.RunningMajor);
            Assert.AreEqual((int)FumoState.UpdateSuccessfulNoData, (int)rig.Agent.State);
        }

        [TestMethod]
        public void HealthCheckFails_RevertsTheOldImage_Reports410_SlotErased()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 4));
            rig.SetLeaf("DownloadAndUpdate/PkgURL", Url);
            rig.Exec("DownloadAndUpdate", null);

            rig.RunWorkAndSettle(false);

            Assert.AreEqual(1, rig.RunningMajor, "the previous image runs again");
            Assert.AreEqual((int)SlotStatus.Confirmed, (int)rig.Slot.Status);
            Assert.AreEqual((int)FumoState.UpdateFailedNoData, (int)rig.Agent.State);
            Assert.IsTrue(rig.Slot.SecondaryErased, "the rejected image is not kept");
            GenericAlert[] alerts = rig.QueuedAlerts();
            Assert.AreEqual(1, alerts.Length);
            Assert.AreEqual("410", alerts[0].Data);
            Assert.AreEqual("critical", alerts[0].Mark);
        }

        [TestMethod]
        public void DownloadAndUpdate_BadUrl_Reports411_State20()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 5));
            rig.SetLeaf("DownloadAndUpdate/PkgURL", "ftp://example.com/fw.bin");
            rig.Exec("DownloadAndUpdate", null);

            rig.RunWorkAndSettle(true);

            Assert.AreEqual((int)FumoState.DownloadFailed, (int)rig.Agent.State);
            GenericAlert[] alerts = rig.QueuedAlerts();
            Assert.AreEqual(1, alerts.Length);
            Assert.AreEqual("411", alerts[0].Data);
            Assert.AreEqual(0, rig.Repository.RequestCount);
        }

        [TestMethod]
        public void DownloadFailedOnTheNetwork_SameUrlAgain_ResumesWhatTheSlotKept()
        {
            FumoRig rig = new FumoRig(TestImage.Make(30000, 2, 13));
            rig.Repository.TruncateAt = 10000;
            rig.SetLeaf("DownloadAndUpdate/PkgURL", Url);
            rig.Exec("DownloadAndUpdate", null);
            rig.RunWorkAndSettle(true);
            Assert.AreEqual((int)FumoState.DownloadFailed, (int)rig.Agent.State);
            Assert.AreEqual(503, rig.Agent.LastResult);
            int before = rig.Repository.RequestCount;

            rig.Repository.TruncateAt = -1;
            rig.Reset();
            Assert.AreEqual(202, rig.Exec("DownloadAndUpdate", null));
            rig.RunWorkAndSettle(true);

            Assert.AreEqual(2, rig.RunningMajor);
            Assert.AreEqual(4096L, (long)rig.Repository.RangeStarts[before], "the new EXEC continued from the slot (block of byte 8191), across a reset");
            Assert.AreEqual(2, rig.QueuedAlerts().Length, "503 for the first EXEC, 200 for the second");
        }

        [TestMethod]
        public void Exec_Update_WithoutAVerifiedImage_405()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 6));

            Assert.AreEqual(405, rig.Exec("Update", null));
            Assert.IsFalse(rig.Agent.HasPendingWork);
        }

        [TestMethod]
        public void Exec_WhileAnOperationIsPending_405()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 7));
            rig.SetLeaf("Download/PkgURL", Url);

            Assert.AreEqual(202, rig.Exec("Download", null));
            Assert.AreEqual(405, rig.Exec("DownloadAndUpdate", null), "one operation at a time");
        }

        [TestMethod]
        public void Exec_WorkSchedulerIsCalled()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 8));
            int scheduled = 0;
            rig.Agent.WorkScheduler = delegate { scheduled++; };
            rig.SetLeaf("Download/PkgURL", Url);

            rig.Exec("Download", null);
            Assert.AreEqual(1, scheduled);
        }

        [TestMethod]
        public void PkgData_CorruptImage_400_State20_SlotErased()
        {
            byte[] image = TestImage.Make(20000, 2, 9);
            FumoRig rig = new FumoRig(image);
            rig.Slot.ValidImage = (byte[])image.Clone();
            image[7000] ^= 1;

            Assert.AreEqual(400, rig.HgetPkgData());
            Assert.AreEqual((int)FumoState.DownloadFailed, (int)rig.Agent.State);
            Assert.AreEqual(402, rig.Agent.LastResult);
            Assert.IsTrue(rig.Slot.SecondaryErased);
        }

        [TestMethod]
        public void ExpectedSha256_NotHex_400()
        {
            FumoRig rig = new FumoRig(TestImage.Make(2000, 2, 10));

            Assert.AreEqual(400, rig.SetLeaf("Ext/ExpectedSha256", "xyz"));
            Assert.AreEqual(200, rig.SetLeaf("Ext/ExpectedSha256", "00000000000000000000000000000000000000000000000000000000000000ff"));
        }

        [TestMethod]
        public void Getters_ReportStateProgressAndResult()
        {
            FumoRig rig = new FumoRig(TestImage.Make(20000, 2, 11));
            rig.SetLeaf("Download/PkgURL", Url);
            rig.Exec("Download", null);
            rig.RunWorkAndSettle(true);

            Assert.AreEqual("50", rig.Agent.Instance.GetText("State"));
            Assert.AreEqual("100", rig.Agent.Instance.GetText("Ext/Progress"));
            Assert.AreEqual("200", rig.Agent.Instance.GetText("Ext/LastResult"));
        }
    }
}

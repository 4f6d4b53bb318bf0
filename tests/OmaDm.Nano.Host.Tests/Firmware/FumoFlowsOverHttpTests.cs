using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>The three server flows end to end over a real loopback repository and the simulated slot.</summary>
[TestClass]
public sealed class FumoFlowsOverHttpTests
{
    private static readonly byte[] Image = TestImages.Make(60_000, "2.1.0+7", seed: 4);

    [TestMethod]
    public void Flow1_HgetIntoPkgData_ThenExecUpdate_200()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using var device = new HostFumoDevice(dir.Path);

        Assert.AreEqual(200, device.HgetPkgData(repo.Url));
        Assert.AreEqual(FumoState.ReadyToUpdate, device.Agent.State);
        Assert.AreEqual(202, device.Exec("Update", "u1"));
        device.RunWorkAndSettle(healthy: true);

        Assert.AreEqual("2.1.0+7", device.Slot.RunningVersion);
        var alert = device.QueuedAlerts().Single();
        Assert.AreEqual(FumoAlertTypes.Update, alert.AlertType);
        Assert.AreEqual("200", alert.Data);
        Assert.AreEqual("u1", alert.Correlator);
    }

    [TestMethod]
    public void Flow2_DownloadAndUpdate_ResumesAcrossAReset_200Once()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using (var device = new HostFumoDevice(dir.Path))
        {
            device.SetLeaf("DownloadAndUpdate/PkgURL", repo.Url);
            Assert.AreEqual(202, device.Exec("DownloadAndUpdate", "d1"));
            device.SlotPower.CutAtOperation = device.SlotPower.Operations + 10;
            Assert.ThrowsExactly<OmaDm.Nano.Host.Storage.PowerCutException>(() => device.RunWorkAndSettle(true));
        }
        using var after = new HostFumoDevice(dir.Path);
        after.BootAndFinish(healthy: true);

        Assert.AreEqual("2.1.0+7", after.Slot.RunningVersion);
        var alert = after.QueuedAlerts().Single();
        Assert.AreEqual(FumoAlertTypes.DownloadAndUpdate, alert.AlertType);
        Assert.AreEqual("200", alert.Data);
        Assert.IsTrue(repo.RangeStarts.Last() > 0, "the download after the reset resumed with Range");
    }

    [TestMethod]
    public void Flow3_Download_State50_ThenUpdate_TwoAlerts()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using var device = new HostFumoDevice(dir.Path);

        device.SetLeaf("Download/PkgURL", repo.Url);
        Assert.AreEqual(202, device.Exec("Download"));
        device.RunWorkAndSettle(healthy: true);
        Assert.AreEqual(FumoState.ReadyToUpdate, device.Agent.State);
        Assert.AreEqual("1.0.0+0", device.Slot.RunningVersion);
        Assert.AreEqual(202, device.Exec("Update"));
        device.RunWorkAndSettle(healthy: true);

        Assert.AreEqual("2.1.0+7", device.Slot.RunningVersion);
        var alerts = device.QueuedAlerts();
        Assert.HasCount(2, alerts);
        Assert.AreEqual(FumoAlertTypes.Download, alerts[0].AlertType);
        Assert.AreEqual(FumoAlertTypes.Update, alerts[1].AlertType);
        Assert.IsTrue(alerts.All(a => a.Data == "200"));
    }

    [TestMethod]
    public void ExpectedSha256_Matches_200_Differs_404()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using var device = new HostFumoDevice(dir.Path);
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Image.AsSpan(0, 32 + 60_000)));

        device.SetLeaf("Ext/ExpectedSha256", new string('0', 64));
        device.SetLeaf("Download/PkgURL", repo.Url);
        device.Exec("Download");
        device.RunWorkAndSettle(true);
        Assert.AreEqual(404, device.Agent.LastResult, "not the image the server announced");

        device.SetLeaf("Ext/ExpectedSha256", digest);
        device.Exec("Download");
        device.RunWorkAndSettle(true);
        Assert.AreEqual(200, device.Agent.LastResult, "the digest is the image's SHA-256 TLV (independent .NET SHA256 here)");
    }
}

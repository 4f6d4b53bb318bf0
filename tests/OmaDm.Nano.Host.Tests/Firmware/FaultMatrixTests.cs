using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Nano.Host.Storage;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>
/// Issue 5's fault matrix: a real HTTP data repository on loopback, the HttpClient transport, the
/// simulated slot and record store in a temp folder. Every case ends in a consistent State, exactly
/// one result alert with the right code, and a bootable, confirmed slot.
/// </summary>
[TestClass]
public sealed class FaultMatrixTests
{
    private const string NewVersion = "2.0.0+1";
    private const string OldVersion = "1.0.0+0";

    private static readonly byte[] Image = TestImages.Make(100_000, NewVersion, seed: 11);

    private static void AssertEnd(HostFumoDevice device, FumoState state, int code, string running)
    {
        Assert.AreEqual(state, device.Agent.State);
        var alerts = device.QueuedAlerts();
        Assert.HasCount(1, alerts, "exactly one result alert");
        Assert.AreEqual(code.ToString(), alerts[0].Data);
        Assert.AreEqual(FumoAlertTypes.DownloadAndUpdate, alerts[0].AlertType);
        Assert.AreEqual(code, device.Agent.LastResult);
        Assert.AreEqual(running, device.Slot.RunningVersion, "the slot boots the expected image");
        Assert.AreEqual(OmaDm.Nano.Firmware.SlotStatus.Confirmed, device.Slot.Status);
    }

    private static HostFumoDevice StartDownloadAndUpdate(TempFolder dir, LoopbackRepository repo)
    {
        var device = new HostFumoDevice(dir.Path);
        Assert.AreEqual(200, device.SetLeaf("DownloadAndUpdate/PkgURL", repo.Url));
        Assert.AreEqual(202, device.Exec("DownloadAndUpdate", "corr-1"));
        return device;
    }

    [TestMethod]
    public void Clean_DownloadAndUpdate_200()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
        Assert.AreEqual(Image.Length, repo.BytesSent);
    }

    [TestMethod]
    public void ConnectionDroppedAtTenOffsets_ResumesEachTime_200()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        long[] offsets = [1, 31, 32, 4095, 4096, 4097, 30_000, 65_536, 99_000, Image.Length - 1];
        repo.DropAt.AddRange(offsets);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
        Assert.IsEmpty(repo.DropAt, "every drop happened");
        Assert.IsTrue(repo.RangeStarts.All(s => s == -1 || s % 4096 == 0), "each retry asks for the rest from a chunk boundary (or all of it before the first chunk)");
        Assert.IsTrue(repo.RangeStarts.Count(s => s > 0) >= 6, "most retries resumed");
    }

    [TestMethod]
    public void PowerCutAtEverySlotWrite_ResumeRepeatsAtMostOneBlockPlusOneChunk_200()
    {
        var chunkWrites = (Image.Length + 4095) / 4096;
        for (var n = 1; n <= 3 + chunkWrites; n++)   // Start's metadata, erase, metadata, then each chunk
        {
            using var dir = new TempFolder();
            using var repo = new LoopbackRepository(Image);
            int storedBefore;
            using (var device = StartDownloadAndUpdate(dir, repo))
            {
                device.SlotPower.CutAtOperation = device.SlotPower.Operations + n;
                Assert.ThrowsExactly<OmaDm.Nano.Host.Storage.PowerCutException>(() => device.RunWorkAndSettle(true), "cut " + n);
                storedBefore = device.Agent.Job.BytesStored;
            }
            repo.ResetCounters();
            using var after = new HostFumoDevice(dir.Path);

            Assert.AreEqual(FumoState.DownloadProgressing, after.Agent.State, "cut " + n + ": the reset finds the download in progress");
            after.BootAndFinish(healthy: true);

            AssertEnd(after, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
            var needed = Image.Length - storedBefore;
            if (storedBefore > 0)
            {
                Assert.IsLessThanOrEqualTo(4096, repo.BytesSent - needed,
                    "cut " + n + ": beyond what was missing, at most the rewound erase block (the torn chunk was never counted as stored)");
            }
        }
    }

    [TestMethod]
    public void ServerIgnoresRange_RestartsFromZero_200()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image) { IgnoreRange = true };
        repo.DropAt.Add(50_000);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
        Assert.AreEqual(50_000 + Image.Length, repo.BytesSent, "the partial body, then the whole image once more");
    }

    [TestMethod]
    public void TruncatedBodies_EachResponseShort_ResumesToTheEnd_200()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image) { TruncateEach = 30_000 };
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
        Assert.IsGreaterThanOrEqualTo(4, repo.RangeStarts.Count);
    }

    [TestMethod]
    public void ContentLengthTooLong_BodyEndsEarly_ContentRangeDisagrees_500()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image) { ContentLengthDelta = 5000 };
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        // The 200 promises more than it sends; the 206's Content-Range then names another total:
        // a server that contradicts itself is a download server error.
        AssertEnd(device, FumoState.DownloadFailed, 500, OldVersion);
    }

    [TestMethod]
    public void ContentLengthTooShort_ImageCutOff_402_SlotErased()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image) { ContentLengthDelta = -100 };
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 402, OldVersion);
        Assert.IsNull(device.Slot.GetHeader(OmaDm.Nano.Firmware.SlotId.Secondary), "erased: nothing bad to resume");
    }

    [TestMethod]
    public void CorruptByte_402_SlotErased()
    {
        var corrupt = (byte[])Image.Clone();
        corrupt[70_000] ^= 0x10;
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(corrupt);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 402, OldVersion);
        Assert.IsNull(device.Slot.GetHeader(OmaDm.Nano.Firmware.SlotId.Secondary));
    }

    [TestMethod]
    public void WrongMagic_402_OnlyTheFirstChunkRead()
    {
        var bad = (byte[])Image.Clone();
        bad[0] = 0;
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(bad);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 402, OldVersion);
        Assert.HasCount(1, repo.RangeStarts, "a wrong image is not retried");
    }

    [TestMethod]
    public void TooLarge_501_NothingStored()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(TestImages.Make(HostFumoDevice.Capacity, NewVersion));
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 501, OldVersion);
    }

    [TestMethod]
    public void NotFound_411()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image) { Status = 404 };
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 411, OldVersion);
    }

    [TestMethod]
    public void SlowServer_NoBodyWithinTheTimeout_407()
    {
        using var dir = new TempFolder();
        // Wide margin between the client's read timeout and the server's abort after its stall: on a
        // loaded machine a late timer could otherwise let the abort win (a lost connection, 503).
        using var repo = new LoopbackRepository(Image) { StallMs = 6000 };
        using var device = StartDownloadAndUpdate(dir, repo);
        device.Agent.Downloader.TimeoutMs = 1500;
        device.Agent.Downloader.MaxAttempts = 2;

        device.RunWorkAndSettle(healthy: true);

        AssertEnd(device, FumoState.DownloadFailed, 407, OldVersion);
    }

    [TestMethod]
    public void HealthCheckFailsAfterSwap_Reverted_410()
    {
        using var dir = new TempFolder();
        using var repo = new LoopbackRepository(Image);
        using var device = StartDownloadAndUpdate(dir, repo);

        device.RunWorkAndSettle(healthy: false);

        AssertEnd(device, FumoState.UpdateFailedNoData, 410, OldVersion);
        Assert.IsNull(device.Slot.GetHeader(OmaDm.Nano.Firmware.SlotId.Secondary), "the rejected image is erased");
    }

    [TestMethod]
    public void PowerCutAtEveryStoreOperation_AcrossAllFumoTransitions_ConsistentWithOneAlert()
    {
        var clean = false;
        var cuts = 0;
        for (long n = 1; n < 500 && !clean; n++)
        {
            using var dir = new TempFolder();
            using var repo = new LoopbackRepository(TestImages.Make(20_000, NewVersion, seed: 5));
            using (StartDownloadAndUpdate(dir, repo))
            {
            }
            // A fresh boot with the store's power cut armed at operation n of the work that follows.
            try
            {
                using var device = new HostFumoDevice(dir.Path, storePowerCutAfterOps: n);
                device.RunWorkAndSettle(healthy: true);
                clean = !device.Flash.IsPowerOff;
            }
            catch (PowerCutException)
            {
                cuts++;
            }
            using var after = new HostFumoDevice(dir.Path);
            after.BootAndFinish(healthy: true);

            AssertEnd(after, FumoState.UpdateSuccessfulNoData, 200, NewVersion);
        }
        Assert.IsTrue(clean, "n grew until the whole flow ran without reaching the cut");
        Assert.IsGreaterThan(10, cuts, "power was cut at many operations: each transition and its parts");
    }
}

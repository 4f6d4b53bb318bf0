using System.Security.Cryptography;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;

namespace OmaDm.Nano.Host.Tests.Firmware;

[TestClass]
public sealed class SimulatedFirmwareSlotTests
{
    private const int Capacity = 256 * 1024;

    internal static SimulatedFirmwareSlot NewDevice(TempFolder dir, SimulatedSlotOptions? options = null)
    {
        var slot = new SimulatedFirmwareSlot(dir.Path, options ?? new SimulatedSlotOptions { CapacityBytes = Capacity });
        if (slot.RunningVersion is null)
        {
            Assert.IsTrue(slot.InstallFactoryImage(TestImages.Factory));
        }
        return slot;
    }

    internal static void Stage(IFirmwareSlot slot, byte[] image, int chunk = 4096, int from = 0)
    {
        for (var i = from; i < image.Length; i += chunk)
        {
            Assert.AreEqual(SlotResult.Success, slot.Append(image, i, Math.Min(chunk, image.Length - i)));
        }
    }

    [TestMethod]
    public void StartAppendComplete_ValidImage_Success_AndSecondaryHoldsItsHeader()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(50_000);

        Assert.AreEqual(SlotResult.Success, slot.Start(image.Length));
        Stage(slot, image);
        Assert.AreEqual(image.Length, slot.NextOffset);
        Assert.AreEqual(SlotResult.Success, slot.Complete());
        Assert.AreEqual(-1, slot.NextOffset, "complete closes the session");
        Assert.AreEqual("2.0.0+1", slot.GetHeader(SlotId.Secondary)!.VersionText);
        Assert.AreEqual("1.0.0+0", slot.RunningVersion);
    }

    [TestMethod]
    public void Start_LargerThanTheSlot_TooLarge()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);

        Assert.AreEqual(SlotResult.TooLarge, slot.Start(Capacity + 1));
        Assert.AreEqual(SlotResult.BadArgument, slot.Start(0));
    }

    [TestMethod]
    public void Append_WithoutSession_NoSession()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);

        Assert.AreEqual(SlotResult.NoSession, slot.Append(new byte[10], 0, 10));
        Assert.AreEqual(SlotResult.NoSession, slot.Complete());
    }

    [TestMethod]
    public void Append_FirstChunkWithWrongMagic_BadMagic_OffsetUnchanged()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        image[0] ^= 0xFF;
        slot.Start(image.Length);

        Assert.AreEqual(SlotResult.BadMagic, slot.Append(image, 0, 4096));
        Assert.AreEqual(0, slot.NextOffset);
    }

    [TestMethod]
    public void Append_FirstChunkShorterThanTheHeader_BadArgument()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        slot.Start(image.Length);

        Assert.AreEqual(SlotResult.BadArgument, slot.Append(image, 0, 16));
    }

    [TestMethod]
    public void Append_PastTheTotalLength_TooLarge()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        slot.Start(image.Length - 10);

        Assert.AreEqual(SlotResult.Success, slot.Append(image, 0, 8192));
        Assert.AreEqual(SlotResult.TooLarge, slot.Append(image, 8192, image.Length - 8192));
    }

    [TestMethod]
    public void Complete_BeforeTheLastByte_Incomplete_SessionStaysOpen()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        slot.Start(image.Length);
        slot.Append(image, 0, 4096);

        Assert.AreEqual(SlotResult.Incomplete, slot.Complete());
        Assert.AreEqual(4096, slot.NextOffset);
        slot.Append(image, 4096, image.Length - 4096);
        Assert.AreEqual(SlotResult.Success, slot.Complete());
    }

    [TestMethod]
    public void Complete_OneCorruptPayloadByte_HashMismatch()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        image[5000] ^= 0x01;
        slot.Start(image.Length);
        Stage(slot, image);

        Assert.AreEqual(SlotResult.HashMismatch, slot.Complete());
        Assert.AreEqual(SlotResult.NotVerified, slot.RequestTestSwap(), "a failed image can never be swapped in");
    }

    [TestMethod]
    public void Complete_TotalLengthLongerThanTheImage_BadTlv()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(10_000);
        var padded = image.Concat(new byte[8]).ToArray();
        slot.Start(padded.Length);
        Stage(slot, padded);

        Assert.AreEqual(SlotResult.BadTlv, slot.Complete(), "the TLV info length must account for every byte");
    }

    [TestMethod]
    public void Complete_TlvAreaWithoutAHash_BadTlv()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(1000);
        image[32 + 1000 + 4] = 0x11;    // the SHA-256 entry becomes an unknown type
        slot.Start(image.Length);
        Stage(slot, image);

        Assert.AreEqual(SlotResult.BadTlv, slot.Complete());
    }

    [TestMethod]
    public void Resume_AfterPause_ContinuesAtTheStartOfTheLastWrittenBlock()
    {
        using var dir = new TempFolder();
        var image = TestImages.Make(40_000);
        using (var slot = NewDevice(dir))
        {
            slot.Start(image.Length);
            slot.Append(image, 0, 10_000);
            Assert.AreEqual(SlotResult.Success, slot.Abort(erase: false));
        }
        using var after = NewDevice(dir);

        Assert.AreEqual(SlotResult.Success, after.Resume(image.Length, image[..32]));
        Assert.AreEqual(8192, after.NextOffset, "byte 9999 lies in block 2 (8192..12287): that block is written again");
        after.Append(image, 8192, image.Length - 8192);
        Assert.AreEqual(SlotResult.Success, after.Complete());
    }

    [TestMethod]
    public void Resume_WithDifferentHeader_FailsWithHeaderMismatch()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        var other = TestImages.Make(20_000, "2.0.1+0");
        slot.Start(image.Length);
        slot.Append(image, 0, 8192);
        slot.Abort(false);

        Assert.AreEqual(SlotResult.HeaderMismatch, slot.Resume(other.Length, other[..32]), "slot holds another image");
        Assert.AreEqual(SlotResult.HeaderMismatch, slot.Resume(image.Length + 1, image[..32]), "another total length is another image");
    }

    [TestMethod]
    public void Resume_ErasedSlot_NoImage()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);

        Assert.AreEqual(SlotResult.NoImage, slot.Resume(image.Length, image[..32]));
        Assert.AreEqual(SlotResult.BadArgument, slot.Resume(image.Length, new byte[5]));
    }

    [TestMethod]
    public void Resume_AfterFullWrite_RewritesOnlyTheLastBlock_AndCompletes()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        slot.Start(image.Length);
        Stage(slot, image);
        slot.Abort(false);

        Assert.AreEqual(SlotResult.Success, slot.Resume(image.Length, image[..32]));
        Assert.AreEqual(16384, slot.NextOffset, "byte 20071 is in block 4; a cut last chunk can look complete, so its block is always written again");
        Stage(slot, image, from: slot.NextOffset);
        Assert.AreEqual(SlotResult.Success, slot.Complete());
    }

    [TestMethod]
    public void PowerCutAtEveryFlashOperation_ResumeRewritesAtMostOneBlockPlusOneChunk_AndVerifies()
    {
        var image = TestImages.Make(30_000, seed: 3);
        // Ops 1-3: Start's metadata, erase, metadata; 4-11: the eight chunk writes.
        for (var cutAt = 1; cutAt <= 11; cutAt++)
        {
            using var dir = new TempFolder();
            using (NewDevice(dir)) { }
            var power = new PowerCutSwitch { CutAtOperation = cutAt };
            var options = new SimulatedSlotOptions { CapacityBytes = Capacity, Power = power, Seed = cutAt };
            var reached = 0;
            using (var slot = new SimulatedFirmwareSlot(dir.Path, options))
            {
                Assert.ThrowsExactly<OmaDm.Nano.Host.Storage.PowerCutException>(() =>
                {
                    slot.Start(image.Length);
                    Stage(slot, image);
                }, "cut " + cutAt);
                reached = Math.Max(0, slot.NextOffset);
            }
            using var after = new SimulatedFirmwareSlot(dir.Path, new SimulatedSlotOptions { CapacityBytes = Capacity });

            var resumed = after.Resume(image.Length, image[..32]);
            if (cutAt <= 4)
            {
                Assert.IsTrue(resumed is SlotResult.NoImage or SlotResult.HeaderMismatch, "cut " + cutAt + ": nothing usable yet, got " + resumed);
                Assert.AreEqual(SlotResult.Success, after.Start(image.Length));
            }
            else
            {
                Assert.AreEqual(SlotResult.Success, resumed, "cut " + cutAt);
                Assert.IsLessThanOrEqualTo(reached, after.NextOffset, "cut " + cutAt + ": never past what was confirmed written");
                Assert.IsLessThanOrEqualTo(4096, reached - after.NextOffset, "cut " + cutAt + ": at most one erase block again, plus the torn chunk");
            }
            Stage(after, image, from: after.NextOffset);
            Assert.AreEqual(SlotResult.Success, after.Complete(), "cut " + cutAt + ": the torn block was erased and rewritten");
        }
    }

    [TestMethod]
    public void TestSwap_Reboot_RunsTheNewImageUnderTest_ConfirmKeepsIt()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        slot.Start(image.Length);
        Stage(slot, image);
        slot.Complete();

        Assert.AreEqual(SlotResult.Success, slot.RequestTestSwap());
        Assert.AreEqual(SlotStatus.TestPending, slot.Status);
        slot.Reboot();
        Assert.AreEqual(SlotStatus.Testing, slot.Status);
        Assert.AreEqual("2.0.0+1", slot.RunningVersion);
        Assert.AreEqual("1.0.0+0", slot.GetHeader(SlotId.Secondary)!.VersionText, "the previous image waits in the secondary slot");
        Assert.AreEqual(SlotResult.Success, slot.Confirm());
        slot.Reboot();
        Assert.AreEqual(SlotStatus.Confirmed, slot.Status);
        Assert.AreEqual("2.0.0+1", slot.RunningVersion);
        Assert.AreEqual(SlotResult.NotTesting, slot.Confirm());
    }

    [TestMethod]
    public void TestImage_ResetWithoutConfirm_Reverts()
    {
        using var dir = new TempFolder();
        using (var slot = NewDevice(dir))
        {
            var image = TestImages.Make(20_000);
            slot.Start(image.Length);
            Stage(slot, image);
            slot.Complete();
            slot.RequestTestSwap();
            slot.Reboot();
            Assert.AreEqual("2.0.0+1", slot.RunningVersion);
        }
        using var powerOn = new SimulatedFirmwareSlot(dir.Path, new SimulatedSlotOptions { CapacityBytes = Capacity });

        Assert.AreEqual("1.0.0+0", powerOn.RunningVersion, "an image that never confirmed itself is rolled back at reset");
        Assert.AreEqual(SlotStatus.Confirmed, powerOn.Status);
    }

    [TestMethod]
    public void RequestRevert_Reboot_RestoresThePreviousImage()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        slot.Start(image.Length);
        Stage(slot, image);
        slot.Complete();
        slot.RequestTestSwap();
        slot.Reboot();

        Assert.AreEqual(SlotResult.Success, slot.RequestRevert());
        Assert.AreEqual(SlotStatus.RollbackPending, slot.Status);
        slot.Reboot();
        Assert.AreEqual("1.0.0+0", slot.RunningVersion);
        Assert.AreEqual(SlotStatus.Confirmed, slot.Status);
    }

    [TestMethod]
    public void Start_WhileTesting_SwapInFlight_ThePreviousImageIsKept()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        slot.Start(image.Length);
        Stage(slot, image);
        slot.Complete();
        slot.RequestTestSwap();

        Assert.AreEqual(SlotResult.SwapInFlight, slot.Start(image.Length));
        slot.Reboot();
        Assert.AreEqual(SlotResult.SwapInFlight, slot.Start(image.Length), "erasing now would make a revert impossible");
        Assert.AreEqual(SlotResult.SwapInFlight, slot.EraseSecondary());
    }

    [TestMethod]
    public void RequestTestSwap_WithoutAVerifiedImage_NotVerified()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);

        Assert.AreEqual(SlotResult.NotVerified, slot.RequestTestSwap());
    }

    [TestMethod]
    public void TestPending_StagedImageDamagedBeforeReboot_SwapRefused_OldImageRuns()
    {
        using var dir = new TempFolder();
        var image = TestImages.Make(20_000);
        using (var slot = NewDevice(dir))
        {
            slot.Start(image.Length);
            Stage(slot, image);
            slot.Complete();
            slot.RequestTestSwap();
        }
        using (var file = File.OpenWrite(Path.Combine(dir.Path, "secondary.bin")))
        {
            file.Position = 1000;
            file.WriteByte(0x00);
        }
        using var powerOn = new SimulatedFirmwareSlot(dir.Path, new SimulatedSlotOptions { CapacityBytes = Capacity });

        Assert.AreEqual("1.0.0+0", powerOn.RunningVersion, "the boot loader verifies before it swaps");
        Assert.AreEqual(SlotStatus.Confirmed, powerOn.Status);
    }

    [TestMethod]
    public void Abort_Erase_LeavesNothingToResume()
    {
        using var dir = new TempFolder();
        using var slot = NewDevice(dir);
        var image = TestImages.Make(20_000);
        slot.Start(image.Length);
        slot.Append(image, 0, 8192);

        Assert.AreEqual(SlotResult.Success, slot.Abort(erase: true));
        Assert.AreEqual(SlotResult.NoImage, slot.Resume(image.Length, image[..32]));
        Assert.AreEqual(SlotResult.NoSession, slot.Abort(false));
    }
}

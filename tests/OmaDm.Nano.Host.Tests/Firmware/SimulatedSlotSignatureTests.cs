using System.Security.Cryptography;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>The ECDSA P-256 signature TLV, checked as MCUboot does when the slot has a trusted key.</summary>
[TestClass]
public sealed class SimulatedSlotSignatureTests
{
    private const int Capacity = 256 * 1024;

    private static SimulatedFirmwareSlot NewDevice(TempFolder dir, SimulatedSlotOptions options) => SimulatedFirmwareSlotTests.NewDevice(dir, options);

    private static void Stage(IFirmwareSlot slot, byte[] image) => SimulatedFirmwareSlotTests.Stage(slot, image);

    [TestMethod]
    public void Signature_ValidWithTrustedKey_Success()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dir = new TempFolder();
        using var slot = NewDevice(dir, new SimulatedSlotOptions { CapacityBytes = Capacity, TrustedKey = key, RequireSignature = true });
        var image = TestImages.Make(5000, key: key);
        slot.Start(image.Length);
        Stage(slot, image);

        Assert.AreEqual(SlotResult.Success, slot.Complete());
    }

    [TestMethod]
    public void Signature_FromAnotherKey_BadSignature()
    {
        using var trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dir = new TempFolder();
        using var slot = NewDevice(dir, new SimulatedSlotOptions { CapacityBytes = Capacity, TrustedKey = trusted });
        var image = TestImages.Make(5000, key: other);
        slot.Start(image.Length);
        Stage(slot, image);

        Assert.AreEqual(SlotResult.BadSignature, slot.Complete());
    }

    [TestMethod]
    public void Signature_RequiredButAbsent_BadSignature()
    {
        using var trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dir = new TempFolder();
        using var slot = NewDevice(dir, new SimulatedSlotOptions { CapacityBytes = Capacity, TrustedKey = trusted, RequireSignature = true });
        var image = TestImages.Make(5000);
        slot.Start(image.Length);
        Stage(slot, image);

        Assert.AreEqual(SlotResult.BadSignature, slot.Complete());
    }
}

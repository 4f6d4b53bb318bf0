using System.Security.Cryptography;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;

namespace OmaDm.Nano.Host.Tests.Firmware;

[TestClass]
public sealed class McuBootImageWriterTests
{
    [TestMethod]
    public void Pack_WritesTheHeaderFieldsLittleEndian()
    {
        var image = McuBootImageWriter.Pack(new byte[] { 0xAA, 0xBB, 0xCC }, new ImageVersion(1, 2, 0x0304, 0x05060708));

        // Written by hand from MCUboot's struct image_header.
        byte[] expected =
        [
            0x3d, 0xb8, 0xf3, 0x96,   // ih_magic 0x96f3b83d
            0, 0, 0, 0,               // ih_load_addr
            32, 0,                    // ih_hdr_size
            0, 0,                     // ih_protect_tlv_size
            3, 0, 0, 0,               // ih_img_size
            0, 0, 0, 0,               // ih_flags
            1, 2, 0x04, 0x03,         // iv_major, iv_minor, iv_revision
            0x08, 0x07, 0x06, 0x05,   // iv_build_num
            0, 0, 0, 0,               // _pad1
        ];
        CollectionAssert.AreEqual(expected, image[..32]);
        CollectionAssert.AreEqual(new byte[] { 0xAA, 0xBB, 0xCC }, image[32..35]);
    }

    [TestMethod]
    public void Pack_TlvAreaHoldsTheSha256OfHeaderAndPayload()
    {
        var payload = RandomNumberGenerator.GetBytes(5000);
        var image = McuBootImageWriter.Pack(payload, new ImageVersion(1, 0, 0, 0));

        var tlv = image.AsSpan(32 + 5000);
        Assert.AreEqual(0x6907, tlv[0] | tlv[1] << 8, "TLV info magic");
        Assert.AreEqual(4 + 4 + 32, tlv[2] | tlv[3] << 8, "info header + one entry header + digest");
        Assert.AreEqual(0x10, tlv[4] | tlv[5] << 8);
        Assert.AreEqual(32, tlv[6] | tlv[7] << 8);
        CollectionAssert.AreEqual(SHA256.HashData(image.AsSpan(0, 32 + 5000)), tlv[8..40].ToArray());
        Assert.AreEqual(32 + 5000 + 40, image.Length);
    }

    [TestMethod]
    public void Pack_WithKey_AddsKeyHashAndASignatureThatVerifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var image = McuBootImageWriter.Pack(new byte[100], new ImageVersion(2, 0, 0, 1), key);

        var area = image[132..];
        Assert.AreEqual(SlotResult.Success, McuBootTlv.Find(area, 0, area.Length, McuBootTlv.TypeKeyHash, out var keyAt, out var keyLen));
        CollectionAssert.AreEqual(SHA256.HashData(key.ExportSubjectPublicKeyInfo()), area[keyAt..(keyAt + keyLen)]);
        McuBootTlv.Find(area, 0, area.Length, McuBootTlv.TypeEcdsaSignature, out var sigAt, out var sigLen);
        Assert.IsGreaterThan(0, sigAt);
        Assert.IsTrue(key.VerifyData(image.AsSpan(0, 132), area.AsSpan(sigAt, sigLen), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
            "the signature is ECDSA-SHA256 over header and payload, as imgtool's prehashed digest signature");
    }

    [TestMethod]
    public void Pack_PaddedHeader_PayloadStartsAfterThePadding()
    {
        var image = McuBootImageWriter.Pack(new byte[] { 7 }, new ImageVersion(1, 0, 0, 0), headerSize: 512);

        Assert.AreEqual(SlotResult.Success, McuBootHeader.TryParse(image, 0, out var header));
        Assert.AreEqual(512, header.HeaderSize);
        Assert.AreEqual(7, image[512]);
    }

    [TestMethod]
    [DataRow("1.2.3+4", 1, 2, 3, 4u)]
    [DataRow("1.2.3", 1, 2, 3, 0u)]
    [DataRow("255.255.65535+4294967295", 255, 255, 65535, 4294967295u)]
    [DataRow("7", 7, 0, 0, 0u)]
    public void ImageVersion_TryParse_Valid(string text, int major, int minor, int revision, uint build)
    {
        Assert.IsTrue(ImageVersion.TryParse(text, out var v));
        Assert.AreEqual(new ImageVersion((byte)major, (byte)minor, (ushort)revision, build), v);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1.2.3.4")]
    [DataRow("256.0.0")]
    [DataRow("1.-2.3")]
    [DataRow("1.2.3+x")]
    [DataRow("1.2.3+4+5")]
    public void ImageVersion_TryParse_Invalid(string text) => Assert.IsFalse(ImageVersion.TryParse(text, out _));

    [TestMethod]
    public void ImageVersion_ToString_IsTheHeaderVersionText()
    {
        var image = McuBootImageWriter.Pack(new byte[1], new ImageVersion(3, 1, 4, 15));
        McuBootHeader.TryParse(image, 0, out var header);

        Assert.AreEqual("3.1.4+15", new ImageVersion(3, 1, 4, 15).ToString());
        Assert.AreEqual("3.1.4+15", header.VersionText, "core and host agree on the version text");
    }
}

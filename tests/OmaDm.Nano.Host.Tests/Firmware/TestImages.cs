using System.Security.Cryptography;
using OmaDm.Nano.Host.Firmware;

namespace OmaDm.Nano.Host.Tests.Firmware;

/// <summary>MCUboot images for tests, built with the packer (whose output is checked by hand in McuBootImageWriterTests).</summary>
public static class TestImages
{
    /// <summary>An image with a random payload of <paramref name="payloadBytes"/>.</summary>
    public static byte[] Make(int payloadBytes, string version = "2.0.0+1", int seed = 7, ECDsa? key = null)
    {
        var payload = new byte[payloadBytes];
        new Random(seed).NextBytes(payload);
        ImageVersion.TryParse(version, out var v);
        return McuBootImageWriter.Pack(payload, v, key);
    }

    /// <summary>The factory image a fresh simulated device runs.</summary>
    public static byte[] Factory => Make(3000, "1.0.0+0", seed: 1);
}

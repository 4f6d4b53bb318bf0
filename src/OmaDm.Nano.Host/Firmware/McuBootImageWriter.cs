using System.Buffers.Binary;
using System.Security.Cryptography;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// Wraps a binary into an MCUboot image the way imgtool does for the parts the device checks:
/// a 32-byte header (padded to <c>headerSize</c>), the payload, and an unprotected TLV area with
/// the SHA-256 over header and payload, and optionally the key hash and an ECDSA P-256 signature
/// of that digest. For tests, the server's catalogue and makers without imgtool.
/// </summary>
public static class McuBootImageWriter
{
    /// <summary>Header size written by default: just the structure, as the device needs no alignment padding.</summary>
    public const int DefaultHeaderSize = McuBootHeader.Size;

    /// <summary>Builds the image in memory.</summary>
    /// <param name="payload">The application binary.</param>
    /// <param name="version">Version written into the header.</param>
    /// <param name="signingKey">ECDSA P-256 private key to sign with, or null for a hash-only image.</param>
    /// <param name="headerSize">Header size including padding (32..4096).</param>
    public static byte[] Pack(ReadOnlySpan<byte> payload, ImageVersion version, ECDsa? signingKey = null, int headerSize = DefaultHeaderSize)
    {
        if (headerSize is < McuBootHeader.Size or > McuBootHeader.MaxHeaderSizeBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(headerSize));
        }
        if (payload.IsEmpty)
        {
            throw new ArgumentException("an image needs a payload", nameof(payload));
        }
        if (signingKey is not null && signingKey.KeySize != 256)
        {
            throw new ArgumentException("MCUboot ECDSA signatures use P-256", nameof(signingKey));
        }

        var hashed = new byte[headerSize + payload.Length];
        var h = hashed.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(h, McuBootHeader.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], 0);                        // load address (XIP)
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], (ushort)headerSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[10..], 0);                       // no protected TLVs
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 0);                       // flags
        h[20] = version.Major;
        h[21] = version.Minor;
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], version.Revision);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], version.Build);
        payload.CopyTo(h[headerSize..]);

        var digest = SHA256.HashData(hashed);
        var tlv = new MemoryStream();
        WriteU16(tlv, McuBootTlv.InfoMagic);
        WriteU16(tlv, 0);                                                           // total, patched below
        if (signingKey is not null)
        {
            WriteEntry(tlv, McuBootTlv.TypeKeyHash, SHA256.HashData(signingKey.ExportSubjectPublicKeyInfo()));
        }
        WriteEntry(tlv, McuBootTlv.TypeSha256, digest);
        if (signingKey is not null)
        {
            WriteEntry(tlv, McuBootTlv.TypeEcdsaSignature, signingKey.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence));
        }
        var area = tlv.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(area.AsSpan(2), (ushort)area.Length);

        var image = new byte[hashed.Length + area.Length];
        hashed.CopyTo(image, 0);
        area.CopyTo(image, hashed.Length);
        return image;
    }

    /// <summary>Packs <paramref name="inputPath"/> into <paramref name="outputPath"/>.</summary>
    public static void PackFile(string inputPath, string outputPath, ImageVersion version, ECDsa? signingKey = null) =>
        File.WriteAllBytes(outputPath, Pack(File.ReadAllBytes(inputPath), version, signingKey));

    private static void WriteEntry(Stream s, int type, byte[] value)
    {
        WriteU16(s, type);
        WriteU16(s, value.Length);
        s.Write(value);
    }

    private static void WriteU16(Stream s, int value)
    {
        s.WriteByte((byte)value);
        s.WriteByte((byte)(value >> 8));
    }
}

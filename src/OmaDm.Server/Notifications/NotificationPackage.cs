using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OmaDm.Server.Notifications;

/// <summary>
/// Builds DM Notification (Package#0) bytes exactly as docs/PROTOCOL.md §7 defines: a 16-bit
/// header (VER 4 bits = 2, OC 5 bits, 7 reserved zero bits), then options in ascending number with
/// CoAP-style 4-bit delta/length nibbles, and SHA256-DIGEST = HMAC-SHA256(secret, package with the
/// digest value zeroed).
/// </summary>
public static class NotificationPackage
{
    /// <summary>Protocol version written in the header.</summary>
    public const int Version = 2;

    /// <summary>Largest package the client accepts (bytes).</summary>
    public const int MaxPackageBytes = 512;

    /// <summary>SERVER-ID option number.</summary>
    public const int OptionServerId = 1;
    /// <summary>PREFERRED-CON-TYPE option number.</summary>
    public const int OptionPreferredConType = 2;
    /// <summary>NOTIFICATION-ID option number.</summary>
    public const int OptionNotificationId = 3;
    /// <summary>SHA256-DIGEST option number.</summary>
    public const int OptionDigest = 4;
    /// <summary>TIMESTAMP option number.</summary>
    public const int OptionTimestamp = 5;
    /// <summary>REQ-MOS option number.</summary>
    public const int OptionReqMos = 6;

    /// <summary>Builds a signed notification. Throws ArgumentException for values outside the option rules.</summary>
    /// <param name="serverId">SERVER-ID, 1..64 UTF-8 bytes (the device's DMAcc SrvID).</param>
    /// <param name="notificationId">NOTIFICATION-ID, 1..uint.MaxValue.</param>
    /// <param name="timestamp">Unix seconds.</param>
    /// <param name="secret">The device's notification secret (HMAC key, UTF-8).</param>
    /// <param name="preferredConType">0 any, 1 WLAN, 2 cellular, 3 wired; null to omit.</param>
    /// <param name="reqMos">REQ-MOS hints (at most 8, each 1..128 bytes).</param>
    public static byte[] Build(string serverId, uint notificationId, long timestamp, string secret, byte? preferredConType = null, IReadOnlyList<string>? reqMos = null)
    {
        var sid = Encoding.UTF8.GetBytes(serverId);
        if (sid.Length is < 1 or > 64 || notificationId == 0 || timestamp < 0 || (reqMos?.Count ?? 0) > 8)
        {
            throw new ArgumentException("notification option outside its limits");
        }
        var options = new List<(int Number, byte[] Value)> { (OptionServerId, sid) };
        if (preferredConType is byte con)
        {
            options.Add((OptionPreferredConType, [con]));
        }
        options.Add((OptionNotificationId, MinimalUnsigned(notificationId)));
        options.Add((OptionDigest, new byte[32]));
        var ts = new byte[timestamp <= uint.MaxValue ? 4 : 8];
        if (ts.Length == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ts, (uint)timestamp);
        }
        else
        {
            BinaryPrimitives.WriteInt64BigEndian(ts, timestamp);
        }
        options.Add((OptionTimestamp, ts));
        foreach (var mo in reqMos ?? [])
        {
            var v = Encoding.UTF8.GetBytes(mo);
            if (v.Length is < 1 or > 128)
            {
                throw new ArgumentException("REQ-MOS value must be 1..128 bytes");
            }
            options.Add((OptionReqMos, v));
        }

        var output = new MemoryStream();
        int header = (Version << 12) | (options.Count << 7);
        output.WriteByte((byte)(header >> 8));
        output.WriteByte((byte)header);
        int previous = 0, digestAt = -1;
        foreach (var (number, value) in options)
        {
            WriteOption(output, number - previous, value.Length);
            if (number == OptionDigest)
            {
                digestAt = (int)output.Position;
            }
            output.Write(value);
            previous = number;
        }
        var package = output.ToArray();
        if (package.Length > MaxPackageBytes)
        {
            throw new ArgumentException("notification larger than " + MaxPackageBytes + " bytes");
        }
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), package);
        digest.CopyTo(package, digestAt);
        return package;
    }

    private static void WriteOption(Stream s, int delta, int length)
    {
        var (dn, dx) = Nibble(delta);
        var (ln, lx) = Nibble(length);
        s.WriteByte((byte)((dn << 4) | ln));
        s.Write(dx);
        s.Write(lx);
    }

    private static (int Nibble, byte[] Extension) Nibble(int value) => value switch
    {
        < 13 => (value, []),
        < 269 => (13, [(byte)(value - 13)]),
        _ => (14, [(byte)((value - 269) >> 8), (byte)(value - 269)]),
    };

    private static byte[] MinimalUnsigned(uint value)
    {
        int bytes = value > 0xFFFFFF ? 4 : value > 0xFFFF ? 3 : value > 0xFF ? 2 : 1;
        var result = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--)
        {
            result[i] = (byte)value;
            value >>= 8;
        }
        return result;
    }
}

using System.Globalization;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>An MCUboot image version: major.minor.revision+build.</summary>
/// <param name="Major">0..255.</param>
/// <param name="Minor">0..255.</param>
/// <param name="Revision">0..65535.</param>
/// <param name="Build">Build number.</param>
public readonly record struct ImageVersion(byte Major, byte Minor, ushort Revision, uint Build)
{
    /// <summary>Parses "1.2.3" or "1.2.3+4" (imgtool's form); false for anything else.</summary>
    public static bool TryParse(string? text, out ImageVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var plus = text.Split('+');
        var parts = plus[0].Split('.');
        uint build = 0;
        if (plus.Length > 2 || parts.Length is < 1 or > 3
            || (plus.Length == 2 && !uint.TryParse(plus[1], NumberStyles.None, CultureInfo.InvariantCulture, out build)))
        {
            return false;
        }
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }
        if (numbers[0] > byte.MaxValue || numbers[1] > byte.MaxValue || numbers[2] > ushort.MaxValue)
        {
            return false;
        }
        version = new ImageVersion((byte)numbers[0], (byte)numbers[1], (ushort)numbers[2], build);
        return true;
    }

    /// <summary>"major.minor.revision+build", the form DevInfo/FwV reports.</summary>
    public override string ToString() => Major + "." + Minor + "." + Revision + "+" + Build.ToString(CultureInfo.InvariantCulture);
}

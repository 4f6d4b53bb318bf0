using OmaDm.Nano.Host.Storage;
using System.Globalization;
using System.Text;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// A few key=value lines standing for flash metadata (MCUboot's trailer, IFU's session record).
/// Replaced atomically (write aside, rename over), one counted flash operation per save.
/// </summary>
internal sealed class SlotStateFile(string path, PowerCutSwitch power)
{
    private readonly Dictionary<string, string> values = Load(path);

    public string Get(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;

    public long GetLong(string key, long fallback) =>
        long.TryParse(Get(key, ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    public void Save(params (string Key, string Value)[] changes)
    {
        if (power.CountAndCheck())
        {
            // Cut before the rename: the previous state stays, as it would with an atomic metadata write.
            throw new PowerCutException(power.Operations, "slot metadata write of " + System.IO.Path.GetFileName(path));
        }
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }
        var text = new StringBuilder();
        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }
        var aside = path + ".new";
        File.WriteAllText(aside, text.ToString());
        File.Move(aside, path, overwrite: true);
    }

    private static Dictionary<string, string> Load(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }
        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=');
            if (eq > 0)
            {
                result[line[..eq]] = line[(eq + 1)..];
            }
        }
        return result;
    }
}

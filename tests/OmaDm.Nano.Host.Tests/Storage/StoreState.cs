using System.Text;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

/// <summary>A store's visible contents as an ordered key → value-text map, for exact comparisons.</summary>
internal static class StoreState
{
    public static SortedDictionary<string, string> Of(RecordStore store)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in store.Keys(null))
        {
            state[key] = Convert.ToHexString(store.Get(key));
        }
        return state;
    }

    public static SortedDictionary<string, string> Apply(SortedDictionary<string, string> state, IEnumerable<(string Key, byte[]? Value)> changes)
    {
        var next = new SortedDictionary<string, string>(state, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = Convert.ToHexString(value);
            }
        }
        return next;
    }

    public static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b)
        => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    public static string Describe(SortedDictionary<string, string> s)
        => s.Count + " keys {" + string.Join(", ", s.Take(6).Select(p => p.Key + "=" + Shorten(p.Value))) + (s.Count > 6 ? ", ..." : "") + "}";

    private static string Shorten(string hex) => hex.Length > 16 ? hex[..16] + "…" : hex;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

namespace OmaDm.Nano.Storage
{
    /// <summary>Ordinal string helpers: host string APIs compare by culture, nanoFramework lacks CompareOrdinal.</summary>
    internal static class StoreText
    {
        internal static bool StartsWithOrdinal(string text, string prefix)
        {
            if (prefix.Length > text.Length)
            {
                return false;
            }
            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>UTF-8 byte count of <paramref name="text"/> without encoding it (nanoFramework has no GetByteCount); for live-byte accounting only, the key bound is checked on the real bytes.</summary>
        internal static int Utf8Length(string text)
        {
            int bytes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800)
                {
                    bytes += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    bytes += 4;
                    i++;
                }
                else
                {
                    bytes += 3;
                }
            }
            return bytes;
        }

        internal static int CompareOrdinal(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0)
                {
                    return d;
                }
            }
            return a.Length - b.Length;
        }

        /// <summary>Sorts ordinally in place (shell sort: no Array.Sort on nanoFramework, no recursion).</summary>
        internal static void SortOrdinal(string[] items)
        {
            for (int gap = items.Length / 2; gap > 0; gap /= 2)
            {
                for (int i = gap; i < items.Length; i++)
                {
                    string item = items[i];
                    int j = i;
                    while (j >= gap && CompareOrdinal(items[j - gap], item) > 0)
                    {
                        items[j] = items[j - gap];
                        j -= gap;
                    }
                    items[j] = item;
                }
            }
        }

        /// <summary>Sorts ascending in place.</summary>
        internal static void SortAscending(int[] items, int count)
        {
            for (int gap = count / 2; gap > 0; gap /= 2)
            {
                for (int i = gap; i < count; i++)
                {
                    int item = items[i];
                    int j = i;
                    while (j >= gap && items[j - gap] > item)
                    {
                        items[j] = items[j - gap];
                        j -= gap;
                    }
                    items[j] = item;
                }
            }
        }
    }
}

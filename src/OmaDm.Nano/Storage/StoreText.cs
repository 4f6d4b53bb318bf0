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

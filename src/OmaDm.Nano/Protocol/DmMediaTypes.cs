namespace OmaDm.Nano.Protocol
{
    /// <summary>Media types of DM 2.0 packages and of Data Repository bodies (docs/PROTOCOL.md §1, §3.3).</summary>
    public static class DmMediaTypes
    {
        /// <summary>Package#1 (session initiation).</summary>
        public const string Initiation = "application/vnd.oma.dm.initiation+json";

        /// <summary>Package#2 (server commands).</summary>
        public const string Request = "application/vnd.oma.dm.request+json";

        /// <summary>Package#3 (client statuses).</summary>
        public const string Response = "application/vnd.oma.dm.response+json";

        /// <summary>MO serialization bodies of HGET, HPUT and HPOST.</summary>
        public const string Json = "application/json";

        /// <summary>Leaf values in text form (chr, int, bool, float, date, time).</summary>
        public const string Text = "text/plain";

        /// <summary>Raw bytes of bin leaves and firmware packages.</summary>
        public const string OctetStream = "application/octet-stream";

        /// <summary>
        /// True when <paramref name="actual"/> names <paramref name="expected"/>, ignoring case,
        /// surrounding blanks and any parameters such as "; charset=utf-8". Allocates nothing.
        /// </summary>
        /// <param name="actual">Content-Type as received, may be null.</param>
        /// <param name="expected">One of the constants of this class.</param>
        public static bool Matches(string actual, string expected)
        {
            if (actual == null || expected == null)
            {
                return false;
            }

            int start = 0;
            while (start < actual.Length && actual[start] == ' ')
            {
                start++;
            }

            int end = start;
            while (end < actual.Length && actual[end] != ';')
            {
                end++;
            }

            while (end > start && actual[end - 1] == ' ')
            {
                end--;
            }

            if (end - start != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (ToLower(actual[start + i]) != ToLower(expected[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static char ToLower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}

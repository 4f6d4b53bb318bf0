namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>Parses the <c>Content-Range</c> header of a 206 response: <c>bytes first-last/total</c> or <c>bytes first-last/*</c>.</summary>
    internal static class ContentRange
    {
        /// <summary>Longest header accepted; anything longer is not a byte range we can use.</summary>
        private const int MaxHeaderChars = 100;

        /// <summary>
        /// True when <paramref name="header"/> is a well-formed byte range; <paramref name="total"/>
        /// is -1 for "*". Garbage from the network gives false, never an exception.
        /// </summary>
        internal static bool TryParse(string header, out long first, out long total)
        {
            first = -1;
            total = -1;
            if (header == null || header.Length > MaxHeaderChars)
            {
                return false;
            }

            string text = header.Trim();
            if (!text.StartsWith("bytes "))
            {
                return false;
            }

            int pos = 6;
            long start;
            long last;
            if (!ReadNumber(text, ref pos, out start) || pos >= text.Length || text[pos] != '-')
            {
                return false;
            }

            pos++;
            if (!ReadNumber(text, ref pos, out last) || pos >= text.Length || text[pos] != '/' || last < start)
            {
                return false;
            }

            pos++;
            if (pos == text.Length - 1 && text[pos] == '*')
            {
                first = start;
                return true;
            }

            long length;
            if (!ReadNumber(text, ref pos, out length) || pos != text.Length || length <= last)
            {
                return false;
            }

            first = start;
            total = length;
            return true;
        }

        private static bool ReadNumber(string text, ref int pos, out long value)
        {
            // 18 digits cannot overflow a long.
            const int MaxDigits = 18;
            value = 0;
            int start = pos;
            while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
            {
                if (pos - start == MaxDigits)
                {
                    return false;
                }

                value = (value * 10) + (text[pos] - '0');
                pos++;
            }

            return pos > start;
        }
    }
}

namespace OmaDm.Nano.Json
{
    /// <summary>Well-formed UTF-8 (RFC 3629) lookups shared by the reader's validation and the writer.</summary>
    internal static class Utf8Rules
    {
        /// <summary>
        /// Sequence length by lead byte: 1 for ASCII, 2..4 for valid leads, 0 for bytes that never start
        /// a sequence (continuations 80..BF, overlong leads C0/C1, F5..FF beyond U+10FFFF).
        /// </summary>
        internal static readonly byte[] SequenceLength = BuildLengths();

        /// <summary>
        /// Whether <paramref name="second"/> may follow <paramref name="lead"/>; the narrowed ranges
        /// exclude overlongs (E0, F0), UTF-16 surrogates (ED) and code points above U+10FFFF (F4).
        /// </summary>
        internal static bool IsValidSecond(int lead, int second)
        {
            switch (lead)
            {
                case 0xE0: return second >= 0xA0 && second <= 0xBF;
                case 0xED: return second >= 0x80 && second <= 0x9F;
                case 0xF0: return second >= 0x90 && second <= 0xBF;
                case 0xF4: return second >= 0x80 && second <= 0x8F;
                default: return second >= 0x80 && second <= 0xBF;
            }
        }

        /// <summary>Whether <paramref name="b"/> is a continuation byte (10xxxxxx).</summary>
        internal static bool IsContinuation(int b)
        {
            return (b & 0xC0) == 0x80;
        }

        /// <summary>
        /// Length of the well-formed sequence at <paramref name="index"/> (all bytes must lie before
        /// <paramref name="end"/>), or 0 when it is malformed or truncated.
        /// </summary>
        internal static int ValidLength(byte[] bytes, int index, int end)
        {
            int lead = bytes[index];
            int length = SequenceLength[lead];
            if (length <= 1)
            {
                return length;
            }
            if (end - index < length || !IsValidSecond(lead, bytes[index + 1]))
            {
                return 0;
            }
            for (int k = 2; k < length; k++)
            {
                if (!IsContinuation(bytes[index + k]))
                {
                    return 0;
                }
            }
            return length;
        }

        /// <summary>
        /// Writes <paramref name="codePoint"/> (a scalar value, not a surrogate) as UTF-8 at
        /// <paramref name="index"/>; returns the index after it. The caller ensures 4 bytes of room.
        /// </summary>
        internal static int Encode(int codePoint, byte[] destination, int index)
        {
            if (codePoint < 0x80)
            {
                destination[index] = (byte)codePoint;
                return index + 1;
            }
            if (codePoint < 0x800)
            {
                destination[index] = (byte)(0xC0 | (codePoint >> 6));
                destination[index + 1] = (byte)(0x80 | (codePoint & 0x3F));
                return index + 2;
            }
            if (codePoint < 0x10000)
            {
                destination[index] = (byte)(0xE0 | (codePoint >> 12));
                destination[index + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[index + 2] = (byte)(0x80 | (codePoint & 0x3F));
                return index + 3;
            }
            destination[index] = (byte)(0xF0 | (codePoint >> 18));
            destination[index + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            destination[index + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[index + 3] = (byte)(0x80 | (codePoint & 0x3F));
            return index + 4;
        }

        private static byte[] BuildLengths()
        {
            byte[] lengths = new byte[256];
            for (int b = 0; b < 0x80; b++)
            {
                lengths[b] = 1;
            }
            for (int b = 0xC2; b <= 0xDF; b++)
            {
                lengths[b] = 2;
            }
            for (int b = 0xE0; b <= 0xEF; b++)
            {
                lengths[b] = 3;
            }
            for (int b = 0xF0; b <= 0xF4; b++)
            {
                lengths[b] = 4;
            }
            return lengths;
        }
    }
}

namespace OmaDm.Nano.Tree
{
    /// <summary>RFC 4648 base64 (padded) over byte arrays, without intermediate strings.</summary>
    internal static class Base64Codec
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        /// <summary>Encoded length of <paramref name="count"/> bytes.</summary>
        internal static int EncodedLength(int count)
        {
            return (count + 2) / 3 * 4;
        }

        /// <summary>Encodes into <paramref name="destination"/> from 0; returns the encoded length.</summary>
        internal static int Encode(byte[] source, int offset, int count, byte[] destination)
        {
            return Encode(source, offset, count, destination, 0);
        }

        /// <summary>
        /// Encodes into <paramref name="destination"/> from <paramref name="destinationOffset"/>;
        /// returns the encoded length. Source and destination may be one array if the ranges do not overlap.
        /// </summary>
        internal static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int end = offset + count;
            int i = offset;
            for (; i + 2 < end; i += 3)
            {
                int n = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                destination[o++] = (byte)Alphabet[(n >> 18) & 63];
                destination[o++] = (byte)Alphabet[(n >> 12) & 63];
                destination[o++] = (byte)Alphabet[(n >> 6) & 63];
                destination[o++] = (byte)Alphabet[n & 63];
            }
            int rest = end - i;
            if (rest > 0)
            {
                int n = source[i] << 16;
                if (rest == 2)
                {
                    n |= source[i + 1] << 8;
                }
                destination[o++] = (byte)Alphabet[(n >> 18) & 63];
                destination[o++] = (byte)Alphabet[(n >> 12) & 63];
                destination[o++] = rest == 2 ? (byte)Alphabet[(n >> 6) & 63] : (byte)'=';
                destination[o++] = (byte)'=';
            }
            return o - destinationOffset;
        }

        /// <summary>True when the text is padded base64 (length multiple of 4, '=' only at the end).</summary>
        internal static bool IsValid(byte[] text, int offset, int count)
        {
            return DecodedLength(text, offset, count) >= 0;
        }

        /// <summary>Decoded length, or -1 when the text is not valid padded base64.</summary>
        internal static int DecodedLength(byte[] text, int offset, int count)
        {
            if (count % 4 != 0)
            {
                return -1;
            }
            int padding = 0;
            for (int i = 0; i < count; i++)
            {
                byte c = text[offset + i];
                if (c == '=')
                {
                    if (i < count - 2)
                    {
                        return -1;
                    }
                    padding++;
                }
                else if (padding > 0 || Value(c) < 0)
                {
                    return -1;
                }
            }
            return count / 4 * 3 - padding;
        }

        /// <summary>Decodes valid base64 text (see <see cref="DecodedLength"/>) into a new array.</summary>
        internal static byte[] Decode(byte[] text, int offset, int count)
        {
            int length = DecodedLength(text, offset, count);
            if (length < 0)
            {
                return null;
            }
            byte[] result = new byte[length];
            int o = 0;
            for (int i = 0; i < count; i += 4)
            {
                int n = 0;
                int valid = 0;
                for (int k = 0; k < 4; k++)
                {
                    int v = Value(text[offset + i + k]);
                    if (v >= 0)
                    {
                        valid++;
                    }
                    n = (n << 6) | (v < 0 ? 0 : v);
                }
                result[o++] = (byte)(n >> 16);
                if (valid > 2)
                {
                    result[o++] = (byte)(n >> 8);
                }
                if (valid > 3)
                {
                    result[o++] = (byte)n;
                }
            }
            return result;
        }

        private static int Value(byte c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }
            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }
            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }
            if (c == '+')
            {
                return 62;
            }
            if (c == '/')
            {
                return 63;
            }
            return -1;
        }
    }
}

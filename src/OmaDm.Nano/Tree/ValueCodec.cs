namespace OmaDm.Nano.Tree
{
    /// <summary>Validation of leaf values by format. Values are kept as their text form (raw bytes for bin).</summary>
    internal static class ValueCodec
    {
        /// <summary>Longest int/float text accepted: a long has 20 chars, doubles a few more.</summary>
        private const int MaxNumberChars = 32;

        private static readonly byte[] TrueBytes = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseBytes = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };

        /// <summary>
        /// Checks <paramref name="value"/> against <paramref name="format"/>; returns the value to store
        /// (normalized for bool) or null with <paramref name="status"/> 400.
        /// </summary>
        internal static byte[] Validate(NodeFormat format, byte[] value, out int status)
        {
            status = TreeStatus.BadRequest;
            bool ok;
            switch (format)
            {
                case NodeFormat.Chr:
                    ok = IsValidUtf8(value);
                    break;
                case NodeFormat.Int:
                    ok = IsInteger(value);
                    break;
                case NodeFormat.Float:
                    ok = IsJsonNumber(value);
                    break;
                case NodeFormat.Bool:
                    if (EqualsIgnoreCase(value, TrueBytes))
                    {
                        status = TreeStatus.Ok;
                        return TrueBytes;
                    }
                    if (EqualsIgnoreCase(value, FalseBytes))
                    {
                        status = TreeStatus.Ok;
                        return FalseBytes;
                    }
                    return null;
                case NodeFormat.B64:
                    ok = Base64Codec.IsValid(value, 0, value.Length);
                    break;
                case NodeFormat.Date:
                    ok = IsDate(value);
                    break;
                case NodeFormat.Time:
                    ok = IsTime(value);
                    break;
                case NodeFormat.Bin:
                    ok = true;
                    break;
                default:
                    ok = false;
                    break;
            }
            if (!ok)
            {
                return null;
            }
            status = TreeStatus.Ok;
            return value;
        }

        /// <summary>True when the value is written to JSON as a raw number/literal (already valid JSON text).</summary>
        internal static bool IsRawJson(NodeFormat format)
        {
            return format == NodeFormat.Int || format == NodeFormat.Float || format == NodeFormat.Bool;
        }

        internal static bool IsInteger(byte[] v)
        {
            int n = v.Length;
            if (n == 0 || n > MaxNumberChars)
            {
                return false;
            }
            int i = v[0] == '-' ? 1 : 0;
            int digits = n - i;
            if (digits == 0 || digits > 19 || (v[i] == '0' && (digits > 1 || i == 1)))
            {
                return false; // no leading zeros, no "-0": one canonical text per value
            }
            for (int k = i; k < n; k++)
            {
                if (v[k] < '0' || v[k] > '9')
                {
                    return false;
                }
            }
            if (digits < 19)
            {
                return true;
            }
            // 19 digits: compare with the long bounds as text (same length, so lexical order is numeric order).
            string limit = i == 1 ? "9223372036854775808" : "9223372036854775807";
            for (int k = 0; k < 19; k++)
            {
                char c = (char)v[i + k];
                if (c != limit[k])
                {
                    return c < limit[k];
                }
            }
            return true;
        }

        internal static bool IsJsonNumber(byte[] v)
        {
            int n = v.Length;
            if (n == 0 || n > MaxNumberChars)
            {
                return false;
            }
            int i = 0;
            if (v[i] == '-')
            {
                i++;
            }
            int start = i;
            while (i < n && v[i] >= '0' && v[i] <= '9')
            {
                i++;
            }
            if (i == start || (v[start] == '0' && i - start > 1))
            {
                return false;
            }
            if (i < n && v[i] == '.')
            {
                i++;
                int fraction = i;
                while (i < n && v[i] >= '0' && v[i] <= '9')
                {
                    i++;
                }
                if (i == fraction)
                {
                    return false;
                }
            }
            if (i < n && (v[i] == 'e' || v[i] == 'E'))
            {
                i++;
                if (i < n && (v[i] == '+' || v[i] == '-'))
                {
                    i++;
                }
                int exponent = i;
                while (i < n && v[i] >= '0' && v[i] <= '9')
                {
                    i++;
                }
                if (i == exponent)
                {
                    return false;
                }
            }
            return i == n;
        }

        /// <summary>YYYY-MM-DD with month 01-12 and day 01-31.</summary>
        internal static bool IsDate(byte[] v)
        {
            if (v.Length != 10 || v[4] != '-' || v[7] != '-')
            {
                return false;
            }
            int month, day;
            return Digits(v, 0, 4) >= 0 && (month = Digits(v, 5, 2)) >= 1 && month <= 12
                && (day = Digits(v, 8, 2)) >= 1 && day <= 31;
        }

        /// <summary>hh:mm:ss, optional .fraction, optional Z or ±hh:mm.</summary>
        internal static bool IsTime(byte[] v)
        {
            int n = v.Length;
            if (n < 8 || v[2] != ':' || v[5] != ':')
            {
                return false;
            }
            int h = Digits(v, 0, 2), m = Digits(v, 3, 2), s = Digits(v, 6, 2);
            if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60)
            {
                return false;
            }
            int i = 8;
            if (i < n && v[i] == '.')
            {
                i++;
                int start = i;
                while (i < n && v[i] >= '0' && v[i] <= '9')
                {
                    i++;
                }
                if (i == start || i - start > 9)
                {
                    return false;
                }
            }
            if (i == n)
            {
                return true;
            }
            if (v[i] == 'Z' && i + 1 == n)
            {
                return true;
            }
            if ((v[i] == '+' || v[i] == '-') && n - i == 6 && v[i + 3] == ':')
            {
                int zh = Digits(v, i + 1, 2), zm = Digits(v, i + 4, 2);
                return zh >= 0 && zh <= 23 && zm >= 0 && zm <= 59;
            }
            return false;
        }

        /// <summary>Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF) without NUL.</summary>
        internal static bool IsValidUtf8(byte[] v)
        {
            int i = 0;
            int n = v.Length;
            while (i < n)
            {
                int b = v[i];
                if (b == 0)
                {
                    return false;
                }
                if (b < 0x80)
                {
                    i++;
                    continue;
                }
                int extra;
                int min;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    extra = 1;
                    min = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    extra = 2;
                    min = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    extra = 3;
                    min = 0x10000;
                }
                else
                {
                    return false;
                }
                if (i + extra >= n)
                {
                    return false;
                }
                int cp = b & (0x3F >> extra);
                for (int k = 1; k <= extra; k++)
                {
                    int c = v[i + k];
                    if ((c & 0xC0) != 0x80)
                    {
                        return false;
                    }
                    cp = (cp << 6) | (c & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return false;
                }
                i += extra + 1;
            }
            return true;
        }

        private static int Digits(byte[] v, int offset, int count)
        {
            int result = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int d = v[i] - '0';
                if (d < 0 || d > 9)
                {
                    return -1;
                }
                result = result * 10 + d;
            }
            return result;
        }

        private static bool EqualsIgnoreCase(byte[] value, byte[] lower)
        {
            if (value.Length != lower.Length)
            {
                return false;
            }
            for (int i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c += 32;
                }
                if (c != lower[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}

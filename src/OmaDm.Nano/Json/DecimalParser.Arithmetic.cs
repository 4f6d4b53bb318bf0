namespace OmaDm.Nano.Json
{
    /// <content>Unsigned big integers as little-endian uint words plus a length, in preallocated arrays.</content>
    internal static partial class DecimalParser
    {
        private static void SetRight(ulong value)
        {
            _right[0] = (uint)value;
            _right[1] = (uint)(value >> 32);
            _rightLength = _right[1] != 0 ? 2 : (_right[0] != 0 ? 1 : 0);
        }

        private static int MultiplyAdd(uint[] n, int length, uint factor, uint add)
        {
            ulong carry = add;
            for (int i = 0; i < length; i++)
            {
                ulong product = ((ulong)n[i] * factor) + carry;
                n[i] = (uint)product;
                carry = product >> 32;
            }
            if (carry != 0)
            {
                n[length++] = (uint)carry;
            }
            return length;
        }

        private static int MultiplyPow5(uint[] n, int length, int power)
        {
            const uint Pow5To13 = 1220703125; // largest power of 5 in a uint
            while (power >= 13)
            {
                length = MultiplyAdd(n, length, Pow5To13, 0);
                power -= 13;
            }
            uint factor = 1;
            for (int i = 0; i < power; i++)
            {
                factor *= 5;
            }
            return factor == 1 ? length : MultiplyAdd(n, length, factor, 0);
        }

        private static int ShiftLeft(uint[] n, int length, int bits)
        {
            if (length == 0 || bits == 0)
            {
                return length;
            }
            int words = bits >> 5;
            int rest = bits & 31;
            if (rest != 0)
            {
                uint carry = 0;
                for (int i = 0; i < length; i++)
                {
                    uint word = n[i];
                    n[i] = (word << rest) | carry;
                    carry = word >> (32 - rest);
                }
                if (carry != 0)
                {
                    n[length++] = carry;
                }
            }
            if (words != 0)
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    n[i + words] = n[i];
                }
                for (int i = 0; i < words; i++)
                {
                    n[i] = 0;
                }
                length += words;
            }
            return length;
        }

        private static int Compare(uint[] a, int aLength, uint[] b, int bLength)
        {
            if (aLength != bLength)
            {
                return aLength > bLength ? 1 : -1;
            }
            for (int i = aLength - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                {
                    return a[i] > b[i] ? 1 : -1;
                }
            }
            return 0;
        }
    }
}

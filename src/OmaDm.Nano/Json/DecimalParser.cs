namespace OmaDm.Nano.Json
{
    /// <summary>
    /// Correctly rounded decimal → double for validated JSON number text, without allocating after
    /// the first hard case. Clinger's fast path handles short significands with small exponents;
    /// everything else starts from an estimate and is corrected by exact big-integer comparison
    /// with the midpoints between neighbouring doubles (Clinger's AlgorithmR, round half to even).
    /// </summary>
    internal static partial class DecimalParser
    {
        /// <summary>Significand digits kept; more never change the rounding (halfway cases have ≤ 767), a sticky digit stands for the rest.</summary>
        private const int MaxDigits = 780;

        /// <summary>Words per big integer: 780 digits (2591 bits) scaled by the largest 5^n and 2^n still reachable, with margin.</summary>
        private const int BigWords = 200;

        /// <summary>Significand digits a ulong always holds.</summary>
        private const int UlongDigits = 19;

        /// <summary>Decimal exponent above which every value overflows and below which it rounds to 0 (with the digit count added).</summary>
        private const int MaxDecimalExponent = 310;
        private const int MinDecimalExponent = -326;

        private const ulong HiddenBit = 1UL << 52;
        private const int MinBinaryExponent = -1074;
        private const int MaxBinaryExponent = 971;

        private static readonly double[] ExactPowers = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        private static readonly object Gate = new object();
        private static uint[] _left;  // scratch, allocated on the first hard case and kept
        private static uint[] _right;
        private static int _leftLength;
        private static int _rightLength;

        /// <summary>Parses the valid JSON number in <paramref name="w"/>[start, end); infinity when it overflows.</summary>
        internal static double Parse(byte[] w, int start, int end)
        {
            bool negative = w[start] == '-';
            int i = negative ? start + 1 : start;
            int intStart = i;
            while (i < end && (uint)(w[i] - '0') <= 9)
            {
                i++;
            }
            int intEnd = i;
            int fracStart = i;
            int fracEnd = i;
            if (i < end && w[i] == '.')
            {
                fracStart = ++i;
                while (i < end && (uint)(w[i] - '0') <= 9)
                {
                    i++;
                }
                fracEnd = i;
            }
            int exponent = 0;
            if (i < end)
            {
                i++; // e or E
                bool negativeExponent = w[i] == '-';
                if (w[i] == '-' || w[i] == '+')
                {
                    i++;
                }
                for (; i < end; i++)
                {
                    if (exponent < 100000)
                    {
                        exponent = (exponent * 10) + (w[i] - '0');
                    }
                }
                if (negativeExponent)
                {
                    exponent = -exponent;
                }
            }
            double result = ParseMagnitude(w, intStart, intEnd, fracStart, fracEnd, exponent);
            return negative ? -result : result;
        }

        private static double ParseMagnitude(byte[] w, int intStart, int intEnd, int fracStart, int fracEnd, int exponent)
        {
            // Significant digits: skip leading zeros of the integer part, then of the fraction.
            ulong significand = 0;
            int digits = 0;      // significant digits seen
            int scale = exponent; // decimal exponent of the last kept digit
            bool truncated = false;
            for (int k = intStart; k < intEnd; k++)
            {
                int d = w[k] - '0';
                if (digits == 0 && d == 0)
                {
                    continue;
                }
                if (digits < UlongDigits)
                {
                    significand = (significand * 10) + (ulong)d;
                }
                else
                {
                    scale++;
                    truncated |= d != 0;
                }
                digits++;
            }
            for (int k = fracStart; k < fracEnd; k++)
            {
                int d = w[k] - '0';
                if (digits == 0 && d == 0)
                {
                    scale--;
                    continue;
                }
                if (digits < UlongDigits)
                {
                    significand = (significand * 10) + (ulong)d;
                    scale--;
                }
                else
                {
                    truncated |= d != 0;
                }
                digits++;
            }
            if (significand == 0)
            {
                return 0;
            }
            int kept = digits < UlongDigits ? digits : UlongDigits;
            if (scale + kept > MaxDecimalExponent)
            {
                return double.PositiveInfinity;
            }
            if (scale + kept < MinDecimalExponent)
            {
                return 0;
            }
            if (!truncated && significand <= (1UL << 53))
            {
                if (scale >= 0 && scale <= 22)
                {
                    return significand * ExactPowers[scale];
                }
                if (scale < 0 && scale >= -22)
                {
                    return significand / ExactPowers[-scale];
                }
            }
            double estimate = Estimate(significand, scale);
            lock (Gate)
            {
                if (_left == null)
                {
                    _left = new uint[BigWords];
                    _right = new uint[BigWords];
                }
                return Refine(estimate, w, intStart, intEnd, fracStart, fracEnd, exponent);
            }
        }

        /// <summary>significand × 10^scale in floating point: within a few units in the last place.</summary>
        private static double Estimate(ulong significand, int scale)
        {
            double result = significand;
            while (scale > 22 && result <= double.MaxValue)
            {
                result *= 1e22;
                scale -= 22;
            }
            while (scale < -22 && result > 0)
            {
                result /= 1e22;
                scale += 22;
            }
            if (scale > 22 || scale < -22)
            {
                return result;
            }
            return scale >= 0 ? result * ExactPowers[scale] : result / ExactPowers[-scale];
        }

        /// <summary>Steps the estimate (as m × 2^k) until the exact value lies between the midpoints to its neighbours.</summary>
        private static double Refine(double estimate, byte[] w, int intStart, int intEnd, int fracStart, int fracEnd, int exponent)
        {
            ulong m;
            int k;
            if (estimate > double.MaxValue)
            {
                m = (1UL << 53) - 1;
                k = MaxBinaryExponent;
            }
            else
            {
                long bits = System.BitConverter.DoubleToInt64Bits(estimate);
                int biased = (int)((bits >> 52) & 0x7FF);
                m = (ulong)bits & (HiddenBit - 1);
                if (biased == 0)
                {
                    k = MinBinaryExponent;
                }
                else
                {
                    m |= HiddenBit;
                    k = biased - 1075;
                }
            }
            for (int guard = 0; guard < 64; guard++)
            {
                int up = CompareWithMidpoint(w, intStart, intEnd, fracStart, fracEnd, exponent, (m << 1) + 1, k - 1);
                if (up > 0 || (up == 0 && (m & 1) != 0))
                {
                    m++;
                    if (m == (1UL << 53))
                    {
                        m = HiddenBit;
                        k++;
                        if (k > MaxBinaryExponent)
                        {
                            return double.PositiveInfinity;
                        }
                    }
                    continue;
                }
                if (m == 0)
                {
                    break;
                }
                bool binadeBottom = m == HiddenBit && k > MinBinaryExponent;
                int down = binadeBottom
                    ? CompareWithMidpoint(w, intStart, intEnd, fracStart, fracEnd, exponent, (m << 2) - 1, k - 2)
                    : CompareWithMidpoint(w, intStart, intEnd, fracStart, fracEnd, exponent, (m << 1) - 1, k - 1);
                if (down < 0 || (down == 0 && (m & 1) != 0))
                {
                    if (binadeBottom)
                    {
                        m = (1UL << 53) - 1;
                        k--;
                    }
                    else
                    {
                        m--;
                    }
                    continue;
                }
                break;
            }
            return Compose(m, k);
        }

        private static double Compose(ulong m, int k)
        {
            if (m == 0)
            {
                return 0;
            }
            long bits;
            if (m < HiddenBit)
            {
                bits = (long)m; // subnormal: k == MinBinaryExponent
            }
            else
            {
                bits = ((long)(k + 1075) << 52) | (long)(m & (HiddenBit - 1));
            }
            return System.BitConverter.Int64BitsToDouble(bits);
        }

        /// <summary>Sign of (decimal value) − midpoint × 2^twoExponent, exactly.</summary>
        private static int CompareWithMidpoint(byte[] w, int intStart, int intEnd, int fracStart, int fracEnd, int exponent, ulong midpoint, int twoExponent)
        {
            int scale = LoadDigits(w, intStart, intEnd, fracStart, fracEnd, exponent);
            SetRight(midpoint);
            if (scale >= 0)
            {
                _leftLength = MultiplyPow5(_left, _leftLength, scale);
            }
            else
            {
                _rightLength = MultiplyPow5(_right, _rightLength, -scale);
            }
            int net = twoExponent - scale; // powers of two left on the midpoint side after cancelling 2^scale
            if (net >= 0)
            {
                _rightLength = ShiftLeft(_right, _rightLength, net);
            }
            else
            {
                _leftLength = ShiftLeft(_left, _leftLength, -net);
            }
            return Compare(_left, _leftLength, _right, _rightLength);
        }

        /// <summary>Loads up to <see cref="MaxDigits"/> significant digits (plus a sticky 1) into the left integer; returns its decimal exponent.</summary>
        private static int LoadDigits(byte[] w, int intStart, int intEnd, int fracStart, int fracEnd, int exponent)
        {
            uint[] left = _left;
            int length = 0;
            int digits = 0;
            int scale = exponent;
            bool sticky = false;
            for (int pass = 0; pass < 2; pass++)
            {
                int from = pass == 0 ? intStart : fracStart;
                int to = pass == 0 ? intEnd : fracEnd;
                for (int k = from; k < to; k++)
                {
                    uint d = (uint)(w[k] - '0');
                    if (pass == 1)
                    {
                        if (digits < MaxDigits)
                        {
                            scale--;
                        }
                    }
                    if (digits == 0 && d == 0)
                    {
                        continue;
                    }
                    if (digits < MaxDigits)
                    {
                        length = MultiplyAdd(left, length, 10, d);
                    }
                    else
                    {
                        if (pass == 0)
                        {
                            scale++;
                        }
                        sticky |= d != 0;
                    }
                    digits++;
                }
            }
            if (sticky)
            {
                length = MultiplyAdd(left, length, 10, 1);
                scale--;
            }
            _leftLength = length;
            return scale;
        }
    }
}

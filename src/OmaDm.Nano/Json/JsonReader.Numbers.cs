namespace OmaDm.Nano.Json
{
    /// <content>Number conversions straight from the window, without allocating.</content>
    public sealed partial class JsonReader
    {
        /// <summary>Significand digits kept when parsing a double: the most a ulong holds.</summary>
        private const int MaxSignificandDigits = 19;

        /// <summary>Exponent magnitude beyond which every double is 0 or infinite; clamps the parse.</summary>
        private const int ExponentClamp = 100000;

        /// <summary>Powers of ten that are exact in a double (10^0..10^22).</summary>
        private static readonly double[] ExactPowers = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        /// <summary>Reads the current number as an Int32; false when it is not a number, has a fraction or exponent, or is out of range.</summary>
        public bool TryGetInt32(out int value)
        {
            long wide;
            if (TryGetInt64(out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }
            value = 0;
            return false;
        }

        /// <summary>Reads the current number as an Int64; false when it is not a number, has a fraction or exponent, or is out of range.</summary>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            if (_tokenType != JsonTokenType.Number)
            {
                return false;
            }
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            bool negative = w[i] == '-';
            if (negative)
            {
                i++;
            }
            long acc = 0; // accumulated negatively so long.MinValue fits
            for (; i < end; i++)
            {
                int d = w[i] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }
                if (acc < -922337203685477580L || (acc == -922337203685477580L && d > 8))
                {
                    return false;
                }
                acc = (acc * 10) - d;
            }
            if (!negative)
            {
                if (acc == long.MinValue)
                {
                    return false;
                }
                acc = -acc;
            }
            value = acc;
            return true;
        }

        /// <summary>
        /// Reads the current number as a double; false when it is not a number or overflows to
        /// infinity. Correctly rounded when the significand has at most 15 digits and the decimal
        /// exponent lies within ±22 (every DM float value); otherwise within a few units in the last place.
        /// </summary>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            if (_tokenType != JsonTokenType.Number)
            {
                return false;
            }
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            bool negative = w[i] == '-';
            if (negative)
            {
                i++;
            }
            ulong significand = 0;
            int digits = 0;
            int scale = 0;
            bool inexact = false;
            for (; i < end && (uint)(w[i] - '0') <= 9; i++)
            {
                AddDigit(w[i] - '0', ref significand, ref digits, ref scale, ref inexact, false);
            }
            if (i < end && w[i] == '.')
            {
                for (i++; i < end && (uint)(w[i] - '0') <= 9; i++)
                {
                    AddDigit(w[i] - '0', ref significand, ref digits, ref scale, ref inexact, true);
                }
            }
            if (i < end)
            {
                i++; // e or E
                bool negativeExponent = w[i] == '-';
                if (w[i] == '-' || w[i] == '+')
                {
                    i++;
                }
                int exponent = 0;
                for (; i < end; i++)
                {
                    if (exponent < ExponentClamp)
                    {
                        exponent = (exponent * 10) + (w[i] - '0');
                    }
                }
                scale += negativeExponent ? -exponent : exponent;
            }
            double result = Scale(significand, scale, inexact);
            if (result > double.MaxValue)
            {
                return false;
            }
            value = negative ? -result : result;
            return true;
        }

        private static void AddDigit(int digit, ref ulong significand, ref int digits, ref int scale, ref bool inexact, bool fraction)
        {
            if (significand == 0 && digit == 0)
            {
                if (fraction)
                {
                    scale--;
                }
                return;
            }
            if (digits < MaxSignificandDigits)
            {
                significand = (significand * 10) + (ulong)digit;
                digits++;
                if (fraction)
                {
                    scale--;
                }
                return;
            }
            if (!fraction)
            {
                scale++;
            }
            if (digit != 0)
            {
                inexact = true;
            }
        }

        /// <summary>significand × 10^scale; exact (one rounding) on Clinger's fast path.</summary>
        private static double Scale(ulong significand, int scale, bool inexact)
        {
            if (significand == 0)
            {
                return 0;
            }
            double result = significand;
            const ulong MaxExactSignificand = 1UL << 53;
            if (!inexact && significand <= MaxExactSignificand)
            {
                if (scale >= 0 && scale <= 22)
                {
                    return result * ExactPowers[scale];
                }
                if (scale < 0 && scale >= -22)
                {
                    return result / ExactPowers[-scale];
                }
            }
            if (scale > 0)
            {
                while (scale > 22 && result <= double.MaxValue)
                {
                    result *= ExactPowers[22];
                    scale -= 22;
                }
                return result * ExactPowers[scale > 22 ? 22 : scale];
            }
            while (scale < -22 && result > 0)
            {
                result /= ExactPowers[22];
                scale += 22;
            }
            return result / ExactPowers[scale < -22 ? 22 : -scale];
        }
    }
}

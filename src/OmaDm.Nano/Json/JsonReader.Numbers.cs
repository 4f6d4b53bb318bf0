namespace OmaDm.Nano.Json
{
    /// <content>Number conversions straight from the window, without allocating.</content>
    public sealed partial class JsonReader
    {
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
        /// Reads the current number as a double, correctly rounded (round half to even, as
        /// System.Text.Json); false when it is not a number or overflows to infinity.
        /// </summary>
        /// <remarks>
        /// Short significands with small exponents (every DM float value) take an exact fast path;
        /// the first harder number in the process allocates 1.6 KB of big-integer scratch, kept for reuse.
        /// </remarks>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            if (_tokenType != JsonTokenType.Number)
            {
                return false;
            }
            double result = DecimalParser.Parse(_window, _valueStart, _valueStart + _valueLength);
            if (result > double.MaxValue || result < double.MinValue)
            {
                return false;
            }
            value = result;
            return true;
        }
    }
}

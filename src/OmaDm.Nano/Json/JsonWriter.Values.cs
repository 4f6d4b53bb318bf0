using System;

namespace OmaDm.Nano.Json
{
    /// <content>Escaping strings and formatting numbers straight into the buffer.</content>
    public sealed partial class JsonWriter
    {
        /// <summary>Per ASCII byte: 0 = as is, otherwise the letter after the backslash ('u' = \u00XX).</summary>
        private static readonly byte[] Escapes = BuildEscapes();

        private static readonly byte[] HexDigits = new byte[]
        {
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
            (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F'
        };

        /// <summary>Bytes one escaped unit may take: \u00XX.</summary>
        private const int MaxUnitBytes = 6;

        private static byte[] BuildEscapes()
        {
            byte[] escapes = new byte[128];
            for (int c = 0; c < 0x20; c++)
            {
                escapes[c] = (byte)'u';
            }
            escapes['\b'] = (byte)'b';
            escapes['\f'] = (byte)'f';
            escapes['\n'] = (byte)'n';
            escapes['\r'] = (byte)'r';
            escapes['\t'] = (byte)'t';
            escapes['"'] = (byte)'"';
            escapes['\\'] = (byte)'\\';
            return escapes;
        }

        /// <summary>Writes an integer number.</summary>
        public void WriteNumber(long value)
        {
            BeforeValue();
            WriteInteger(value);
            AfterValue();
        }

        /// <summary>
        /// Writes a double in the shortest form (15 to 17 significant digits) that reads back to the
        /// same value; integral values below 2^53 are written without fraction or exponent.
        /// </summary>
        /// <remarks>Allocates a few short strings for non-integral values (formatting goes through double.ToString).</remarks>
        /// <exception cref="ArgumentException">NaN or an infinity: JSON has no spelling for them.</exception>
        public void WriteNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException("JSON cannot represent NaN or infinity", "value");
            }
            BeforeValue();
            Reserve(MinBufferBytes);
            double magnitude = value;
            if (BitConverter.DoubleToInt64Bits(value) < 0)
            {
                _buffer[_count++] = (byte)'-';
                magnitude = -value;
            }
            const double MaxExactInteger = 9007199254740992.0; // 2^53
            if (magnitude < MaxExactInteger && magnitude == (double)(long)magnitude)
            {
                WriteInteger((long)magnitude);
            }
            else
            {
                WriteShortestDouble(magnitude);
            }
            AfterValue();
        }

        private void WriteShortestDouble(double magnitude)
        {
            string text = magnitude.ToString("G15");
            if (double.Parse(text) != magnitude)
            {
                text = magnitude.ToString("G16");
                if (double.Parse(text) != magnitude)
                {
                    text = magnitude.ToString("G17");
                }
            }
            // Transcribe, so a culture's decimal separator or minus sign cannot leak into JSON.
            bool exponent = false;
            for (int k = 0; k < text.Length; k++)
            {
                char c = text[k];
                byte b;
                if (c >= '0' && c <= '9')
                {
                    b = (byte)c;
                }
                else if (c == 'E' || c == 'e')
                {
                    exponent = true;
                    b = (byte)'E';
                }
                else if (exponent)
                {
                    b = c == '+' ? (byte)'+' : (byte)'-';
                }
                else
                {
                    b = (byte)'.';
                }
                WriteByte(b);
            }
        }

        private void WriteInteger(long value)
        {
            Reserve(20);
            byte[] buffer = _buffer;
            ulong magnitude;
            if (value < 0)
            {
                buffer[_count++] = (byte)'-';
                magnitude = (ulong)(-(value + 1)) + 1;
            }
            else
            {
                magnitude = (ulong)value;
            }
            int digits = 1;
            for (ulong rest = magnitude; rest >= 10; rest /= 10)
            {
                digits++;
            }
            int at = _count + digits;
            do
            {
                buffer[--at] = (byte)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            while (magnitude != 0);
            _count += digits;
        }

        private void WriteQuoted(string text)
        {
            WriteByte((byte)'"');
            byte[] buffer = _buffer;
            int length = text.Length;
            for (int k = 0; k < length; k++)
            {
                if (buffer.Length - _count < MaxUnitBytes)
                {
                    FlushBuffer();
                }
                int c = text[k];
                if (c < 0x80)
                {
                    WriteAsciiUnit(c);
                    continue;
                }
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && k + 1 < length && text[k + 1] >= 0xDC00 && text[k + 1] <= 0xDFFF)
                    {
                        c = 0x10000 + ((c - 0xD800) << 10) + (text[k + 1] - 0xDC00);
                        k++;
                    }
                    else
                    {
                        c = 0xFFFD; // lone surrogate
                    }
                }
                _count = Utf8Rules.Encode(c, buffer, _count);
            }
            WriteByte((byte)'"');
        }

        private void WriteQuoted(byte[] utf8, int offset, int count)
        {
            WriteByte((byte)'"');
            byte[] buffer = _buffer;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                if (buffer.Length - _count < MaxUnitBytes)
                {
                    FlushBuffer();
                }
                int b = utf8[i];
                if (b < 0x80)
                {
                    WriteAsciiUnit(b);
                    i++;
                    continue;
                }
                int length = Utf8Rules.ValidLength(utf8, i, end);
                if (length == 0)
                {
                    _count = Utf8Rules.Encode(0xFFFD, buffer, _count); // malformed byte
                    i++;
                    continue;
                }
                Array.Copy(utf8, i, buffer, _count, length);
                _count += length;
                i += length;
            }
            WriteByte((byte)'"');
        }

        /// <summary>Writes one ASCII character, escaped when JSON requires it; the caller reserved <see cref="MaxUnitBytes"/>.</summary>
        private void WriteAsciiUnit(int c)
        {
            byte[] buffer = _buffer;
            byte escape = Escapes[c];
            if (escape == 0)
            {
                buffer[_count++] = (byte)c;
                return;
            }
            buffer[_count++] = (byte)'\\';
            buffer[_count++] = escape;
            if (escape == 'u')
            {
                buffer[_count++] = (byte)'0';
                buffer[_count++] = (byte)'0';
                buffer[_count++] = HexDigits[c >> 4];
                buffer[_count++] = HexDigits[c & 0xF];
            }
        }
    }
}

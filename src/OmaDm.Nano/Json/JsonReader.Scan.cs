using System;

namespace OmaDm.Nano.Json
{
    /// <content>Scanning and validating strings, numbers and literals inside the window.</content>
    public sealed partial class JsonReader
    {
        private static readonly byte[] TrueBytes = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseBytes = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] NullBytes = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        /// <summary>1 for bytes that end the fast string loop: quote, backslash, control, non-ASCII.</summary>
        private static readonly byte[] StringStops = BuildStringStops();

        private static byte[] BuildStringStops()
        {
            byte[] stops = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                stops[b] = (byte)((b < 0x20 || b >= 0x80 || b == '"' || b == '\\') ? 1 : 0);
            }
            return stops;
        }

        /// <summary>Scans the string whose opening quote is at <see cref="_pos"/>, validating escapes and UTF-8.</summary>
        private void ScanString()
        {
            _tokenStart = _pos;
            int i = _pos + 1;
            int bytesDelta = 0;
            int charsDelta = 0;
            bool escaped = false;
            byte[] stops = StringStops;
            while (true)
            {
                byte[] w = _window;
                int end = _end;
                // Eight bytes at a time while none of them needs attention (quote, backslash,
                // control, non-ASCII): one native read instead of eight table lookups.
                while (end - i >= 8)
                {
                    ulong flags = AttentionFlags(BitConverter.ToUInt64(w, i));
                    if (flags == 0)
                    {
                        i += 8;
                        continue;
                    }
                    if (LittleEndian)
                    {
                        i += FirstFlaggedByte(flags); // exact: false flags only sit above a true one
                    }
                    break;
                }
                while (i < end && stops[w[i]] == 0)
                {
                    i++;
                }
                int rel = i - _tokenStart;
                if (i >= end)
                {
                    if (!Fill(_tokenStart))
                    {
                        JsonThrow.Error(JsonError.UnexpectedEnd, _windowOffset + _end);
                    }
                    i = _tokenStart + rel;
                    continue;
                }
                int b = w[i];
                if (b == '"')
                {
                    break;
                }
                if (b == '\\')
                {
                    escaped = true;
                    rel = ScanEscape(rel, ref bytesDelta, ref charsDelta);
                }
                else if (b < 0x20)
                {
                    JsonThrow.Error(JsonError.ControlCharacterInString, _windowOffset + i);
                }
                else
                {
                    rel = ScanUtf8(rel, ref charsDelta);
                }
                i = _tokenStart + rel;
            }
            _valueStart = _tokenStart + 1;
            _valueLength = i - _valueStart;
            _pos = i + 1;
            _valueEscaped = escaped;
            _unescapedBytes = _valueLength + bytesDelta;
            _unescapedChars = _valueLength + charsDelta;
        }

        /// <summary>Byte order of ToUInt64, probed (the host's IsLittleEndian is a field, nanoFramework's a property).</summary>
        private static readonly bool LittleEndian = BitConverter.ToUInt64(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, 0) == 1UL;

        /// <summary>
        /// High bit set in each byte of <paramref name="v"/> that may be a quote, a backslash, below
        /// 0x20 or above 0x7F; 0 when none is. The lowest flagged byte is always a true one (borrows
        /// only carry upwards), the ones above it may be false.
        /// </summary>
        private static ulong AttentionFlags(ulong v)
        {
            const ulong Ones = 0x0101010101010101UL;
            const ulong Highs = 0x8080808080808080UL;
            ulong quote = v ^ 0x2222222222222222UL;
            ulong backslash = v ^ 0x5C5C5C5C5C5C5C5CUL;
            ulong flags = v
                | ((v - (0x20 * Ones)) & ~v)
                | ((quote - Ones) & ~quote)
                | ((backslash - Ones) & ~backslash);
            return flags & Highs;
        }

        /// <summary>Index (0..7, little-endian) of the lowest byte whose high bit is set in <paramref name="flags"/> (nonzero).</summary>
        private static int FirstFlaggedByte(ulong flags)
        {
            int index = 0;
            if ((flags & 0x80808080UL) == 0)
            {
                index = 4;
                flags >>= 32;
            }
            if ((flags & 0x8080UL) == 0)
            {
                index += 2;
                flags >>= 16;
            }
            if ((flags & 0x80UL) == 0)
            {
                index++;
            }
            return index;
        }

        /// <summary>Validates the escape at token-relative <paramref name="rel"/>; returns the offset after it.</summary>
        private int ScanEscape(int rel, ref int bytesDelta, ref int charsDelta)
        {
            long at = _windowOffset + _tokenStart + rel;
            int e = ByteAtRelOrEnd(rel + 1);
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    bytesDelta -= 1;
                    charsDelta -= 1;
                    return rel + 2;
                case 'u':
                    break;
                default:
                    JsonThrow.Error(JsonError.InvalidEscape, at);
                    break;
            }
            int cp = ScanHex4(rel);
            if (cp >= 0xDC00 && cp <= 0xDFFF)
            {
                JsonThrow.Error(JsonError.LoneSurrogate, at);
            }
            if (cp >= 0xD800 && cp <= 0xDBFF)
            {
                if (ByteAtRelOrEnd(rel + 6) != '\\' || ByteAtRelOrEnd(rel + 7) != 'u')
                {
                    JsonThrow.Error(JsonError.LoneSurrogate, at);
                }
                int low = ScanHex4(rel + 6);
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    JsonThrow.Error(JsonError.LoneSurrogate, at);
                }
                bytesDelta -= 8; // 12 escape bytes → 4 UTF-8 bytes
                charsDelta -= 10; // 12 escape bytes → 2 UTF-16 chars
                return rel + 12;
            }
            bytesDelta -= cp < 0x80 ? 5 : (cp < 0x800 ? 4 : 3);
            charsDelta -= 5;
            return rel + 6;
        }

        /// <summary>Reads the 4 hex digits of the <c>\u</c> escape at <paramref name="rel"/>.</summary>
        private int ScanHex4(int rel)
        {
            int value = 0;
            for (int k = 2; k < 6; k++)
            {
                int h = ByteAtRelOrEnd(rel + k);
                int digit = HexValue(h);
                if (digit < 0)
                {
                    JsonThrow.Error(JsonError.InvalidEscape, _windowOffset + _tokenStart + rel);
                }
                value = (value << 4) | digit;
            }
            return value;
        }

        private static int HexValue(int h)
        {
            if (h >= '0' && h <= '9')
            {
                return h - '0';
            }
            if (h >= 'a' && h <= 'f')
            {
                return h - 'a' + 10;
            }
            if (h >= 'A' && h <= 'F')
            {
                return h - 'A' + 10;
            }
            return -1;
        }

        /// <summary>Validates the multi-byte UTF-8 sequence at <paramref name="rel"/>; returns the offset after it.</summary>
        private int ScanUtf8(int rel, ref int charsDelta)
        {
            int lead = _window[_tokenStart + rel];
            int length = Utf8Rules.SequenceLength[lead];
            if (length == 0)
            {
                JsonThrow.Error(JsonError.InvalidUtf8, _windowOffset + _tokenStart + rel);
            }
            for (int k = 1; k < length; k++)
            {
                int b = ByteAtRelOrEnd(rel + k);
                bool ok = k == 1 ? Utf8Rules.IsValidSecond(lead, b) : Utf8Rules.IsContinuation(b);
                if (!ok)
                {
                    JsonThrow.Error(JsonError.InvalidUtf8, _windowOffset + _tokenStart + rel);
                }
            }
            charsDelta -= length == 4 ? 2 : length - 1;
            return rel + length;
        }

        /// <summary>Scans the number starting at <see cref="_pos"/> (RFC 8259 grammar, then a delimiter or the end).</summary>
        private void ScanNumber()
        {
            _tokenStart = _pos;
            int rel = 0;
            int c = ByteAtRel(rel);
            if (c == '-')
            {
                rel++;
                c = ByteAtRelOrEnd(rel);
            }
            if (c == '0')
            {
                rel++;
                c = ByteAtRel(rel);
                if (c >= '0' && c <= '9')
                {
                    JsonThrow.Error(JsonError.LeadingZero, _windowOffset + _tokenStart + rel - 1);
                }
            }
            else if (c >= '1' && c <= '9')
            {
                rel = SkipDigits(rel + 1);
                c = ByteAtRel(rel);
            }
            else
            {
                JsonThrow.Error(JsonError.InvalidNumber, _windowOffset + _tokenStart + rel);
            }
            if (c == '.')
            {
                rel = ScanDigitRun(rel + 1);
                c = ByteAtRel(rel);
            }
            if (c == 'e' || c == 'E')
            {
                rel++;
                c = ByteAtRelOrEnd(rel);
                if (c == '+' || c == '-')
                {
                    rel++;
                }
                rel = ScanDigitRun(rel);
                c = ByteAtRel(rel);
            }
            if (c >= 0 && c != ',' && c != ']' && c != '}' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                JsonThrow.Error(JsonError.InvalidNumber, _windowOffset + _tokenStart + rel);
            }
            _valueStart = _tokenStart;
            _valueLength = rel;
            _pos = _tokenStart + rel;
            _valueEscaped = false;
            _unescapedBytes = rel;
            _unescapedChars = rel;
        }

        /// <summary>One or more digits at <paramref name="rel"/> (fraction or exponent); returns the offset after them.</summary>
        private int ScanDigitRun(int rel)
        {
            int c = ByteAtRelOrEnd(rel);
            if (c < '0' || c > '9')
            {
                JsonThrow.Error(JsonError.InvalidNumber, _windowOffset + _tokenStart + rel);
            }
            return SkipDigits(rel + 1);
        }

        /// <summary>Skips digits from <paramref name="rel"/>; returns the offset of the first non-digit (or the end).</summary>
        private int SkipDigits(int rel)
        {
            while (true)
            {
                byte[] w = _window;
                int i = _tokenStart + rel;
                int end = _end;
                while (i < end && (uint)(w[i] - '0') <= 9)
                {
                    i++;
                }
                rel = i - _tokenStart;
                if (i < end || !Fill(_tokenStart))
                {
                    return rel;
                }
            }
        }

        private void ScanLiteral(byte[] literal, JsonTokenType type)
        {
            _tokenStart = _pos;
            for (int k = 1; k < literal.Length; k++)
            {
                if (ByteAtRelOrEnd(k) != literal[k])
                {
                    JsonThrow.Error(JsonError.InvalidLiteral, _windowOffset + _tokenStart + k);
                }
            }
            _tokenType = type;
            _valueStart = _tokenStart;
            _valueLength = literal.Length;
            _pos = _tokenStart + literal.Length;
            _valueEscaped = false;
            _unescapedBytes = literal.Length;
            _unescapedChars = literal.Length;
        }

        /// <summary>The byte at token-relative <paramref name="rel"/>, refilling as needed; -1 at the end of the stream.</summary>
        private int ByteAtRel(int rel)
        {
            while (_tokenStart + rel >= _end)
            {
                if (!Fill(_tokenStart))
                {
                    return -1;
                }
            }
            return _window[_tokenStart + rel];
        }

        /// <summary>As <see cref="ByteAtRel"/>, where the token cannot end yet: the end of the stream is UnexpectedEnd.</summary>
        private int ByteAtRelOrEnd(int rel)
        {
            int c = ByteAtRel(rel);
            if (c < 0)
            {
                JsonThrow.Error(JsonError.UnexpectedEnd, _windowOffset + _end);
            }
            return c;
        }
    }
}

using System;
using System.Text;

namespace OmaDm.Nano.Json
{
    /// <content>Access to the current token's value without allocating (except <see cref="GetString"/>).</content>
    public sealed partial class JsonReader
    {
        /// <summary>
        /// Unescaped UTF-8 length of the current string or property name; the raw text length for
        /// numbers and literals.
        /// </summary>
        public int ValueByteLength { get { return _unescapedBytes; } }

        /// <summary>Unescaped UTF-16 length of the current string or property name (what <see cref="CopyValue(char[], int)"/> writes).</summary>
        public int ValueCharLength { get { return _unescapedChars; } }

        /// <summary>Whether the raw value holds backslash escapes (then its bytes differ from the unescaped value).</summary>
        public bool ValueIsEscaped { get { return _valueEscaped; } }

        /// <summary>Compares the unescaped value of the current string or property name with UTF-8 bytes.</summary>
        /// <param name="utf8">Expected value, UTF-8, no escapes.</param>
        /// <exception cref="InvalidOperationException">The current token is not a string or property name.</exception>
        public bool ValueEquals(byte[] utf8)
        {
            RequireText();
            if (utf8 == null)
            {
                throw new ArgumentNullException("utf8");
            }
            if (utf8.Length != _unescapedBytes)
            {
                return false;
            }
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            int j = 0;
            if (!_valueEscaped)
            {
                while (i < end)
                {
                    if (w[i++] != utf8[j++])
                    {
                        return false;
                    }
                }
                return true;
            }
            byte[] scratch = _scratch;
            while (i < end)
            {
                if (w[i] != '\\')
                {
                    if (w[i++] != utf8[j++])
                    {
                        return false;
                    }
                    continue;
                }
                int n = Utf8Rules.Encode(DecodeEscape(ref i), scratch, 0);
                for (int k = 0; k < n; k++)
                {
                    if (scratch[k] != utf8[j++])
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary>Compares the unescaped value of the current string or property name with <paramref name="text"/>.</summary>
        /// <exception cref="InvalidOperationException">The current token is not a string or property name.</exception>
        public bool ValueEquals(string text)
        {
            RequireText();
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }
            if (text.Length != _unescapedChars)
            {
                return false;
            }
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            int k = 0;
            while (i < end)
            {
                int b = w[i];
                int cp;
                if (b < 0x80 && b != '\\')
                {
                    cp = b;
                    i++;
                }
                else
                {
                    cp = DecodeAt(ref i);
                }
                if (cp < 0x10000)
                {
                    if (text[k++] != cp)
                    {
                        return false;
                    }
                }
                else
                {
                    if (k + 1 >= text.Length
                        || text[k] != (char)(0xD800 + ((cp - 0x10000) >> 10))
                        || text[k + 1] != (char)(0xDC00 + ((cp - 0x10000) & 0x3FF)))
                    {
                        return false;
                    }
                    k += 2;
                }
            }
            return true;
        }

        /// <summary>
        /// Copies the unescaped UTF-8 value of the current string or property name (the raw text of a
        /// number) to <paramref name="destination"/> at <paramref name="offset"/>; returns the count.
        /// </summary>
        /// <exception cref="ArgumentException">The value does not fit; nothing is copied.</exception>
        /// <exception cref="InvalidOperationException">The current token has no text value.</exception>
        public int CopyValue(byte[] destination, int offset)
        {
            RequireTextOrNumber();
            CheckRoom(destination, offset, _unescapedBytes);
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            if (!_valueEscaped)
            {
                Array.Copy(w, i, destination, offset, _valueLength);
                return _valueLength;
            }
            int o = offset;
            while (i < end)
            {
                if (w[i] != '\\')
                {
                    destination[o++] = w[i++];
                    continue;
                }
                o = Utf8Rules.Encode(DecodeEscape(ref i), destination, o);
            }
            return o - offset;
        }

        /// <summary>
        /// Copies the unescaped value of the current string or property name (the raw text of a
        /// number) as UTF-16 to <paramref name="destination"/> at <paramref name="offset"/>; returns the count.
        /// </summary>
        /// <exception cref="ArgumentException">The value does not fit (<see cref="ValueCharLength"/>); nothing is copied.</exception>
        /// <exception cref="InvalidOperationException">The current token has no text value.</exception>
        public int CopyValue(char[] destination, int offset)
        {
            RequireTextOrNumber();
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }
            if (offset < 0 || offset > destination.Length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
            if (_unescapedChars > destination.Length - offset)
            {
                throw new ArgumentException("value does not fit", "destination");
            }
            byte[] w = _window;
            int i = _valueStart;
            int end = i + _valueLength;
            int o = offset;
            while (i < end)
            {
                int b = w[i];
                if (b < 0x80 && b != '\\')
                {
                    destination[o++] = (char)b;
                    i++;
                    continue;
                }
                int cp = DecodeAt(ref i);
                if (cp < 0x10000)
                {
                    destination[o++] = (char)cp;
                }
                else
                {
                    destination[o++] = (char)(0xD800 + ((cp - 0x10000) >> 10));
                    destination[o++] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
                }
            }
            return o - offset;
        }

        /// <summary>
        /// The value of the current string or property name, unescaped; the text of a number. The
        /// only accessor that allocates.
        /// </summary>
        /// <exception cref="InvalidOperationException">The current token has no text value.</exception>
        public string GetString()
        {
            RequireTextOrNumber();
            if (!_valueEscaped)
            {
                return Encoding.UTF8.GetString(_window, _valueStart, _valueLength);
            }
            char[] chars = new char[_unescapedChars];
            CopyValue(chars, 0);
            return new string(chars);
        }

        /// <summary>Reads a <see cref="JsonTokenType.True"/> or <see cref="JsonTokenType.False"/> token; false for any other token.</summary>
        public bool TryGetBoolean(out bool value)
        {
            value = _tokenType == JsonTokenType.True;
            return _tokenType == JsonTokenType.True || _tokenType == JsonTokenType.False;
        }

        private void RequireText()
        {
            if (_tokenType != JsonTokenType.String && _tokenType != JsonTokenType.PropertyName)
            {
                throw new InvalidOperationException("current token is not a string or property name");
            }
        }

        private void RequireTextOrNumber()
        {
            if (_tokenType != JsonTokenType.String && _tokenType != JsonTokenType.PropertyName && _tokenType != JsonTokenType.Number)
            {
                throw new InvalidOperationException("current token has no text value");
            }
        }

        private static void CheckRoom(byte[] destination, int offset, int count)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }
            if (offset < 0 || offset > destination.Length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
            if (count > destination.Length - offset)
            {
                throw new ArgumentException("value does not fit", "destination");
            }
        }

        /// <summary>Decodes one code point of the validated value at window index <paramref name="i"/> (escape or UTF-8) and advances.</summary>
        private int DecodeAt(ref int i)
        {
            byte[] w = _window;
            int b = w[i];
            if (b == '\\')
            {
                return DecodeEscape(ref i);
            }
            if (b < 0x80)
            {
                i++;
                return b;
            }
            if (b < 0xE0)
            {
                i += 2;
                return ((b & 0x1F) << 6) | (w[i - 1] & 0x3F);
            }
            if (b < 0xF0)
            {
                i += 3;
                return ((b & 0x0F) << 12) | ((w[i - 2] & 0x3F) << 6) | (w[i - 1] & 0x3F);
            }
            i += 4;
            return ((b & 0x07) << 18) | ((w[i - 3] & 0x3F) << 12) | ((w[i - 2] & 0x3F) << 6) | (w[i - 1] & 0x3F);
        }

        /// <summary>Decodes the validated escape at <paramref name="i"/> (a surrogate pair as one code point) and advances.</summary>
        private int DecodeEscape(ref int i)
        {
            byte[] w = _window;
            int e = w[i + 1];
            i += 2;
            switch (e)
            {
                case 'b': return 0x08;
                case 'f': return 0x0C;
                case 'n': return 0x0A;
                case 'r': return 0x0D;
                case 't': return 0x09;
                case 'u': break;
                default: return e; // " \ /
            }
            int cp = Hex4(w, i);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF)
            {
                int low = Hex4(w, i + 2);
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            return cp;
        }

        private static int Hex4(byte[] w, int i)
        {
            return (HexValue(w[i]) << 12) | (HexValue(w[i + 1]) << 8) | (HexValue(w[i + 2]) << 4) | HexValue(w[i + 3]);
        }
    }
}

namespace OmaDm.Nano.Json
{
    /// <content>Window refills and whitespace.</content>
    public sealed partial class JsonReader
    {
        /// <summary>
        /// Skips whitespace and returns the next byte without consuming it (<see cref="_pos"/> is on
        /// it), or -1 at the end of the stream.
        /// </summary>
        private int PeekNonWhitespace()
        {
            while (true)
            {
                byte[] w = _window;
                int i = _pos;
                int end = _end;
                while (i < end)
                {
                    int b = w[i];
                    if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t'))
                    {
                        _pos = i;
                        return b;
                    }
                    i++;
                }
                _pos = i;
                if (!Fill(i))
                {
                    return -1;
                }
            }
        }

        /// <summary>As <see cref="PeekNonWhitespace"/>, where a value must follow (after <c>,</c> or <c>:</c>).</summary>
        private int PeekValueStart()
        {
            int c = PeekNonWhitespace();
            if (c < 0)
            {
                JsonThrow.Error(JsonError.UnexpectedEnd, _windowOffset + _pos);
            }
            return c;
        }

        /// <summary>
        /// Reads more of the stream into the window, first moving the bytes from
        /// <paramref name="keepFrom"/> on to the front (so afterwards they start at index 0).
        /// Returns false when the stream has ended. Throws TokenTooLong when the kept bytes already
        /// fill the window.
        /// </summary>
        private bool Fill(int keepFrom)
        {
            if (keepFrom > 0)
            {
                int keep = _end - keepFrom;
                if (keep > 0)
                {
                    System.Array.Copy(_window, keepFrom, _window, 0, keep);
                }
                _end = keep;
                _pos -= keepFrom;
                _tokenStart -= keepFrom;
                _valueStart -= keepFrom;
                _windowOffset += keepFrom;
            }
            if (_sourceDone)
            {
                return false;
            }
            int room = _window.Length - _end;
            if (room == 0)
            {
                JsonThrow.Error(JsonError.TokenTooLong, _windowOffset);
            }
            int read = _source.Read(_window, _end, room);
            if (read <= 0)
            {
                _sourceDone = true;
                return false;
            }
            _end += read;
            return true;
        }
    }
}

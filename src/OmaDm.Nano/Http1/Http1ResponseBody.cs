using System;
using System.IO;

using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Http1
{
    /// <summary>
    /// The connection as an <see cref="Http1Exchange"/> reads it: first line by line through the
    /// scratch buffer (the response head), then as the read-only response body, framed by a
    /// length, by chunks, or by the end of the connection.
    /// </summary>
    /// <remarks>
    /// Bytes already in the scratch buffer are handed out first; after that, body reads go from the
    /// connection straight into the caller's buffer. Chunk-size lines and trailers go through the
    /// scratch buffer, bounded by its length. Every failure, the server's or the network's, is an
    /// <see cref="IOException"/> (the <see cref="Platform.IHttpExchange"/> contract).
    /// </remarks>
    internal sealed class Http1ResponseBody : ReadOnlyStream
    {
        /// <summary><see cref="ReadLine"/>: the connection ended first.</summary>
        internal const int LineEof = -1;

        /// <summary><see cref="ReadLine"/>: no line end within the scratch buffer.</summary>
        internal const int LineTooLong = -2;

        // 8 hex digits already reach 4 GiB; a chunk is capped below 2 GiB so it counts in an int.
        private const int MaxChunkHexDigits = 8;

        private const int ModeHead = 0;
        private const int ModeEmpty = 1;
        private const int ModeLength = 2;
        private const int ModeChunked = 3;
        private const int ModeUntilClose = 4;

        private const int ChunkSize = 0;
        private const int ChunkData = 1;
        private const int ChunkEnd = 2;
        private const int ChunksDone = 3;

        private readonly Http1Exchange _owner;
        private readonly Stream _connection;
        private readonly byte[] _buffer;
        private int _pos;     // next unread byte in _buffer
        private int _end;     // end of the bytes read into _buffer
        private int _scan;    // where the search for the next LF resumes
        private int _lastLineBytes;
        private int _mode = ModeHead;
        private int _chunkState;
        private long _remaining;
        private long _position;
        private bool _closed;

        internal Http1ResponseBody(Http1Exchange owner, Stream connection, byte[] buffer)
        {
            _owner = owner;
            _connection = connection;
            _buffer = buffer;
        }

        /// <summary>Bytes the last <see cref="ReadLine"/> consumed, line end included.</summary>
        internal int LastLineBytes
        {
            get { return _lastLineBytes; }
        }

        /// <summary>
        /// Reads one line ending in LF (an optional CR before it is dropped) into the scratch buffer;
        /// returns its length with <paramref name="start"/> its offset in the buffer, valid until the
        /// next read, or <see cref="LineEof"/> / <see cref="LineTooLong"/>.
        /// </summary>
        internal int ReadLine(out int start)
        {
            start = 0;
            while (true)
            {
                int from = _scan > _pos ? _scan : _pos;
                for (int i = from; i < _end; i++)
                {
                    if (_buffer[i] == 10)
                    {
                        start = _pos;
                        int length = i - _pos;
                        if (length > 0 && _buffer[i - 1] == 13)
                        {
                            length--;
                        }

                        _lastLineBytes = i + 1 - _pos;
                        _pos = i + 1;
                        _scan = _pos;
                        return length;
                    }
                }

                _scan = _end;
                if (_pos > 0)
                {
                    // Moving left over itself: front to back is safe.
                    int kept = _end - _pos;
                    for (int i = 0; i < kept; i++)
                    {
                        _buffer[i] = _buffer[_pos + i];
                    }

                    _scan -= _pos;
                    _end = kept;
                    _pos = 0;
                }

                if (_end == _buffer.Length)
                {
                    return LineTooLong;
                }

                int n = _connection.Read(_buffer, _end, _buffer.Length - _end);
                if (n <= 0)
                {
                    return LineEof;
                }

                _end += n;
            }
        }

        internal void BeginEmpty()
        {
            _mode = ModeEmpty;
        }

        internal void BeginLength(long length)
        {
            _mode = ModeLength;
            _remaining = length;
        }

        internal void BeginChunked()
        {
            _mode = ModeChunked;
            _chunkState = ChunkSize;
        }

        internal void BeginUntilClose()
        {
            _mode = ModeUntilClose;
        }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (_owner.IsDisposed)
            {
                throw new ObjectDisposedException("Http1Exchange");
            }

            if (count == 0)
            {
                return 0;
            }

            try
            {
                int read = ReadBody(buffer, offset, count);
                _position += read;
                return read;
            }
            catch (IOException)
            {
                throw;
            }
            catch (Exception e)
            {
                // A socket timeout, a disposed SslStream...: to the reader it is a lost connection.
                throw new IOException("connection lost while reading the response body", e);
            }
        }

        private int ReadBody(byte[] buffer, int offset, int count)
        {
            switch (_mode)
            {
                case ModeLength:
                    if (_remaining == 0)
                    {
                        return 0;
                    }

                    int read = ReadData(buffer, offset, count < _remaining ? count : (int)_remaining);
                    if (read == 0)
                    {
                        throw new IOException("connection lost before the end of the response body (Content-Length)");
                    }

                    _remaining -= read;
                    return read;

                case ModeChunked:
                    return ReadChunked(buffer, offset, count);

                case ModeUntilClose:
                    if (_closed)
                    {
                        return 0;
                    }

                    read = ReadData(buffer, offset, count);
                    _closed = read == 0;
                    return read;

                default:
                    return 0;
            }
        }

        private int ReadChunked(byte[] buffer, int offset, int count)
        {
            while (true)
            {
                int start;
                int length;
                switch (_chunkState)
                {
                    case ChunkSize:
                        length = ReadBodyLine(out start);
                        long size = ParseChunkSize(start, length);
                        if (size < 0)
                        {
                            throw new IOException("malformed chunk size line in the response body");
                        }

                        if (size == 0)
                        {
                            SkipTrailers();
                            _chunkState = ChunksDone;
                            return 0;
                        }

                        _remaining = size;
                        _chunkState = ChunkData;
                        break;

                    case ChunkData:
                        int read = ReadData(buffer, offset, count < _remaining ? count : (int)_remaining);
                        if (read == 0)
                        {
                            throw new IOException("connection lost inside a chunk of the response body");
                        }

                        _remaining -= read;
                        if (_remaining == 0)
                        {
                            _chunkState = ChunkEnd;
                        }

                        return read;

                    case ChunkEnd:
                        if (ReadBodyLine(out start) != 0)
                        {
                            throw new IOException("chunk data not followed by CRLF in the response body");
                        }

                        _chunkState = ChunkSize;
                        break;

                    default:
                        return 0;
                }
            }
        }

        /// <summary>Trailer fields are not for the core: read past them within the same bounds as headers.</summary>
        private void SkipTrailers()
        {
            int lines = 0;
            int bytes = 0;
            int start;
            while (ReadBodyLine(out start) > 0)
            {
                lines++;
                bytes += _lastLineBytes;
                if (lines > Http1Exchange.MaxHeaderLines || bytes > Http1Exchange.MaxHeadBytes)
                {
                    throw new IOException("too many trailer fields after the response body");
                }
            }
        }

        private int ReadBodyLine(out int start)
        {
            int length = ReadLine(out start);
            if (length == LineEof)
            {
                throw new IOException("connection lost inside the chunk framing of the response body");
            }

            if (length == LineTooLong)
            {
                throw new IOException("chunk framing line longer than the scratch buffer");
            }

            return length;
        }

        /// <summary>hex digits, then optional blanks and ";extension" (ignored) → the size, or -1.</summary>
        private long ParseChunkSize(int start, int length)
        {
            int end = start + length;
            int i = start;
            long size = 0;
            while (i < end && HexValue(_buffer[i]) >= 0)
            {
                if (i - start == MaxChunkHexDigits)
                {
                    return -1;
                }

                size = (size << 4) | (long)HexValue(_buffer[i]);
                i++;
            }

            if (i == start || size > int.MaxValue)
            {
                return -1;
            }

            while (i < end && (_buffer[i] == ' ' || _buffer[i] == '\t'))
            {
                i++;
            }

            if (i < end && _buffer[i] != ';')
            {
                return -1;
            }

            for (; i < end; i++)
            {
                if (Http1Exchange.IsControl(_buffer[i]))
                {
                    return -1;
                }
            }

            return size;
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>Body bytes: what the scratch buffer still holds, else straight from the connection.</summary>
        private int ReadData(byte[] buffer, int offset, int count)
        {
            int buffered = _end - _pos;
            if (buffered > 0)
            {
                int n = count < buffered ? count : buffered;
                Array.Copy(_buffer, _pos, buffer, offset, n);
                _pos += n;
                return n;
            }

            int read = _connection.Read(buffer, offset, count);
            return read < 0 ? 0 : read;
        }

        /// <summary>Body bytes read so far.</summary>
        public override long Position
        {
            get { return _position; }
            set { throw new NotSupportedException(); }
        }
    }
}

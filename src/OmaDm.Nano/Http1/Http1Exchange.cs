using System;
using System.IO;
using System.Text;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Http1
{
    /// <summary>
    /// One HTTP/1.1 request and response over an already-open duplex stream (a socket, or an
    /// <c>SslStream</c> that has finished its handshake, client certificate included): the exchange
    /// for transports that open their own connections. See <see cref="IHttpExchange"/> for the
    /// order of use.
    /// </summary>
    /// <remarks>
    /// <para>Memory: one caller-provided scratch buffer does everything. Until the request is sent it
    /// holds the request head (rendered by the constructor) and the body; a body that fits goes out
    /// with Content-Length in one write, a longer one as chunks of one buffer each (one write, so
    /// one TLS record, per chunk). Afterwards the same buffer receives the response head and chunk
    /// framing; body bytes go straight into the reader's buffer. Only the strings kept from the
    /// response (Content-Type, ETag) are allocated.</para>
    /// <para>One exchange per connection ("Connection: close"), so a body without a length simply
    /// ends when the server closes.</para>
    /// <para>Failures: a head the server garbles or oversizes is <see cref="TransportResult.ConnectionLost"/>,
    /// as the host binding reports an invalid response; so is an <see cref="IOException"/> or
    /// <see cref="ObjectDisposedException"/> from the connection during <see cref="Send"/>. Other
    /// exceptions from the connection (nanoFramework's SocketException for a receive timeout) leave
    /// <see cref="Send"/> unchanged, for the transport that set the timeout to classify; one raised
    /// while a chunk was written through <see cref="RequestBody"/> is thrown by <see cref="Send"/>.
    /// Reading <see cref="ResponseBody"/> throws only <see cref="IOException"/>, as the contract says.</para>
    /// </remarks>
    public sealed class Http1Exchange : IHttpExchange
    {
        /// <summary>Smallest scratch buffer accepted, in bytes: a modest request head plus some body room.</summary>
        public const int MinBufferBytes = 512;

        /// <summary>Most bytes accepted for response heads (status lines, header lines and blank lines, interim responses included).</summary>
        public const int MaxHeadBytes = 8192;

        /// <summary>Most header lines accepted in one response head, and trailer lines after a chunked body.</summary>
        public const int MaxHeaderLines = 64;

        // Room kept between the request head and the body for the framing written at send time:
        // "Transfer-Encoding: chunked\r\n\r\n" (30) + the first chunk's "7fffffff\r\n" (10); also
        // covers "Content-Length: 2147483647\r\n\r\n" (30).
        private const int FramingReserve = 40;

        // Room kept after the body: the chunk's closing CRLF (2) + the last chunk "0\r\n\r\n" (5).
        private const int TrailerReserve = 7;

        // Less body room than this would send a flood of tiny chunks: refuse the request instead.
        private const int MinBodyRoom = 64;

        private const byte Cr = 13;
        private const byte Lf = 10;

        private readonly HttpRequest _request;
        private readonly HttpTarget _target;
        private readonly Stream _connection;
        private readonly byte[] _buffer;
        private readonly Http1RequestBody _body;
        private Http1ResponseBody _response;
        private TransportResult _failure = TransportResult.Success;
        private Exception _deferred;
        private int _headLength;
        private int _dataStart;
        private int _dataEnd;
        private int _dataCount;
        private bool _chunked;
        private bool _sent;
        private bool _disposed;
        private int _cursor;
        private int _limit;

        private int _statusCode;
        private string _contentType;
        private long _contentLength = -1;
        private string _etag;
        private long _rangeStart = -1;
        private long _rangeTotal = -1;
        private bool _responseChunked;
        private bool _sawTransferEncoding;

        /// <summary>Prepares the exchange and renders the request head; nothing is written before the body outgrows the buffer or <see cref="Send"/>.</summary>
        /// <param name="request">What to send. A header value with a control character (CR, LF...) or non-ASCII, or a method other than GET, POST, PUT, makes <see cref="Send"/> return <see cref="TransportResult.BadRequest"/> without writing a byte.</param>
        /// <param name="target">From <see cref="HttpTarget.TryParse"/> of <see cref="HttpRequest.Url"/>: the request line and Host header.</param>
        /// <param name="connection">Open, and for https authenticated, duplex stream. Owned: disposed with the exchange (not when this constructor throws).</param>
        /// <param name="buffer">Scratch buffer of at least <see cref="MinBufferBytes"/> (2048 suits a DM package): request head and body, then response head and chunk framing. Owned by the exchange until it is disposed.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is shorter than <see cref="MinBufferBytes"/>.</exception>
        public Http1Exchange(HttpRequest request, HttpTarget target, Stream connection, byte[] buffer)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            if (target == null)
            {
                throw new ArgumentNullException("target");
            }

            if (connection == null)
            {
                throw new ArgumentNullException("connection");
            }

            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (buffer.Length < MinBufferBytes)
            {
                throw new ArgumentException("scratch buffer smaller than Http1Exchange.MinBufferBytes", "buffer");
            }

            _request = request;
            _target = target;
            _connection = connection;
            _buffer = buffer;
            bool hasBody = request.Method == "POST" || request.Method == "PUT";
            if (hasBody)
            {
                _body = new Http1RequestBody(this);
            }

            _failure = RenderHead(hasBody);
        }

        /// <inheritdoc />
        public Stream RequestBody
        {
            get { return _body; }
        }

        /// <inheritdoc />
        public int StatusCode
        {
            get { return _statusCode; }
        }

        /// <inheritdoc />
        public string ContentType
        {
            get { return _contentType; }
        }

        /// <inheritdoc />
        public long ContentLength
        {
            get { return _contentLength; }
        }

        /// <inheritdoc />
        public string ETag
        {
            get { return _etag; }
        }

        /// <inheritdoc />
        public long RangeStart
        {
            get { return _rangeStart; }
        }

        /// <inheritdoc />
        public long RangeTotal
        {
            get { return _rangeTotal; }
        }

        /// <summary>The response body, framed by Content-Length, chunks or the end of the connection; null until <see cref="Send"/> succeeded.</summary>
        public Stream ResponseBody
        {
            get { return _response; }
        }

        internal bool IsDisposed
        {
            get { return _disposed; }
        }

        /// <inheritdoc />
        public TransportResult Send()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("Http1Exchange");
            }

            if (_sent)
            {
                throw new InvalidOperationException("Send was already called on this exchange");
            }

            _sent = true;
            if (_deferred != null)
            {
                Exception deferred = _deferred;
                _deferred = null;
                throw deferred;
            }

            if (_failure != TransportResult.Success)
            {
                return _failure;
            }

            bool done = false;
            try
            {
                FinishRequest();
                _connection.Flush();
                Http1ResponseBody reader = new Http1ResponseBody(this, _connection, _buffer);
                TransportResult result = ReadResponseHead(reader);
                if (result == TransportResult.Success)
                {
                    _response = reader;
                    done = true;
                }

                return result;
            }
            catch (IOException)
            {
                return TransportResult.ConnectionLost;
            }
            catch (ObjectDisposedException)
            {
                return TransportResult.ConnectionLost;
            }
            finally
            {
                if (!done)
                {
                    ClearResponse();
                }
            }
        }

        /// <summary>Disposes the connection (once); the response body stops working.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _connection.Dispose();
            }
            catch (Exception)
            {
                // Closing a broken TLS connection may throw; the connection is gone either way.
            }
        }

        internal void WriteBody(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (_disposed)
            {
                throw new ObjectDisposedException("Http1Exchange");
            }

            if (_sent)
            {
                throw new InvalidOperationException("request already sent");
            }

            while (count > 0 && _failure == TransportResult.Success)
            {
                int room = _dataEnd - _dataStart - _dataCount;
                if (room == 0)
                {
                    // Full, and more is coming: the body no longer fits, so it goes chunked. Waiting
                    // for more before sending keeps a body of exactly one buffer on Content-Length.
                    WriteChunkSafely();
                    continue;
                }

                int n = count < room ? count : room;
                Array.Copy(data, offset, _buffer, _dataStart + _dataCount, n);
                _dataCount += n;
                offset += n;
                count -= n;
            }
        }

        internal bool CanWriteBody
        {
            get { return !_sent && !_disposed; }
        }

        private void WriteChunkSafely()
        {
            // The package writer above must not see the network at a random place: record the
            // failure, drop later writes, and let Send report it.
            try
            {
                WriteChunk(false);
            }
            catch (IOException)
            {
                _failure = TransportResult.ConnectionLost;
            }
            catch (ObjectDisposedException)
            {
                _failure = TransportResult.ConnectionLost;
            }
            catch (Exception e)
            {
                _failure = TransportResult.ConnectionLost;
                _deferred = e;
            }
        }

        private void FinishRequest()
        {
            if (_body == null)
            {
                _buffer[_headLength] = Cr;
                _buffer[_headLength + 1] = Lf;
                _connection.Write(_buffer, 0, _headLength + 2);
                return;
            }

            if (_chunked)
            {
                WriteChunk(true);
                return;
            }

            int tailLength = 16 + DecimalLength(_dataCount) + 4;
            _cursor = _dataStart - tailLength;
            _limit = _dataStart;
            Put("Content-Length: ");
            PutDecimal(_dataCount);
            Put("\r\n\r\n");
            int start = PlaceHeadBefore(_dataStart - tailLength);
            _connection.Write(_buffer, start, _dataStart + _dataCount - start);
        }

        /// <summary>Sends the buffered body bytes as one chunk (with the head before the first, the last chunk after the final one) in one write.</summary>
        private void WriteChunk(bool last)
        {
            int start = _dataStart;
            int end = _dataStart + _dataCount;
            if (_dataCount > 0)
            {
                int sizeLength = HexLength(_dataCount) + 2;
                start = _dataStart - sizeLength;
                PutHex(_dataCount, start, sizeLength - 2);
                _buffer[_dataStart - 2] = Cr;
                _buffer[_dataStart - 1] = Lf;
                _buffer[end++] = Cr;
                _buffer[end++] = Lf;
            }

            if (last)
            {
                _buffer[end++] = (byte)'0';
                _buffer[end++] = Cr;
                _buffer[end++] = Lf;
                _buffer[end++] = Cr;
                _buffer[end++] = Lf;
            }

            if (!_chunked)
            {
                const string Framing = "Transfer-Encoding: chunked\r\n\r\n";
                _cursor = start - Framing.Length;
                _limit = start;
                Put(Framing);
                start = PlaceHeadBefore(start - Framing.Length);
                _chunked = true;
            }

            _dataCount = 0;
            _connection.Write(_buffer, start, end - start);
        }

        /// <summary>Moves the head rendered at 0 to end at <paramref name="end"/>, so head, framing and body leave in one write; returns where it starts.</summary>
        private int PlaceHeadBefore(int end)
        {
            int start = end - _headLength;

            // Moving right over itself: copy from the back (Array.Copy's overlap handling is not
            // documented for nanoFramework).
            for (int i = _headLength - 1; i >= 0; i--)
            {
                _buffer[start + i] = _buffer[i];
            }

            return start;
        }

        private TransportResult RenderHead(bool hasBody)
        {
            HttpRequest r = _request;
            if (r.Method != "GET" && !hasBody)
            {
                return TransportResult.BadRequest;
            }

            if (!IsFieldValue(r.Accept) || !IsFieldValue(r.ContentType) || !IsFieldValue(r.DevId) || !IsFieldValue(r.IfRange))
            {
                return TransportResult.BadRequest;
            }

            _cursor = 0;
            _limit = _buffer.Length;
            int credentials = 0;
            int credentialsLength = 0;
            if (r.UserName != null)
            {
                // UTF-8 of "user:password" goes to the end of the (still empty) buffer, to be base64
                // encoded into the head: at most 3 bytes per UTF-16 unit, so the room is sure.
                int passwordChars = r.Password == null ? 0 : r.Password.Length;
                int room = 3 * (r.UserName.Length + 1 + passwordChars);
                if (room > _buffer.Length / 2)
                {
                    return TransportResult.BadRequest;
                }

                credentials = _buffer.Length - room;
                credentialsLength = Encoding.UTF8.GetBytes(r.UserName, 0, r.UserName.Length, _buffer, credentials);
                _buffer[credentials + credentialsLength] = (byte)':';
                credentialsLength++;
                if (passwordChars > 0)
                {
                    credentialsLength += Encoding.UTF8.GetBytes(r.Password, 0, passwordChars, _buffer, credentials + credentialsLength);
                }

                _limit = credentials;
            }

            bool fits = Put(r.Method) && Put(" ") && Put(_target.PathAndQuery) && Put(" HTTP/1.1\r\nHost: ") && Put(_target.Host);
            if (_target.Port != _target.DefaultPort)
            {
                fits = fits && Put(":") && PutDecimal(_target.Port);
            }

            fits = fits && Put("\r\nConnection: close\r\n")
                && PutField("Accept: ", r.Accept)
                && (!hasBody || PutField("Content-Type: ", r.ContentType))
                && PutField("OMADM-DevID: ", r.DevId);
            if (r.UserName != null)
            {
                int encoded = Base64Codec.EncodedLength(credentialsLength);
                fits = fits && Put("Authorization: Basic ") && _cursor + encoded <= _limit;
                if (fits)
                {
                    _cursor += Base64Codec.Encode(_buffer, credentials, credentialsLength, _buffer, _cursor);
                    _limit = _buffer.Length; // the UTF-8 credentials are spent
                    fits = Put("\r\n");
                }
            }

            if (r.RangeStart >= 0)
            {
                // As the host binding: If-Range needs a strong validator (RFC 9110 13.1.5). Without
                // one a Range could splice two versions of the resource, so ask for all of it; the
                // caller sees a 200 and restarts from byte 0, which is always safe.
                if (r.IfRange == null)
                {
                    fits = fits && Put("Range: bytes=") && PutDecimal(r.RangeStart) && Put("-\r\n");
                }
                else if (IsStrongEntityTag(r.IfRange))
                {
                    fits = fits && Put("Range: bytes=") && PutDecimal(r.RangeStart) && Put("-\r\n") && PutField("If-Range: ", r.IfRange);
                }
            }

            _headLength = _cursor;
            if (!fits)
            {
                return TransportResult.BadRequest;
            }

            if (!hasBody)
            {
                return _headLength + 2 <= _buffer.Length ? TransportResult.Success : TransportResult.BadRequest;
            }

            _dataStart = _headLength + FramingReserve;
            _dataEnd = _buffer.Length - TrailerReserve;
            return _dataEnd - _dataStart >= MinBodyRoom ? TransportResult.Success : TransportResult.BadRequest;
        }

        private TransportResult ReadResponseHead(Http1ResponseBody reader)
        {
            int headBytes = 0;
            while (true)
            {
                ClearResponse();
                int start;
                int length = reader.ReadLine(out start);
                if (length < 0)
                {
                    return TransportResult.ConnectionLost;
                }

                headBytes += reader.LastLineBytes;
                int status = ParseStatusLine(start, length);
                if (status < 0 || status == 101 || headBytes > MaxHeadBytes)
                {
                    // 101: we never asked to switch protocols; what follows is not HTTP/1.1.
                    return TransportResult.ConnectionLost;
                }

                bool final = status >= 200;
                int lines = 0;
                while (true)
                {
                    length = reader.ReadLine(out start);
                    if (length < 0)
                    {
                        return TransportResult.ConnectionLost;
                    }

                    headBytes += reader.LastLineBytes;
                    if (headBytes > MaxHeadBytes)
                    {
                        return TransportResult.ConnectionLost;
                    }

                    if (length == 0)
                    {
                        break;
                    }

                    lines++;
                    if (lines > MaxHeaderLines || !ParseHeader(start, length, final, status))
                    {
                        return TransportResult.ConnectionLost;
                    }
                }

                if (final)
                {
                    // 1xx responses (100 Continue and friends) are skipped: the loop reads the next head.
                    _statusCode = status;
                    if (_responseChunked)
                    {
                        // RFC 9112 6.3: with Transfer-Encoding, Content-Length does not frame the body.
                        _contentLength = -1;
                    }

                    if (status == 204 || status == 304)
                    {
                        // Never a body (RFC 9112 6.3), whatever the length headers describe.
                        reader.BeginEmpty();
                    }
                    else if (_responseChunked)
                    {
                        reader.BeginChunked();
                    }
                    else if (_contentLength >= 0)
                    {
                        reader.BeginLength(_contentLength);
                    }
                    else
                    {
                        reader.BeginUntilClose();
                    }

                    return TransportResult.Success;
                }
            }
        }

        /// <summary>"HTTP/1.x ddd[ reason]" → the status code, or -1.</summary>
        private int ParseStatusLine(int start, int length)
        {
            byte[] b = _buffer;
            if (length < 12 || !BytesEqual(start, "HTTP/1.") || (b[start + 7] != '0' && b[start + 7] != '1') || b[start + 8] != ' ')
            {
                return -1;
            }

            int status = 0;
            for (int i = 9; i < 12; i++)
            {
                byte c = b[start + i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                status = (status * 10) + (c - '0');
            }

            if (status < 100 || status > 599 || (length > 12 && b[start + 12] != ' '))
            {
                return -1;
            }

            for (int i = start + 13; i < start + length; i++)
            {
                if (IsControl(b[i]))
                {
                    return -1;
                }
            }

            return status;
        }

        /// <summary>Checks one "name: value" line and keeps what the core asks for; false = malformed.</summary>
        private bool ParseHeader(int start, int length, bool keep, int status)
        {
            byte[] b = _buffer;
            int end = start + length;
            int colon = start;
            while (colon < end && b[colon] != ':')
            {
                // Also refuses obs-fold (a line starting with blanks) and blanks before the colon.
                if (!IsTokenChar(b[colon]))
                {
                    return false;
                }

                colon++;
            }

            if (colon == start || colon == end)
            {
                return false;
            }

            int valueStart = colon + 1;
            int valueEnd = end;
            while (valueStart < valueEnd && IsBlank(b[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && IsBlank(b[valueEnd - 1]))
            {
                valueEnd--;
            }

            for (int i = valueStart; i < valueEnd; i++)
            {
                if (IsControl(b[i]))
                {
                    return false;
                }
            }

            if (!keep)
            {
                return true;
            }

            int nameLength = colon - start;
            if (NameIs(start, nameLength, "content-length"))
            {
                long value = ParseDigits(valueStart, valueEnd);
                if (value < 0 || (_contentLength >= 0 && _contentLength != value))
                {
                    return false;
                }

                _contentLength = value;
            }
            else if (NameIs(start, nameLength, "transfer-encoding"))
            {
                // We send no TE header, so "chunked" is all a server may use; anything else (gzip)
                // would hand the core bytes it cannot read.
                if (_sawTransferEncoding || valueEnd - valueStart != 7 || !ValueIsIgnoreCase(valueStart, "chunked"))
                {
                    return false;
                }

                _sawTransferEncoding = true;
                _responseChunked = true;
            }
            else if (NameIs(start, nameLength, "content-type"))
            {
                int mediaEnd = valueStart;
                while (mediaEnd < valueEnd && b[mediaEnd] != ';')
                {
                    mediaEnd++;
                }

                while (mediaEnd > valueStart && IsBlank(b[mediaEnd - 1]))
                {
                    mediaEnd--;
                }

                _contentType = AsciiString(valueStart, mediaEnd);
            }
            else if (NameIs(start, nameLength, "etag"))
            {
                _etag = AsciiString(valueStart, valueEnd);
            }
            else if (status == 206 && NameIs(start, nameLength, "content-range"))
            {
                ParseContentRange(valueStart, valueEnd);
            }

            return true;
        }

        /// <summary>"bytes first-last/total" or "bytes first-last/*"; anything else leaves the range unknown (-1), as the other bindings do.</summary>
        private void ParseContentRange(int start, int end)
        {
            if (end - start < 6 || !ValueIsIgnoreCase(start, "bytes") || _buffer[start + 5] != ' ')
            {
                return;
            }

            int dash = IndexOf(start + 6, end, '-');
            int slash = dash < 0 ? -1 : IndexOf(dash + 1, end, '/');
            if (slash < 0)
            {
                return;
            }

            long first = ParseDigits(start + 6, dash);
            long last = ParseDigits(dash + 1, slash);
            if (first < 0 || last < first)
            {
                return;
            }

            long total = -1;
            if (!(end - slash == 2 && _buffer[slash + 1] == '*'))
            {
                total = ParseDigits(slash + 1, end);
                if (total <= last)
                {
                    return;
                }
            }

            _rangeStart = first;
            _rangeTotal = total;
        }

        private void ClearResponse()
        {
            _statusCode = 0;
            _contentType = null;
            _contentLength = -1;
            _etag = null;
            _rangeStart = -1;
            _rangeTotal = -1;
            _responseChunked = false;
            _sawTransferEncoding = false;
        }

        /// <summary>1 to 18 decimal digits (cannot overflow a long) → the value; otherwise -1.</summary>
        private long ParseDigits(int start, int end)
        {
            if (end <= start || end - start > 18)
            {
                return -1;
            }

            long value = 0;
            for (int i = start; i < end; i++)
            {
                byte c = _buffer[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }

        private int IndexOf(int start, int end, char c)
        {
            for (int i = start; i < end; i++)
            {
                if (_buffer[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The kept header values are ASCII on any sane server; other bytes give null rather than a guess at their encoding.</summary>
        private string AsciiString(int start, int end)
        {
            if (end == start)
            {
                return null;
            }

            for (int i = start; i < end; i++)
            {
                if (_buffer[i] >= 0x80)
                {
                    return null;
                }
            }

            return Encoding.UTF8.GetString(_buffer, start, end - start);
        }

        private bool NameIs(int start, int length, string lowerName)
        {
            return length == lowerName.Length && ValueIsIgnoreCase(start, lowerName);
        }

        private bool ValueIsIgnoreCase(int start, string lower)
        {
            for (int i = 0; i < lower.Length; i++)
            {
                int c = _buffer[start + i];
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

        private bool BytesEqual(int start, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (_buffer[start + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool PutField(string name, string value)
        {
            return value == null || value.Length == 0 || (Put(name) && Put(value) && Put("\r\n"));
        }

        /// <summary>Appends ASCII text at the cursor; false when it would pass the limit.</summary>
        private bool Put(string text)
        {
            if (_cursor + text.Length > _limit)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_cursor++] = (byte)text[i];
            }

            return true;
        }

        private bool PutDecimal(long value)
        {
            int length = DecimalLength(value);
            if (_cursor + length > _limit)
            {
                return false;
            }

            for (int i = length - 1; i >= 0; i--)
            {
                _buffer[_cursor + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            _cursor += length;
            return true;
        }

        private void PutHex(int value, int start, int length)
        {
            const string Digits = "0123456789abcdef";
            for (int i = length - 1; i >= 0; i--)
            {
                _buffer[start + i] = (byte)Digits[value & 0xF];
                value >>= 4;
            }
        }

        private static int DecimalLength(long value)
        {
            int length = 1;
            while (value >= 10)
            {
                value /= 10;
                length++;
            }

            return length;
        }

        private static int HexLength(int value)
        {
            int length = 1;
            while (value >= 16)
            {
                value >>= 4;
                length++;
            }

            return length;
        }

        /// <summary>Null, or visible ASCII and spaces only: no CR/LF to split the head, nothing a server might decode differently.</summary>
        private static bool IsFieldValue(string value)
        {
            if (value == null)
            {
                return true;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < 0x20 || value[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A strong entity tag: <c>"etagc*"</c> (RFC 9110 8.8.3), not <c>W/"..."</c>.</summary>
        private static bool IsStrongEntityTag(string tag)
        {
            if (tag.Length < 2 || tag[0] != '"' || tag[tag.Length - 1] != '"')
            {
                return false;
            }

            for (int i = 1; i < tag.Length - 1; i++)
            {
                char c = tag[i];
                if (c <= ' ' || c == '"' || c >= 0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsTokenChar(byte c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+'
                || c == '-' || c == '.' || c == '^' || c == '_' || c == '`' || c == '|' || c == '~';
        }

        private static bool IsBlank(byte c)
        {
            return c == ' ' || c == '\t';
        }

        /// <summary>CTL other than HTAB (RFC 9110 5.5): never valid in a field value or reason phrase.</summary>
        internal static bool IsControl(byte c)
        {
            return (c < 0x20 && c != '\t') || c == 0x7F;
        }
    }
}

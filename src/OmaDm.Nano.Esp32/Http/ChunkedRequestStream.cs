using System;
using System.IO;
using System.Text;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// The request body of an <c>HttpWebRequestExchange</c> (through <see cref="IRequestBodySink"/>): buffers up to one fixed buffer,
    /// then streams the rest as HTTP/1.1 chunks.
    /// </summary>
    /// <remarks>
    /// Buffer ownership: the exchange allocates the buffer once; nothing else is allocated per
    /// write except the tiny chunk-size line. A failure while writing to the socket does not throw
    /// into the core's package writer at a random place: the stream records the
    /// <see cref="TransportResult"/>, swallows further writes, and <see cref="IHttpExchange.Send"/>
    /// returns the recorded result.
    /// </remarks>
    internal sealed class ChunkedRequestStream : Stream
    {
        private static readonly byte[] Crlf = new byte[] { 13, 10 };
        private static readonly byte[] LastChunk = new byte[] { (byte)'0', 13, 10, 13, 10 };

        private readonly IRequestBodySink _owner;
        private readonly byte[] _buffer;
        private int _count;
        private long _written;
        private Stream _socket;      // non-null once the request switched to chunked transfer
        private bool _finished;
        private TransportResult _failure = TransportResult.Success;

        internal ChunkedRequestStream(IRequestBodySink owner, byte[] buffer)
        {
            _owner = owner;
            _buffer = buffer;
        }

        internal bool Failed
        {
            get { return _failure != TransportResult.Success; }
        }

        internal TransportResult FailureResult
        {
            get { return _failure; }
        }

        public override bool CanRead
        {
            get { return false; }
        }

        public override bool CanSeek
        {
            get { return false; }
        }

        public override bool CanWrite
        {
            get { return !_finished; }
        }

        public override long Length
        {
            get { return _written; }
        }

        public override long Position
        {
            get { return _written; }
            set { throw new NotSupportedException(); }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (_finished)
            {
                throw new InvalidOperationException("request already sent");
            }

            _written += count;
            while (count > 0 && !Failed)
            {
                int room = _buffer.Length - _count;
                int n = count < room ? count : room;
                Array.Copy(buffer, offset, _buffer, _count, n);
                _count += n;
                offset += n;
                count -= n;
                if (_count == _buffer.Length)
                {
                    EmitChunk();
                }
            }
        }

        public override void Write(ReadOnlySpan<byte> data)
        {
            // Same path as the array overload, through a slice copy into the fixed buffer.
            int done = 0;
            while (done < data.Length)
            {
                int room = _buffer.Length - _count;
                int n = data.Length - done < room ? data.Length - done : room;
                byte[] slice = data.Slice(done, n).ToArray();
                Write(slice, 0, n);
                done += n;
            }
        }

        /// <summary>Called by <c>HttpWebRequestExchange.Send</c>: sends what is buffered and ends the body.</summary>
        internal bool FinishAndSend()
        {
            _finished = true;
            if (Failed)
            {
                return false;
            }

            try
            {
                if (_socket == null)
                {
                    // Whole body fits: plain Content-Length request.
                    _failure = _owner.Prepare(_count);
                    if (Failed)
                    {
                        return false;
                    }

                    if (_count > 0)
                    {
                        Stream s;
                        _failure = _owner.TryOpenRequestStream(out s);
                        if (Failed)
                        {
                            return false;
                        }

                        s.Write(_buffer, 0, _count);
                        s.Flush();
                    }

                    return true;
                }

                if (_count > 0)
                {
                    WriteChunk(_buffer, _count);
                }

                _socket.Write(LastChunk, 0, LastChunk.Length);
                _socket.Flush();
                return true;
            }
            catch (Exception e)
            {
                _failure = _owner.MapSendFailure(e);
                return false;
            }
        }

        private void EmitChunk()
        {
            try
            {
                if (_socket == null)
                {
                    _failure = _owner.Prepare(-1);
                    if (Failed)
                    {
                        return;
                    }

                    Stream opened;
                    _failure = _owner.TryOpenRequestStream(out opened);
                    if (Failed)
                    {
                        return;
                    }

                    _socket = opened;
                }

                WriteChunk(_buffer, _count);
                _count = 0;
            }
            catch (Exception e)
            {
                _failure = _owner.MapSendFailure(e);
            }
        }

        private void WriteChunk(byte[] data, int count)
        {
            byte[] size = Encoding.UTF8.GetBytes(Hex(count));
            _socket.Write(size, 0, size.Length);
            _socket.Write(Crlf, 0, Crlf.Length);
            _socket.Write(data, 0, count);
            _socket.Write(Crlf, 0, Crlf.Length);
        }

        internal static string Hex(int value)
        {
            const string Digits = "0123456789abcdef";
            if (value == 0)
            {
                return "0";
            }

            char[] text = new char[8];
            int pos = text.Length;
            while (value > 0)
            {
                text[--pos] = Digits[value & 0xF];
                value >>= 4;
            }

            return new string(text, pos, text.Length - pos);
        }

        public override void Flush()
        {
            // Nothing to do: chunks leave when the buffer is full or at Send.
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }
    }
}

using System;
using System.IO;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// Read-only view of a response body that turns every failure of the underlying socket or TLS
    /// stream into <see cref="IOException"/>, the one exception the core expects while reading.
    /// </summary>
    internal sealed class ResponseBodyStream : Stream
    {
        private readonly Stream _inner;
        private long _read;

        internal ResponseBodyStream(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead
        {
            get { return true; }
        }

        public override bool CanSeek
        {
            get { return false; }
        }

        public override bool CanWrite
        {
            get { return false; }
        }

        public override long Length
        {
            get { throw new NotSupportedException(); }
        }

        public override long Position
        {
            get { return _read; }
            set { throw new NotSupportedException(); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_inner == null)
            {
                return 0;
            }

            try
            {
                int n = _inner.Read(buffer, offset, count);
                _read += n;
                return n;
            }
            catch (IOException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new IOException("connection lost while reading the response", e);
            }
        }

        public override int Read(Span<byte> buffer)
        {
            if (_inner == null)
            {
                return 0;
            }

            try
            {
                int n = _inner.Read(buffer);
                _read += n;
                return n;
            }
            catch (IOException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new IOException("connection lost while reading the response", e);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            throw new NotSupportedException();
        }
    }
}

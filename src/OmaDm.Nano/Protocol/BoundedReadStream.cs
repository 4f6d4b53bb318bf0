using System;
using System.IO;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// Read-only view of a stream that ends after a byte limit and remembers that the source had
    /// more: a Package#2 or an MO body over the limit reads as truncated, and
    /// <see cref="LimitExceeded"/> says why. Reusable through <see cref="Reset"/> so a session
    /// allocates it once.
    /// </summary>
    public sealed class BoundedReadStream : Stream
    {
        private Stream _source;
        private long _limit;
        private long _position;
        private bool _exceeded;
        private readonly byte[] _probe = new byte[1];

        /// <summary>A view with no source yet; call <see cref="Reset"/> before reading.</summary>
        public BoundedReadStream()
        {
        }

        /// <summary>A view over <paramref name="source"/> (see <see cref="Reset"/>).</summary>
        public BoundedReadStream(Stream source, long limitBytes)
        {
            Reset(source, limitBytes);
        }

        /// <summary>Points the view at a new source.</summary>
        /// <param name="source">Stream to read; not disposed by this view.</param>
        /// <param name="limitBytes">Bytes allowed before the view reports the end.</param>
        public void Reset(Stream source, long limitBytes)
        {
            _source = source;
            _limit = limitBytes;
            _position = 0;
            _exceeded = false;
        }

        /// <summary>True once a read found bytes beyond the limit.</summary>
        public bool LimitExceeded { get { return _exceeded; } }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_source == null)
            {
                return 0;
            }

            long left = _limit - _position;
            if (left <= 0)
            {
                if (!_exceeded && _source.Read(_probe, 0, 1) > 0)
                {
                    _exceeded = true;
                }

                return 0;
            }

            if (count > left)
            {
                count = (int)left;
            }

            int read = _source.Read(buffer, offset, count);
            _position += read;
            return read;
        }

#if NANOFRAMEWORK_1_0
        // nanoFramework's 2.x Stream makes the span overloads abstract. The core reads through the
        // array overload only; this one copies through it for any platform code that asks.

        /// <inheritdoc />
        public override int Read(Span<byte> buffer)
        {
            byte[] chunk = new byte[buffer.Length];
            int read = Read(chunk, 0, chunk.Length);
            for (int i = 0; i < read; i++)
            {
                buffer[i] = chunk[i];
            }

            return read;
        }

        /// <inheritdoc />
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            throw new NotSupportedException();
        }
#endif

        /// <inheritdoc />
        public override bool CanRead { get { return true; } }

        /// <inheritdoc />
        public override bool CanSeek { get { return false; } }

        /// <inheritdoc />
        public override bool CanWrite { get { return false; } }

        /// <inheritdoc />
        public override long Length { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override long Position
        {
            get { return _position; }
            set { throw new NotSupportedException(); }
        }

        /// <inheritdoc />
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }
    }
}

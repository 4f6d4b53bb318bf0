using System;
using System.IO;

using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// Read-only view of a stream that ends after a byte limit and remembers that the source had
    /// more: a Package#2 or an MO body over the limit reads as truncated, and
    /// <see cref="LimitExceeded"/> says why. Reusable through <see cref="Reset"/> so a session
    /// allocates it once.
    /// </summary>
    public sealed class BoundedReadStream : ReadOnlyStream
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

        /// <inheritdoc />
        public override long Position
        {
            get { return _position; }
            set { throw new NotSupportedException(); }
        }
    }
}

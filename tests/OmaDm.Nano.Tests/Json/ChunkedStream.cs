using System;
using System.IO;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>
    /// Read-only stream over a byte array that returns at most <c>chunk</c> bytes per Read and,
    /// optionally, ends one Read exactly at <c>splitAt</c>: the network's arbitrary segment
    /// boundaries, reproducibly. Counts reads and the largest request.
    /// </summary>
    public sealed class ChunkedStream : Stream
    {
        private readonly byte[] _data;
        private readonly int _chunk;
        private readonly int _splitAt;
        private int _position;

        /// <summary>Serves <paramref name="data"/> at most <paramref name="chunk"/> bytes per Read.</summary>
        public ChunkedStream(byte[] data, int chunk) : this(data, chunk, -1) { }

        /// <summary>As above, and no Read crosses offset <paramref name="splitAt"/>.</summary>
        public ChunkedStream(byte[] data, int chunk, int splitAt)
        {
            _data = data;
            _chunk = chunk;
            _splitAt = splitAt;
        }

        /// <summary>Number of Read calls so far.</summary>
        public int ReadCount { get; private set; }

        /// <summary>Bytes handed out so far.</summary>
        public int BytesRead { get { return _position; } }

        /// <inheritdoc/>
        public override bool CanRead { get { return true; } }
        /// <inheritdoc/>
        public override bool CanSeek { get { return false; } }
        /// <inheritdoc/>
        public override bool CanWrite { get { return false; } }
        /// <inheritdoc/>
        public override long Length { get { return _data.Length; } }
        /// <inheritdoc/>
        public override long Position { get { return _position; } set { throw new NotSupportedException(); } }

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadCount++;
            int n = count;
            if (n > _chunk)
            {
                n = _chunk;
            }
            if (n > _data.Length - _position)
            {
                n = _data.Length - _position;
            }
            if (_splitAt > _position && _position + n > _splitAt)
            {
                n = _splitAt - _position;
            }
            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        /// <inheritdoc/>
        public override void Flush() { }
        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        /// <inheritdoc/>
        public override void SetLength(long value) { throw new NotSupportedException(); }
        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }
}

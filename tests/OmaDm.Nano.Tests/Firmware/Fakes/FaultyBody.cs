using System;
using System.IO;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>A response body over the repository's image from an offset, applying its drop and truncation knobs.</summary>
    public sealed class FaultyBody : Stream
    {
        private readonly MemoryRepository _repository;
        private int _position;

        internal FaultyBody(MemoryRepository repository, int start)
        {
            _repository = repository;
            _position = start;
        }

        /// <inheritdoc />
        public override bool CanRead { get { return true; } }

        /// <inheritdoc />
        public override bool CanSeek { get { return false; } }

        /// <inheritdoc />
        public override bool CanWrite { get { return false; } }

        /// <inheritdoc />
        public override long Length { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override long Position { get { return _position; } set { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count > _repository.LargestRead)
            {
                _repository.LargestRead = count;
            }

            int end = _repository.Image.Length;
            if (_repository.TruncateAt >= 0 && _repository.TruncateAt < end)
            {
                end = _repository.TruncateAt;
            }

            if (_repository.FailAtOffset >= 0 && _position >= _repository.FailAtOffset)
            {
                _repository.FailAtOffset = -1;
                throw new IOException("connection dropped (test)");
            }

            int limit = end;
            if (_repository.FailAtOffset >= 0 && _repository.FailAtOffset < limit)
            {
                limit = _repository.FailAtOffset;
            }

            int n = limit - _position;
            if (n > count)
            {
                n = count;
            }

            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(_repository.Image, _position, buffer, offset, n);
            _position += n;
            _repository.BytesServed += n;
            return n;
        }

#if NANOFRAMEWORK_1_0
        /// <summary>Abstract on nanoFramework 2.x; the downloader reads through the array overload only.</summary>
        public override int Read(Span<byte> buffer)
        {
            throw new NotSupportedException();
        }

        /// <summary>Abstract on nanoFramework 2.x; the body is read-only.</summary>
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            throw new NotSupportedException();
        }
#endif

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

using System;
using System.IO;

namespace OmaDm.Nano.Platform
{
    /// <summary>
    /// Base of the core's forward-only, read-only body views: everything but <c>Read</c> and
    /// <c>Position</c> is fixed here once, including the span members nanoFramework's 2.x
    /// <see cref="Stream"/> makes abstract.
    /// </summary>
    public abstract class ReadOnlyStream : Stream
    {
#if NANOFRAMEWORK_1_0
        // The core reads through the array overload only; this one copies through it for any
        // platform code that asks.

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

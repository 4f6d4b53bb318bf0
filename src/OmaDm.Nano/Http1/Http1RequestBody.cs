using System;
using System.IO;

namespace OmaDm.Nano.Http1
{
    /// <summary>
    /// The write-only request body of an <see cref="Http1Exchange"/>; the exchange buffers and frames
    /// what is written. Network failures do not surface here: they are recorded, later writes are
    /// dropped, and <see cref="Http1Exchange.Send"/> reports them.
    /// </summary>
    internal sealed class Http1RequestBody : Stream
    {
        private readonly Http1Exchange _owner;
        private long _written;

        internal Http1RequestBody(Http1Exchange owner)
        {
            _owner = owner;
        }

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count)
        {
            _owner.WriteBody(buffer, offset, count);
            _written += count;
        }

#if NANOFRAMEWORK_1_0
        // nanoFramework's 2.x Stream makes the span overloads abstract. The core writes through the
        // array overload only; this one copies through it for any platform code that asks.

        /// <inheritdoc />
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            byte[] chunk = new byte[buffer.Length];
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = buffer[i];
            }

            Write(chunk, 0, chunk.Length);
        }

        /// <inheritdoc />
        public override int Read(Span<byte> buffer)
        {
            throw new NotSupportedException();
        }
#endif

        /// <inheritdoc />
        public override bool CanRead { get { return false; } }

        /// <inheritdoc />
        public override bool CanSeek { get { return false; } }

        /// <inheritdoc />
        public override bool CanWrite { get { return _owner.CanWriteBody; } }

        /// <inheritdoc />
        public override long Length { get { throw new NotSupportedException(); } }

        /// <summary>Bytes written so far.</summary>
        public override long Position
        {
            get { return _written; }
            set { throw new NotSupportedException(); }
        }

        /// <summary>Nothing to do: chunks leave when the buffer is full, the rest at Send.</summary>
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
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
    }
}

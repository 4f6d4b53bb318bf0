using System;
using System.IO;

namespace OmaDm.Nano.Tree
{
    /// <summary>Read-only view of a body that ends after <c>limit</c> bytes and records whether more was there.</summary>
    internal sealed class BoundedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _limit;
        private long _read;

        internal BoundedStream(Stream inner, long limit)
        {
            _inner = inner;
            _limit = limit;
        }

        /// <summary>True once the body was found to be longer than the limit.</summary>
        internal bool Exceeded { get; private set; }

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Position
        {
            get { return _read; }
            set { throw new NotSupportedException(); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= _limit)
            {
                // Probe one byte so an exact-size body is not mistaken for an oversize one.
                if (!Exceeded && _inner.ReadByte() >= 0)
                {
                    Exceeded = true;
                }
                return 0;
            }
            if (count > _limit - _read)
            {
                count = (int)(_limit - _read);
            }
            int n = _inner.Read(buffer, offset, count);
            _read += n;
            return n;
        }

#if NANOFRAMEWORK_1_0
        /// <summary>Abstract on nanoFramework 1.x; the tree's readers use the array overload, this one copies through it.</summary>
        public override int Read(SpanByte buffer)
        {
            byte[] chunk = new byte[buffer.Length];
            int n = Read(chunk, 0, chunk.Length);
            for (int i = 0; i < n; i++)
            {
                buffer[i] = chunk[i];
            }
            return n;
        }
#endif

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }
}

using System;
using System.IO;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>A body whose connection drops after <c>failAfter</c> bytes (IOException, as the platform reports it).</summary>
    public sealed class ThrowingStream : Stream
    {
        private readonly byte[] _data;
        private readonly int _failAfter;
        private int _position;

        public ThrowingStream(byte[] data, int failAfter)
        {
            _data = data;
            _failAfter = failAfter;
        }

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { return _data.Length; } }
        public override long Position { get { return _position; } set { throw new NotSupportedException(); } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= _failAfter)
            {
                throw new IOException("connection lost");
            }
            int n = count; // no System.Math in the device test build
            if (n > _data.Length - _position)
            {
                n = _data.Length - _position;
            }
            if (n > _failAfter - _position)
            {
                n = _failAfter - _position;
            }
            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

#if NANOFRAMEWORK_1_0
        // Abstract on nanoFramework 2.x; the code under test reads through the array overload.
        public override int Read(Span<byte> buffer) { throw new NotSupportedException(); }
        public override void Write(ReadOnlySpan<byte> buffer) { throw new NotSupportedException(); }
#endif

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }
}

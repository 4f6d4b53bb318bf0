using System;
using System.IO;
using System.Text;

namespace OmaDm.Nano.Tests.Http1
{
    /// <summary>
    /// A duplex connection for the HTTP/1.1 tests: serves scripted response bytes at most
    /// <c>maxRead</c> per Read (the network's arbitrary segment boundaries), captures what the
    /// client writes, and can fail like a dropped socket.
    /// </summary>
    public sealed class FakeConnection : Stream
    {
        private readonly byte[] _response;
        private readonly int _maxRead;
        private readonly MemoryStream _written = new MemoryStream();
        private int _position;

        /// <summary>Serves <paramref name="response"/> (UTF-8) at most <paramref name="maxRead"/> bytes per Read.</summary>
        public FakeConnection(string response, int maxRead) : this(Encoding.UTF8.GetBytes(response), maxRead) { }

        /// <summary>Serves <paramref name="response"/> at most <paramref name="maxRead"/> bytes per Read.</summary>
        public FakeConnection(byte[] response, int maxRead)
        {
            _response = response;
            _maxRead = maxRead;
            FailReadsAt = -1;
        }

        /// <summary>When set, a Read at or past this response offset throws <see cref="ReadFailure"/>.</summary>
        public int FailReadsAt { get; set; }

        /// <summary>What a failing Read throws (IOException unless a test wants another kind).</summary>
        public Exception ReadFailure { get; set; }

        /// <summary>When set, every Write throws it.</summary>
        public Exception WriteFailure { get; set; }

        /// <summary>Number of Write calls that reached the connection.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Number of Flush calls.</summary>
        public int FlushCount { get; private set; }

        /// <summary>Largest count a Read asked for: shows whether body reads went straight to the caller's buffer.</summary>
        public int LargestReadRequest { get; private set; }

        /// <summary>Number of times the connection was disposed.</summary>
        public int DisposeCount { get; private set; }

        /// <summary>Everything the client wrote.</summary>
        public byte[] Written { get { return _written.ToArray(); } }

        /// <summary>Everything the client wrote, as text (request heads are ASCII).</summary>
        public string WrittenText
        {
            get
            {
                byte[] bytes = _written.ToArray();
                return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
            }
        }

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count > LargestReadRequest)
            {
                LargestReadRequest = count;
            }

            if (FailReadsAt >= 0 && _position >= FailReadsAt)
            {
                throw ReadFailure != null ? ReadFailure : new IOException("connection reset");
            }

            int n = count;
            if (n > _maxRead)
            {
                n = _maxRead;
            }

            if (n > _response.Length - _position)
            {
                n = _response.Length - _position;
            }

            if (FailReadsAt >= 0 && n > FailReadsAt - _position)
            {
                n = FailReadsAt - _position;
            }

            Array.Copy(_response, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (WriteFailure != null)
            {
                throw WriteFailure;
            }

            WriteCount++;
            _written.Write(buffer, offset, count);
        }

#if NANOFRAMEWORK_1_0
        // Abstract on nanoFramework 2.x; the code under test uses the array overloads.
        public override int Read(Span<byte> buffer) { throw new NotSupportedException(); }
        public override void Write(ReadOnlySpan<byte> buffer) { throw new NotSupportedException(); }
#endif

        /// <inheritdoc/>
        public override void Flush()
        {
            FlushCount++;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            DisposeCount++;
            base.Dispose(disposing);
        }

        /// <inheritdoc/>
        public override bool CanRead { get { return true; } }

        /// <inheritdoc/>
        public override bool CanSeek { get { return false; } }

        /// <inheritdoc/>
        public override bool CanWrite { get { return true; } }

        /// <inheritdoc/>
        public override long Length { get { throw new NotSupportedException(); } }

        /// <inheritdoc/>
        public override long Position
        {
            get { throw new NotSupportedException(); }
            set { throw new NotSupportedException(); }
        }

        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }

        /// <inheritdoc/>
        public override void SetLength(long value) { throw new NotSupportedException(); }
    }
}

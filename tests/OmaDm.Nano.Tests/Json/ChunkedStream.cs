using System.IO;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>
    /// Read-only stream over a byte array that returns at most <c>chunk</c> bytes per Read and,
    /// optionally, ends one Read exactly at <c>splitAt</c>: the network's arbitrary segment
    /// boundaries, reproducibly. Counts reads.
    /// </summary>
    /// <remarks>
    /// Derives from MemoryStream so the same file compiles on nanoFramework, whose Stream makes the
    /// span overloads abstract where .NET's does not.
    /// </remarks>
    public sealed class ChunkedStream : MemoryStream
    {
        private readonly int _chunk;
        private readonly int _splitAt;

        /// <summary>Serves <paramref name="data"/> at most <paramref name="chunk"/> bytes per Read.</summary>
        public ChunkedStream(byte[] data, int chunk) : this(data, chunk, -1) { }

        /// <summary>As above, and no Read crosses offset <paramref name="splitAt"/>.</summary>
        public ChunkedStream(byte[] data, int chunk, int splitAt) : base(data, false)
        {
            _chunk = chunk;
            _splitAt = splitAt;
        }

        /// <summary>Number of Read calls so far.</summary>
        public int ReadCount { get; private set; }

        /// <summary>Bytes handed out so far.</summary>
        public int BytesRead { get { return (int)Position; } }

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadCount++;
            int position = (int)Position;
            int n = count;
            if (n > _chunk)
            {
                n = _chunk;
            }
            if (_splitAt > position && position + n > _splitAt)
            {
                n = _splitAt - position;
            }
            return base.Read(buffer, offset, n);
        }
    }
}

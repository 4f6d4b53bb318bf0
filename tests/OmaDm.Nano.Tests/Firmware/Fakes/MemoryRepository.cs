using System.Collections;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>
    /// A data repository in RAM behind <see cref="IHttpTransport"/>, serving one image with Range
    /// and ETag, plus the faults a real network and real servers produce. Each knob is a plain field.
    /// </summary>
    public sealed class MemoryRepository : IHttpTransport
    {
        /// <summary>The resource served.</summary>
        public byte[] Image;

        /// <summary>Strong validator sent with every response, or null for none.</summary>
        public string ETag = "\"v1\"";

        /// <summary>Absolute offset at which the next body drops (IOException), once; -1 for none.</summary>
        public int FailAtOffset = -1;

        /// <summary>Absolute offset at which every body ends early (clean end of stream); -1 for none.</summary>
        public int TruncateAt = -1;

        /// <summary>The server answers 200 with the whole image even to a Range request.</summary>
        public bool IgnoreRange;

        /// <summary>Content-Length to announce instead of the true one; -1 to tell the truth.</summary>
        public long ContentLengthOverride = -1;

        /// <summary>Send no Content-Length at all.</summary>
        public bool OmitContentLength;

        /// <summary>HTTP status to answer instead of the image, for the next <see cref="FailStatusCount"/> requests.</summary>
        public int FailStatus;

        /// <summary>How many requests get <see cref="FailStatus"/> (int.MaxValue = always).</summary>
        public int FailStatusCount;

        /// <summary>Send results to return instead of a response, for the next <see cref="SendFailureCount"/> requests.</summary>
        public TransportResult SendFailure = TransportResult.ConnectFailed;

        /// <summary>How many requests fail with <see cref="SendFailure"/> (int.MaxValue = always).</summary>
        public int SendFailureCount;

        /// <summary>Range start of each request (-1 when none), in order.</summary>
        public readonly ArrayList RangeStarts = new ArrayList();

        /// <summary>If-Range of each request (null when none), in order.</summary>
        public readonly ArrayList IfRanges = new ArrayList();

        /// <summary>AllowInsecure of each request, in order.</summary>
        public readonly ArrayList Insecure = new ArrayList();

        /// <summary>Body bytes handed to the client in total.</summary>
        public long BytesServed;

        /// <summary>Largest count a client asked for in one Read (the client's buffer size).</summary>
        public int LargestRead;

        /// <summary>Requests received.</summary>
        public int RequestCount { get { return RangeStarts.Count; } }

        /// <inheritdoc />
        public IHttpExchange Open(HttpRequest request)
        {
            RangeStarts.Add(request.RangeStart);
            IfRanges.Add(request.IfRange);
            Insecure.Add(request.AllowInsecure);
            return new MemoryExchange(this, request);
        }

        internal TransportResult TakeSendFailure()
        {
            if (SendFailureCount <= 0)
            {
                return TransportResult.Success;
            }

            if (SendFailureCount != int.MaxValue)
            {
                SendFailureCount--;
            }

            return SendFailure;
        }

        internal int TakeFailStatus()
        {
            if (FailStatusCount <= 0)
            {
                return 0;
            }

            if (FailStatusCount != int.MaxValue)
            {
                FailStatusCount--;
            }

            return FailStatus;
        }
    }
}

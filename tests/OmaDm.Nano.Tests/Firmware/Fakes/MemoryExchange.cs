using System.IO;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>One exchange with a <see cref="MemoryRepository"/>.</summary>
    public sealed class MemoryExchange : IHttpExchange
    {
        private readonly MemoryRepository _repository;
        private readonly HttpRequest _request;
        private Stream _body;

        internal MemoryExchange(MemoryRepository repository, HttpRequest request)
        {
            _repository = repository;
            _request = request;
            ContentLength = -1;
            RangeStart = -1;
            RangeTotal = -1;
        }

        /// <inheritdoc />
        public Stream RequestBody { get { return null; } }

        /// <inheritdoc />
        public int StatusCode { get; private set; }

        /// <inheritdoc />
        public string ContentType { get; private set; }

        /// <inheritdoc />
        public long ContentLength { get; private set; }

        /// <inheritdoc />
        public string ETag { get; private set; }

        /// <inheritdoc />
        public long RangeStart { get; private set; }

        /// <inheritdoc />
        public long RangeTotal { get; private set; }

        /// <inheritdoc />
        public Stream ResponseBody { get { return _body; } }

        /// <inheritdoc />
        public TransportResult Send()
        {
            TransportResult failure = _repository.TakeSendFailure();
            if (failure != TransportResult.Success)
            {
                return failure;
            }

            int status = _repository.TakeFailStatus();
            if (status != 0)
            {
                StatusCode = status;
                ContentLength = 0;
                _body = new MemoryStream(new byte[0]);
                return TransportResult.Success;
            }

            byte[] image = _repository.Image;
            int start = 0;
            bool rangeHonoured = _request.RangeStart >= 0 && !_repository.IgnoreRange
                && (_request.IfRange == null || _request.IfRange == _repository.ETag);
            if (rangeHonoured)
            {
                if (_request.RangeStart >= image.Length)
                {
                    StatusCode = 416;
                    _body = new MemoryStream(new byte[0]);
                    return TransportResult.Success;
                }

                start = (int)_request.RangeStart;
                StatusCode = 206;
                RangeStart = start;
                RangeTotal = image.Length;
            }
            else
            {
                StatusCode = 200;
            }

            ContentType = "application/octet-stream";
            ETag = _repository.ETag;
            ContentLength = _repository.OmitContentLength ? -1
                : _repository.ContentLengthOverride >= 0 ? _repository.ContentLengthOverride - start
                : image.Length - start;
            _body = new FaultyBody(_repository, start);
            return TransportResult.Success;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_body != null)
            {
                _body.Dispose();
            }
        }
    }
}

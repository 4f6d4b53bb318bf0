using System;
using System.IO;
using System.Net.Sockets;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// What <see cref="SocketTransport.Open"/> returns: the core's <see cref="Http1Exchange"/> over
    /// an open connection, which this closes with its socket and buffer, or, when connecting failed,
    /// an exchange whose <see cref="Send"/> reports why.
    /// </summary>
    /// <remarks>
    /// The connection has to exist before the caller writes a request body (a long body goes out
    /// in chunks as it is written), so a failed connect cannot wait for <see cref="Send"/>; the
    /// body of a failed exchange is discarded and <see cref="Send"/> returns the failure.
    /// </remarks>
    internal sealed class SocketExchange : IHttpExchange
    {
        private readonly Http1Exchange _inner;
        private readonly Socket _socket;
        private readonly SpareBuffers _buffers;
        private readonly byte[] _buffer;
        private readonly TransportResult _failure;
        private readonly Stream _discardedBody;
        private readonly bool _https;
        private readonly int _timeoutMs;
        private bool _disposed;

        /// <summary>An exchange over a connected socket.</summary>
        internal SocketExchange(Http1Exchange inner, Socket socket, SpareBuffers buffers, byte[] buffer, bool https, int timeoutMs)
        {
            _inner = inner;
            _https = https;
            _timeoutMs = timeoutMs;
            _socket = socket;
            _buffers = buffers;
            _buffer = buffer;
        }

        /// <summary>An exchange that never connected; <see cref="Send"/> returns <paramref name="failure"/>.</summary>
        internal SocketExchange(HttpRequest request, TransportResult failure)
        {
            _failure = failure;
            if (request.Method == "POST" || request.Method == "PUT")
            {
                _discardedBody = new DiscardStream();
            }
        }

        public Stream RequestBody
        {
            get { return _inner != null ? _inner.RequestBody : _discardedBody; }
        }

        public int StatusCode
        {
            get { return _inner != null ? _inner.StatusCode : 0; }
        }

        public string ContentType
        {
            get { return _inner != null ? _inner.ContentType : null; }
        }

        public long ContentLength
        {
            get { return _inner != null ? _inner.ContentLength : -1; }
        }

        public string ETag
        {
            get { return _inner != null ? _inner.ETag : null; }
        }

        public long RangeStart
        {
            get { return _inner != null ? _inner.RangeStart : -1; }
        }

        public long RangeTotal
        {
            get { return _inner != null ? _inner.RangeTotal : -1; }
        }

        public Stream ResponseBody
        {
            get { return _inner != null ? _inner.ResponseBody : null; }
        }

        public TransportResult Send()
        {
            if (_inner == null)
            {
                return _failure;
            }

            long started = Environment.TickCount64;
            try
            {
                return _inner.Send();
            }
            catch (Exception e)
            {
                // The core's exchange maps IOException itself; nanoFramework's socket and TLS streams
                // also throw SocketException (a receive timeout among them), which only the platform knows.
                return ExceptionMapping.FromException(e, _https, Environment.TickCount64 - started, _timeoutMs);
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_inner == null)
            {
                return;
            }

            _inner.Dispose();
            try
            {
                // SslStream documents that it closes its socket; NetworkStream(socket, true) does.
                // Closing again is harmless and covers a library that does not.
                _socket.Close();
            }
            catch (Exception)
            {
                // Already closed.
            }

            _buffers.Return(_buffer);
        }
    }
}

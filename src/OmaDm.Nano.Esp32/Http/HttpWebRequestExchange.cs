using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>One HTTP exchange over <see cref="HttpWebRequest"/>; see <see cref="IHttpExchange"/> for the order of use.</summary>
    /// <remarks>
    /// Request bodies go through one fixed buffer of <see cref="RequestBufferBytes"/>. A body that
    /// fits is sent with Content-Length (what every server accepts); a longer one switches the
    /// request to chunked transfer and is streamed chunk by chunk, so RAM never grows with the body.
    /// The library writes the request stream straight to the socket without chunk framing, which is
    /// why <see cref="ChunkedRequestStream"/> frames the chunks itself.
    /// Exceptions from the library are mapped to <see cref="TransportResult"/>; response-body read
    /// failures surface as <see cref="IOException"/> only.
    /// </remarks>
    public sealed class HttpWebRequestExchange : IHttpExchange, IRequestBodySink
    {
        /// <summary>Request body bytes held before switching to chunked transfer; one DM package normally fits.</summary>
        public const int RequestBufferBytes = 2048;

        private const string UserAgent = "OmaDm.Nano (nanoFramework; ESP32)";

        private readonly HttpWebRequestTransport _owner;
        private readonly HttpRequest _request;
        private byte[] _bodyBuffer;
        private readonly X509Certificate _rootCertificate;
        private readonly SslProtocols _sslProtocols;
        private readonly ChunkedRequestStream _body;
        private HttpWebRequest _web;
        private HttpWebResponse _response;
        private Stream _responseBody;
        private bool _sent;
        private bool _disposed;
        private int _statusCode;
        private string _contentType;
        private long _contentLength = -1;
        private string _etag;
        private long _rangeStart = -1;
        private long _rangeTotal = -1;

        internal HttpWebRequestExchange(HttpWebRequestTransport owner, HttpRequest request, X509Certificate rootCertificate, SslProtocols sslProtocols)
        {
            _owner = owner;
            _request = request;
            _rootCertificate = rootCertificate;
            _sslProtocols = sslProtocols;
            if (HasBody(request.Method))
            {
                _bodyBuffer = owner.BodyBuffers.Rent();
                _body = new ChunkedRequestStream(this, _bodyBuffer);
            }
        }

        /// <inheritdoc />
        public Stream RequestBody
        {
            get { return _body; }
        }

        /// <inheritdoc />
        public int StatusCode
        {
            get { return _statusCode; }
        }

        /// <inheritdoc />
        public string ContentType
        {
            get { return _contentType; }
        }

        /// <inheritdoc />
        public long ContentLength
        {
            get { return _contentLength; }
        }

        /// <inheritdoc />
        public string ETag
        {
            get { return _etag; }
        }

        /// <inheritdoc />
        public long RangeStart
        {
            get { return _rangeStart; }
        }

        /// <inheritdoc />
        public long RangeTotal
        {
            get { return _rangeTotal; }
        }

        /// <inheritdoc />
        public Stream ResponseBody
        {
            get { return _responseBody; }
        }

        /// <inheritdoc />
        public TransportResult Send()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("exchange");
            }

            if (_sent)
            {
                throw new InvalidOperationException("already sent");
            }

            _sent = true;
            if (_body != null && _body.Failed)
            {
                return _body.FailureResult;
            }

            long started = Environment.TickCount64;
            try
            {
                if (_body == null)
                {
                    TransportResult prepared = Prepare(-1);
                    if (prepared != TransportResult.Success)
                    {
                        return prepared;
                    }
                }
                else if (!_body.FinishAndSend())
                {
                    return _body.FailureResult;
                }

                _response = (HttpWebResponse)_web.GetResponse();
            }
            catch (WebException e)
            {
                if (e.Response != null)
                {
                    // Some library versions throw for 4xx/5xx but still hand over the response.
                    _response = (HttpWebResponse)e.Response;
                }
                else
                {
                    return ExceptionMapping.FromException(e, IsHttps(), Environment.TickCount64 - started, _request.TimeoutMs);
                }
            }
            catch (Exception e)
            {
                return ExceptionMapping.FromException(e, IsHttps(), Environment.TickCount64 - started, _request.TimeoutMs);
            }

            if (_response == null)
            {
                return TransportResult.ConnectFailed;
            }

            ReadResponseHeaders();
            return TransportResult.Success;
        }

        /// <summary>Creates and configures the request; <paramref name="contentLength"/> -1 = no body or chunked.</summary>
        TransportResult IRequestBodySink.Prepare(long contentLength)
        {
            return Prepare(contentLength);
        }

        private TransportResult Prepare(long contentLength)
        {
            Uri uri;
            try
            {
                uri = new Uri(_request.Url);
            }
            catch (Exception)
            {
                return TransportResult.BadRequest;
            }

            if (_request.Url.Length > HttpWebRequestTransport.MaxUrlChars || !IsAllowedScheme(uri))
            {
                return TransportResult.BadRequest;
            }

            HttpWebRequest web = (HttpWebRequest)WebRequest.Create(uri);
            _web = web;
            web.Method = _request.Method;
            web.KeepAlive = false;
            web.Timeout = _request.TimeoutMs;
            web.ReadWriteTimeout = _request.TimeoutMs;
            web.UserAgent = UserAgent;
            if (uri.Scheme == "https")
            {
                web.SslProtocols = _sslProtocols;
                web.SslVerification = _request.AllowInsecure ? SslVerification.NoVerification : SslVerification.CertificateRequired;
                if (_rootCertificate != null)
                {
                    web.HttpsAuthentCert = _rootCertificate;
                }
            }

            if (_request.Accept != null)
            {
                web.Accept = _request.Accept;
            }

            if (_request.ContentType != null)
            {
                web.ContentType = _request.ContentType;
            }

            if (_request.DevId != null)
            {
                web.Headers.Add("OMADM-DevID", _request.DevId);
            }

            if (_request.UserName != null)
            {
                string pair = _request.UserName + ":" + (_request.Password == null ? string.Empty : _request.Password);
                web.Headers.Add("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }

            if (_request.RangeStart >= 0)
            {
                // The library's AddRange takes int: images above 2 GiB do not exist on these boards.
                if (_request.RangeStart > int.MaxValue)
                {
                    return TransportResult.BadRequest;
                }

                web.AddRange((int)_request.RangeStart);
                if (_request.IfRange != null)
                {
                    web.Headers.Add("If-Range", _request.IfRange);
                }
            }

            if (contentLength >= 0)
            {
                web.ContentLength = contentLength;
            }
            else if (_body != null)
            {
                web.SendChunked = true;
            }

            return TransportResult.Success;
        }

        /// <summary>Opens the socket (TCP, TLS handshake) and sends the headers; the stream writes the raw body.</summary>
        /// <remarks>
        /// The library reports TCP and DNS failures as <see cref="WebException"/> (ConnectFailure)
        /// but lets the TLS handshake's <see cref="SocketException"/> through unwrapped
        /// (SslNative.SecureConnect, CLR_E_FAIL). Here, before any body byte, a bare socket error on
        /// https is therefore the handshake: wrong CA file, expired certificate, no common TLS version.
        /// </remarks>
        TransportResult IRequestBodySink.TryOpenRequestStream(out Stream stream)
        {
            stream = null;
            try
            {
                stream = _web.GetRequestStream();
                return TransportResult.Success;
            }
            catch (SocketException e)
            {
                return IsHttps() ? TransportResult.TlsFailed : ExceptionMapping.FromException(e, false, 0, 0);
            }
            catch (Exception e)
            {
                return ExceptionMapping.FromException(e, IsHttps(), 0, 0);
            }
        }

        TransportResult IRequestBodySink.MapSendFailure(Exception e)
        {
            return ExceptionMapping.FromException(e, IsHttps(), 0, _request.TimeoutMs);
        }

        private void ReadResponseHeaders()
        {
            _statusCode = (int)_response.StatusCode;
            _contentType = MediaTypeOnly(_response.ContentType);
            _contentLength = _response.ContentLength < 0 ? -1 : _response.ContentLength;
            _etag = _response.GetResponseHeader("ETag");
            if (_etag != null && _etag.Length == 0)
            {
                _etag = null;
            }

            if (_statusCode == 206)
            {
                long start;
                long total;
                if (ContentRange.TryParse(_response.GetResponseHeader("Content-Range"), out start, out total))
                {
                    _rangeStart = start;
                    _rangeTotal = total;
                }
            }

            _responseBody = new ResponseBodyStream(_response.GetResponseStream());
        }

        private bool IsAllowedScheme(Uri uri)
        {
            if (uri.Scheme == "https")
            {
                return true;
            }

            // Plain http only where the core allowed it: loopback or an explicit opt-in.
            return uri.Scheme == "http" && (_request.AllowInsecure || uri.IsLoopback);
        }

        private bool IsHttps()
        {
            return _request.Url != null && _request.Url.StartsWith("https:");
        }

        private static bool HasBody(string method)
        {
            return method == "POST" || method == "PUT";
        }

        private static string MediaTypeOnly(string header)
        {
            if (header == null)
            {
                return null;
            }

            int semicolon = header.IndexOf(';');
            string media = (semicolon < 0 ? header : header.Substring(0, semicolon)).Trim();
            return media.Length == 0 ? null : media;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_bodyBuffer != null)
            {
                _owner.BodyBuffers.Return(_bodyBuffer);
                _bodyBuffer = null;
            }

            HttpWebResponse response = _response;
            _response = null;
            _responseBody = null;
            if (response != null)
            {
                try
                {
                    response.Close();
                }
                catch (Exception)
                {
                    // Closing a broken connection may throw; the socket is gone either way.
                }
            }

            HttpWebRequest web = _web;
            _web = null;
            if (web != null)
            {
                try
                {
                    web.Dispose();
                }
                catch (Exception)
                {
                    // Same: nothing left to release.
                }
            }
        }
    }
}

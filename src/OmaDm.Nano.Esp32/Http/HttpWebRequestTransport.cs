using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// <see cref="IHttpTransport"/> over nanoFramework's <c>HttpWebRequest</c>: the only HTTP API on
    /// the device that can send <c>Range</c> and that streams response bodies from the socket.
    /// </summary>
    /// <remarks>
    /// TLS: the server certificate is validated against <see cref="RootCertificate"/> (PEM or DER
    /// from the board settings) or, when that is null, against the CA bundle stored on the device
    /// with nanoff / Device Explorer. <see cref="HttpRequest.AllowInsecure"/> is the only way to skip
    /// validation. nanoFramework's <c>HttpWebRequest</c> has no public client-certificate property
    /// (the field is internal), so mutual TLS is not offered here; Basic credentials are.
    /// Every exchange opens its own connection (no keep-alive): the library's connection pool starts
    /// a thread per released connection, which costs more RAM than a handshake costs time.
    /// </remarks>
    public sealed class HttpWebRequestTransport : IHttpTransport
    {
        /// <summary>Longest URL accepted; the request line is built in one array by the library.</summary>
        public const int MaxUrlChars = 1024;

        private readonly X509Certificate _rootCertificate;
        private readonly SslProtocols _sslProtocols;

        private readonly SpareBuffers _bodyBuffers = new SpareBuffers(HttpWebRequestExchange.RequestBufferBytes);

        /// <summary>Validates servers against <paramref name="rootCertificate"/> (null: the device's stored bundle) with TLS 1.2.</summary>
        public HttpWebRequestTransport(X509Certificate rootCertificate)
            : this(rootCertificate, SslProtocols.Tls12)
        {
        }

        /// <summary>Same, with an explicit protocol set; <see cref="SslProtocols.None"/> is refused (the library then fails every handshake).</summary>
        public HttpWebRequestTransport(X509Certificate rootCertificate, SslProtocols sslProtocols)
        {
            if (sslProtocols == SslProtocols.None)
            {
                throw new ArgumentException("choose a TLS version");
            }

            _rootCertificate = rootCertificate;
            _sslProtocols = sslProtocols;
        }

        /// <summary>Root CA used for https, or null for the device's stored CA bundle.</summary>
        public X509Certificate RootCertificate
        {
            get { return _rootCertificate; }
        }

        /// <summary>TLS versions offered.</summary>
        public SslProtocols SslProtocols
        {
            get { return _sslProtocols; }
        }

        /// <inheritdoc />
        public IHttpExchange Open(HttpRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            return new HttpWebRequestExchange(this, request, _rootCertificate, _sslProtocols);
        }

        /// <summary>Request-body buffers shared by this transport's exchanges.</summary>
        internal SpareBuffers BodyBuffers
        {
            get { return _bodyBuffers; }
        }
    }
}

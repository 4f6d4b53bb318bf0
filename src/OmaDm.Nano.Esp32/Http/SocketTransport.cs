using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// <see cref="IHttpTransport"/> over a socket and <c>SslStream</c>, with the core's HTTP/1.1
    /// exchange on top: the transport for servers that require a client certificate (mutual TLS).
    /// </summary>
    /// <remarks>
    /// nanoFramework's <c>HttpWebRequest</c> keeps its client certificate internal, but
    /// <c>SslStream.AuthenticateAsClient(host, ca, clientCertificate, protocols)</c> is public, and
    /// <c>UseStoredDeviceCertificate</c> presents the certificate deployed to the device's
    /// configuration block instead. Server validation is the same as
    /// <see cref="HttpWebRequestTransport"/>'s: the root CA from the settings, or the device's stored
    /// bundle when there is none; <see cref="HttpRequest.AllowInsecure"/> is the only way to skip it.
    /// Every exchange opens its own connection and sends <c>Connection: close</c>. The socket's
    /// send and receive timeouts are the request's; nanoFramework offers no connect timeout, so a
    /// silent host costs the network stack's own (lwIP) connect timeout.
    /// </remarks>
    public sealed class SocketTransport : IHttpTransport
    {
        /// <summary>Scratch buffer per exchange: request-body buffering, header parsing and chunk framing.</summary>
        public const int ExchangeBufferBytes = 2048;

        private readonly X509Certificate _rootCertificate;
        private readonly X509Certificate _clientCertificate;
        private readonly bool _useStoredDeviceCertificate;
        private readonly SslProtocols _sslProtocols;

        private readonly SpareBuffers _buffers = new SpareBuffers(ExchangeBufferBytes);

        /// <summary>
        /// Presents <paramref name="clientCertificate"/> (an <c>X509Certificate2</c> with its private
        /// key) or, when <paramref name="useStoredDeviceCertificate"/> is true, the device's stored
        /// certificate; validates servers against <paramref name="rootCertificate"/> (null: the
        /// device's stored CA bundle).
        /// </summary>
        public SocketTransport(X509Certificate rootCertificate, X509Certificate clientCertificate, bool useStoredDeviceCertificate, SslProtocols sslProtocols)
        {
            if (sslProtocols == SslProtocols.None)
            {
                throw new ArgumentException("choose a TLS version");
            }

            if (clientCertificate == null && !useStoredDeviceCertificate)
            {
                // Without a client certificate HttpWebRequestTransport is the better-trodden path.
                throw new ArgumentException("give a client certificate or use the stored one");
            }

            _rootCertificate = rootCertificate;
            _clientCertificate = clientCertificate;
            _useStoredDeviceCertificate = useStoredDeviceCertificate;
            _sslProtocols = sslProtocols;
        }

        /// <inheritdoc />
        public IHttpExchange Open(HttpRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            HttpTarget target;
            if (!HttpTarget.TryParse(request.Url, out target) || !UrlRules.IsAllowed(request.Url, request.AllowInsecure))
            {
                return new SocketExchange(request, TransportResult.BadRequest);
            }

            Socket socket = null;
            try
            {
                IPAddress address = Dns.GetHostEntry(target.Host).AddressList[0];
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = request.TimeoutMs;
                socket.ReceiveTimeout = request.TimeoutMs;
                socket.Connect(new IPEndPoint(address, target.Port));
            }
            catch (Exception)
            {
                // DNS and connect failures both arrive as SocketException on nanoFramework.
                Close(socket);
                return new SocketExchange(request, TransportResult.ConnectFailed);
            }

            NetworkStream connection;
            if (target.IsHttps)
            {
                SslStream ssl = new SslStream(socket);
                try
                {
                    ssl.SslVerification = request.AllowInsecure ? SslVerification.NoVerification : SslVerification.CertificateRequired;
                    ssl.UseStoredDeviceCertificate = _useStoredDeviceCertificate;
                    ssl.AuthenticateAsClient(target.Host, _rootCertificate, _clientCertificate, _sslProtocols);
                }
                catch (Exception)
                {
                    ssl.Dispose();
                    Close(socket);
                    return new SocketExchange(request, TransportResult.TlsFailed);
                }

                connection = ssl;
            }
            else
            {
                connection = new NetworkStream(socket, true);
            }

            byte[] buffer = _buffers.Rent();
            return new SocketExchange(new Http1Exchange(request, target, connection, buffer), socket, _buffers, buffer, target.IsHttps, request.TimeoutMs);
        }

        private static void Close(Socket socket)
        {
            if (socket == null)
            {
                return;
            }

            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed or never connected: nothing left to release.
            }
        }
    }
}

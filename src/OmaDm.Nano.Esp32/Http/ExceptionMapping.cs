using System;
using System.Net;
using System.Net.Sockets;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>Maps what <c>HttpWebRequest</c> throws onto <see cref="TransportResult"/>.</summary>
    /// <remarks>
    /// The library wraps most failures of <c>GetResponse</c> in a <see cref="WebException"/> whose
    /// status is not always set, and lets TLS failures of the handshake escape unwrapped from
    /// <c>GetRequestStream</c>. The mapping therefore looks at the status first, then at the inner
    /// exception, then at the elapsed time (its timeout timer closes the socket, which surfaces as a
    /// socket error).
    /// </remarks>
    internal static class ExceptionMapping
    {
        internal static TransportResult FromException(Exception e, bool https, long elapsedMs, int timeoutMs)
        {
            if (timeoutMs > 0 && elapsedMs >= timeoutMs)
            {
                return TransportResult.Timeout;
            }

            WebException web = e as WebException;
            if (web != null)
            {
                TransportResult byStatus = FromStatus(web.Status);
                if (byStatus != TransportResult.ConnectionLost || web.InnerException == null)
                {
                    return byStatus;
                }

                return FromException(web.InnerException, https, 0, 0);
            }

            if (e is ArgumentException || e is InvalidOperationException || e is NotSupportedException)
            {
                return TransportResult.BadRequest;
            }

            if (e is SocketException)
            {
                // Connect failures arrive as WebException(ConnectFailure); a bare socket error means
                // the connection existed and broke.
                return TransportResult.ConnectionLost;
            }

            // What is left comes from SslStream (the library does not wrap handshake failures).
            return https ? TransportResult.TlsFailed : TransportResult.ConnectionLost;
        }

        private static TransportResult FromStatus(WebExceptionStatus status)
        {
            switch (status)
            {
                case WebExceptionStatus.ConnectFailure:
                case WebExceptionStatus.NameResolutionFailure:
                case WebExceptionStatus.ProxyNameResolutionFailure:
                    return TransportResult.ConnectFailed;
                case WebExceptionStatus.Timeout:
                    return TransportResult.Timeout;
                case WebExceptionStatus.SecureChannelFailure:
                case WebExceptionStatus.TrustFailure:
                    return TransportResult.TlsFailed;
                default:
                    return TransportResult.ConnectionLost;
            }
        }
    }
}

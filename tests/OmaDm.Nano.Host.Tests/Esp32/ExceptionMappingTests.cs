using System.Net;
using System.Net.Sockets;
using OmaDm.Nano.Esp32.Http;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>
/// How the ESP32 transport names what HttpWebRequest throws. The shapes follow the library source:
/// connect and DNS failures as WebException(ConnectFailure), GetResponse wrapping everything in a
/// WebException whose status is not set, the TLS handshake's bare SocketException.
/// </summary>
[TestClass]
public sealed class ExceptionMappingTests
{
    [TestMethod]
    [DataRow(WebExceptionStatus.ConnectFailure, TransportResult.ConnectFailed)]
    [DataRow(WebExceptionStatus.NameResolutionFailure, TransportResult.ConnectFailed)]
    [DataRow(WebExceptionStatus.ProxyNameResolutionFailure, TransportResult.ConnectFailed)]
    [DataRow(WebExceptionStatus.Timeout, TransportResult.Timeout)]
    [DataRow(WebExceptionStatus.SecureChannelFailure, TransportResult.TlsFailed)]
    [DataRow(WebExceptionStatus.TrustFailure, TransportResult.TlsFailed)]
    [DataRow(WebExceptionStatus.ReceiveFailure, TransportResult.ConnectionLost)]
    [DataRow(WebExceptionStatus.ConnectionClosed, TransportResult.ConnectionLost)]
    [DataRow(WebExceptionStatus.ServerProtocolViolation, TransportResult.ConnectionLost)]
    public void WebException_ByStatus(WebExceptionStatus status, TransportResult expected)
    {
        var e = new WebException("x", null, status, null);
        Assert.AreEqual(expected, ExceptionMapping.FromException(e, https: true, elapsedMs: 0, timeoutMs: 30000));
    }

    [TestMethod]
    public void GetResponseWrapper_AroundAConnectFailure_IsConnectFailed()
    {
        var inner = new WebException("host not available", null, WebExceptionStatus.ConnectFailure, null);
        var outer = new WebException("GetResponse() failed", inner);

        Assert.AreEqual(TransportResult.ConnectFailed, ExceptionMapping.FromException(outer, true, 10, 30000));
    }

    [TestMethod]
    public void GetResponseWrapper_AroundASocketError_IsConnectionLost()
    {
        var outer = new WebException("GetResponse() failed", new SocketException((int)SocketError.ConnectionReset));

        Assert.AreEqual(TransportResult.ConnectionLost, ExceptionMapping.FromException(outer, false, 10, 30000));
    }

    [TestMethod]
    public void AnythingAfterTheTimeout_IsTimeout()
    {
        // The library's timer closes the socket, which surfaces as a socket error.
        var outer = new WebException("GetResponse() failed", new SocketException((int)SocketError.Shutdown));

        Assert.AreEqual(TransportResult.Timeout, ExceptionMapping.FromException(outer, true, 30000, 30000));
    }

    [TestMethod]
    public void CallerErrors_AreBadRequest()
    {
        Assert.AreEqual(TransportResult.BadRequest, ExceptionMapping.FromException(new ArgumentException("bad header"), true, 0, 0));
        Assert.AreEqual(TransportResult.BadRequest, ExceptionMapping.FromException(new NotSupportedException(), false, 0, 0));
    }

    [TestMethod]
    public void OtherFailures_AreTlsOnHttps_ConnectionLostOnHttp()
    {
        var e = new Exception("SslNative.SecureConnect");
        Assert.AreEqual(TransportResult.TlsFailed, ExceptionMapping.FromException(e, true, 0, 0));
        Assert.AreEqual(TransportResult.ConnectionLost, ExceptionMapping.FromException(e, false, 0, 0));
    }
}

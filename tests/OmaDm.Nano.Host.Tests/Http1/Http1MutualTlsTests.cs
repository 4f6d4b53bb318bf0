using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using OmaDm.Nano.Host.Tests.Http;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;
using AspNetRequest = Microsoft.AspNetCore.Http.HttpRequest;
using HttpRequest = OmaDm.Nano.Platform.HttpRequest;

namespace OmaDm.Nano.Host.Tests.Http1;

/// <summary>
/// The core's <see cref="Http1Exchange"/> against a real server: Kestrel over HTTPS requiring a
/// client certificate, reached the way the ESP32 transport does it (a TCP socket, an
/// <see cref="SslStream"/> that presents the client certificate, HTTP/1.1 on top).
/// </summary>
[TestClass]
public sealed class Http1MutualTlsTests
{
    private const int ScratchBytes = 2048;
    private static readonly Lazy<X509Certificate2> Client = new(CreateClientCertificate);
    private static readonly byte[] Image = Bytes(3000, 7);

    [TestMethod]
    public async Task Post_LargerThanTheBuffer_GoesChunked_AndIsEchoedBack()
    {
        await using var server = await MutualTlsServer.StartAsync(Client.Value);
        var body = Bytes(10_000, 3);
        var request = new HttpRequest
        {
            Method = "POST", Url = server.BaseUrl + "/echo", ContentType = "application/octet-stream",
            Accept = "application/octet-stream", DevId = "MAC:a1b2c3d4e5f6", UserName = "dev", Password = "s\u00e9cret",
        };
        using var connection = Connect(server.Port, Client.Value, SslProtocols.None);
        using var exchange = Open(request, connection.Tls);

        // Odd write sizes, as a package writer flushing its own buffer would.
        for (int offset = 0; offset < body.Length; offset += 777)
        {
            exchange.RequestBody.Write(body, offset, Math.Min(777, body.Length - offset));
        }

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual(200, exchange.StatusCode);
        Assert.AreEqual("application/octet-stream", exchange.ContentType);
        Assert.AreEqual(-1L, exchange.ContentLength, "Kestrel streams an echo of unknown length chunked");
        CollectionAssert.AreEqual(body, ReadAll(exchange.ResponseBody, 1000));

        var seen = server.Requests.Single();
        Assert.AreEqual("chunked", seen.TransferEncoding, "10000 bytes do not fit a 2048-byte scratch buffer");
        Assert.IsNull(seen.ContentLength);
        Assert.AreEqual(Client.Value.Thumbprint, seen.ClientThumbprint, "the server saw our client certificate");
        Assert.AreEqual("MAC:a1b2c3d4e5f6", seen.DevId);
        Assert.AreEqual("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dev:s\u00e9cret")), seen.Authorization);
        Assert.AreEqual("127.0.0.1:" + server.Port, seen.Host);
    }

    [TestMethod]
    public async Task Post_ThatFits_GoesWithContentLength()
    {
        await using var server = await MutualTlsServer.StartAsync(Client.Value);
        var body = Bytes(1500, 4);
        using var connection = Connect(server.Port, Client.Value, SslProtocols.None);
        using var exchange = Open(new HttpRequest { Method = "PUT", Url = server.BaseUrl + "/echo", ContentType = "application/octet-stream" }, connection.Tls);
        exchange.RequestBody.Write(body, 0, body.Length);

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        CollectionAssert.AreEqual(body, ReadAll(exchange.ResponseBody, 4096));
        var seen = server.Requests.Single();
        Assert.AreEqual("1500", seen.ContentLength);
        Assert.IsNull(seen.TransferEncoding);
    }

    [TestMethod]
    public async Task Get_RangeResume_Is206_WithContentRange()
    {
        await using var server = await MutualTlsServer.StartAsync(Client.Value);
        using var connection = Connect(server.Port, Client.Value, SslProtocols.None);
        using var exchange = Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/image.bin", RangeStart = 1000, IfRange = "\"v1\"" }, connection.Tls);

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual(206, exchange.StatusCode);
        Assert.AreEqual(1000L, exchange.RangeStart);
        Assert.AreEqual(3000L, exchange.RangeTotal);
        Assert.AreEqual(2000L, exchange.ContentLength);
        Assert.AreEqual("\"v1\"", exchange.ETag);
        CollectionAssert.AreEqual(Image[1000..], ReadAll(exchange.ResponseBody, 512));
        Assert.AreEqual("bytes=1000-", server.Requests.Single().Range);
    }

    [TestMethod]
    public async Task Get_RangeWithAStaleETag_GetsTheWholeImage()
    {
        await using var server = await MutualTlsServer.StartAsync(Client.Value);
        using var connection = Connect(server.Port, Client.Value, SslProtocols.None);
        using var exchange = Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/image.bin", RangeStart = 1000, IfRange = "\"v0\"" }, connection.Tls);

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual(200, exchange.StatusCode, "If-Range did not match: the whole resource");
        Assert.AreEqual(-1L, exchange.RangeStart);
        CollectionAssert.AreEqual(Image, ReadAll(exchange.ResponseBody, 512));
    }

    // How a refused client certificate shows. Kestrel's TLS is .NET's server-side SslStream, which
    // judges the client certificate (absent, or not the trusted one) once the handshake messages are
    // done, then drops the connection. The client's AuthenticateAsClient has returned by then, in
    // TLS 1.3 (where the client always finishes first) and, with this server, in TLS 1.2 too. So
    // the refusal reaches the exchange as the end of the stream while it reads the response head
    // (checked by hand: SslStream.Read returns 0): ConnectionLost, no status, and no request
    // reaches the application. (A server that checks inside the TLS 1.2 handshake,
    // e.g. nginx with ssl_verify_client on, fails the handshake itself instead: the transport's
    // TlsFailed, before any exchange exists.)

    [TestMethod]
    public async Task NoClientCertificate_Tls13_IsRefusedAfterTheHandshake()
    {
        await AssertRefusedAfterHandshake(null, SslProtocols.Tls13);
    }

    [TestMethod]
    public async Task NoClientCertificate_Tls12_IsRefusedAfterTheHandshake()
    {
        await AssertRefusedAfterHandshake(null, SslProtocols.Tls12);
    }

    [TestMethod]
    public async Task UntrustedClientCertificate_IsRefusedToo()
    {
        using var stranger = CreateClientCertificate();
        await AssertRefusedAfterHandshake(stranger, SslProtocols.Tls13);
        await AssertRefusedAfterHandshake(stranger, SslProtocols.Tls12);
    }

    private static async Task AssertRefusedAfterHandshake(X509Certificate2? clientCertificate, SslProtocols protocol)
    {
        await using var server = await MutualTlsServer.StartAsync(Client.Value);
        using var connection = Connect(server.Port, clientCertificate, protocol);
        Assert.AreEqual(protocol, connection.Tls.SslProtocol, "the client's handshake completed");
        using var exchange = Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/image.bin" }, connection.Tls);

        Assert.AreEqual(TransportResult.ConnectionLost, exchange.Send(), protocol.ToString());
        Assert.AreEqual(0, exchange.StatusCode);
        Assert.IsNull(exchange.ResponseBody);
        Assert.AreEqual(0, server.Requests.Count, "no request reached the application");
    }

    private static Http1Exchange Open(HttpRequest request, Stream connection)
    {
        Assert.IsTrue(HttpTarget.TryParse(request.Url, out var target), request.Url);
        return new Http1Exchange(request, target, connection, new byte[ScratchBytes]);
    }

    /// <summary>What the ESP32 transport does: TCP connect, TLS with an optional client certificate.</summary>
    private static TlsConnection Connect(int port, X509Certificate2? clientCertificate, SslProtocols protocols)
    {
        var tcp = new TcpClient();
        try
        {
            tcp.Connect(IPAddress.Loopback, port);
            tcp.ReceiveTimeout = 10_000;
            tcp.SendTimeout = 10_000;
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                EnabledSslProtocols = protocols,
                // Trust exactly the test server's certificate, as the device trusts its CA file.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString() == TestCertificates.Loopback.Thumbprint,
            };
            if (clientCertificate is not null)
            {
                // A context presents the certificate whatever CA names the server lists.
                options.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, null);
            }

            tls.AuthenticateAsClient(options);
            return new TlsConnection(tcp, tls);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private static byte[] ReadAll(Stream body, int readSize)
    {
        var all = new MemoryStream();
        var chunk = new byte[readSize];
        int n;
        while ((n = body.Read(chunk, 0, chunk.Length)) > 0)
        {
            all.Write(chunk, 0, n);
        }

        return all.ToArray();
    }

    private static byte[] Bytes(int count, int seed)
    {
        var data = new byte[count];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static X509Certificate2 CreateClientCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=omadm-nano-test-device", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // clientAuth
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    private sealed class TlsConnection(TcpClient tcp, SslStream tls) : IDisposable
    {
        public SslStream Tls { get; } = tls;

        public void Dispose()
        {
            Tls.Dispose();
            tcp.Dispose();
        }
    }

    private sealed record SeenRequest(string Method, string Path, string? Host, string? TransferEncoding, string? ContentLength,
        string? Range, string? DevId, string? Authorization, string? ClientThumbprint);

    /// <summary>Kestrel on 127.0.0.1 over HTTPS, requiring the one client certificate it was given.</summary>
    private sealed class MutualTlsServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<SeenRequest> _requests = new();

        private MutualTlsServer(WebApplication app) => _app = app;

        public int Port { get; private set; }

        public string BaseUrl => "https://127.0.0.1:" + Port;

        public IReadOnlyList<SeenRequest> Requests => _requests.ToArray();

        public static async Task<MutualTlsServer> StartAsync(X509Certificate2 trustedClient)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = TestCertificates.Loopback;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                // Self-signed: the chain does not build, so trust is by thumbprint.
                https.ClientCertificateValidation = (certificate, _, _) => certificate.Thumbprint == trustedClient.Thumbprint;
            })));
            var app = builder.Build();
            var server = new MutualTlsServer(app);
            app.Run(server.HandleAsync);
            await app.StartAsync();
            var address = ((IServer)app.Services.GetService(typeof(IServer))!).Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Port = new Uri(address).Port;
            return server;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            _requests.Enqueue(new SeenRequest(request.Method, request.Path.Value ?? "", Header(request, "Host"),
                Header(request, "Transfer-Encoding"), Header(request, "Content-Length"), Header(request, "Range"),
                Header(request, "OMADM-DevID"), Header(request, "Authorization"), context.Connection.ClientCertificate?.Thumbprint));
            if (request.Path == "/echo")
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/octet-stream";
                await request.Body.CopyToAsync(context.Response.Body);
                return;
            }

            if (request.Path == "/image.bin")
            {
                // ASP.NET's own range processing: Range, If-Range, 206 and Content-Range as a real server does them.
                await Results.Bytes(Image, "application/octet-stream", enableRangeProcessing: true, entityTag: new EntityTagHeaderValue("\"v1\""))
                    .ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = 404;
        }

        private static string? Header(AspNetRequest request, string name) =>
            request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OmaDm.Nano.Host.Http;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Tests.Http;

[TestClass]
public sealed class HttpClientTransportTests
{
    private static byte[] Bytes(int count, int seed = 1)
    {
        var data = new byte[count];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static byte[] ReadAll(Stream s)
    {
        var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    [TestMethod]
    public void Get_Ok_ExposesStatusHeadersAndBody()
    {
        var image = Bytes(10_000);
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "application/octet-stream", image, "ETag: \"v1\""));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/fw.bin" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual(200, exchange.StatusCode);
        Assert.AreEqual("application/octet-stream", exchange.ContentType);
        Assert.AreEqual(10_000L, exchange.ContentLength);
        Assert.AreEqual("\"v1\"", exchange.ETag, "the tag keeps its quotes so it can go back in If-Range as is");
        Assert.AreEqual(-1L, exchange.RangeStart, "a 200 has no range");
        CollectionAssert.AreEqual(image, ReadAll(exchange.ResponseBody));
        Assert.IsNull(exchange.RequestBody, "GET has no request body");
    }

    [TestMethod]
    public void Get_WithRangeAndStrongETag_SendsRangeAndIfRange_AndExposesContentRange()
    {
        var image = Bytes(300);
        using var server = new LoopbackHttpServer((req, c) => c.Respond(206, "application/octet-stream", image[100..],
            "Content-Range: bytes 100-299/300", "ETag: \"v1\""));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/fw", RangeStart = 100, IfRange = "\"v1\"" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual("bytes=100-", server.Requests[0].Header("Range"));
        Assert.AreEqual("\"v1\"", server.Requests[0].Header("If-Range"));
        Assert.AreEqual(206, exchange.StatusCode);
        Assert.AreEqual(100L, exchange.RangeStart);
        Assert.AreEqual(300L, exchange.RangeTotal);
        CollectionAssert.AreEqual(image[100..], ReadAll(exchange.ResponseBody));
    }

    [TestMethod]
    public void Get_WithRangeAndWeakETag_AsksForTheWholeResource()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "x"u8.ToArray()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", RangeStart = 10, IfRange = "W/\"v1\"" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.IsNull(server.Requests[0].Header("Range"), "a weak tag cannot guard a Range (RFC 9110 13.1.5): never splice two versions");
        Assert.IsNull(server.Requests[0].Header("If-Range"));
    }

    [TestMethod]
    public void Get_WithRangeWithoutETag_SendsRangeOnly()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "x"u8.ToArray()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", RangeStart = 4096 });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual("bytes=4096-", server.Requests[0].Header("Range"));
    }

    [TestMethod]
    public void Post_SmallBody_GoesWithContentLengthAndDmHeaders()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "application/vnd.oma.dm.request+json", "{\"CMD\":[]}"u8.ToArray()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest
        {
            Method = "POST", Url = server.BaseUrl + "/dm", ContentType = "application/vnd.oma.dm.initiation+json",
            Accept = "application/vnd.oma.dm.request+json", DevId = "MAC:a1b2c3", UserName = "dev", Password = "p:w",
        });
        var body = Encoding.UTF8.GetBytes("{\"MOS\":[]}");
        exchange.RequestBody.Write(body, 0, body.Length);

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        var seen = server.Requests[0];
        Assert.AreEqual("POST", seen.Method);
        Assert.AreEqual("/dm", seen.Target);
        Assert.AreEqual(body.Length.ToString(), seen.Header("Content-Length"));
        Assert.AreEqual("application/vnd.oma.dm.initiation+json", seen.Header("Content-Type"));
        Assert.AreEqual("application/vnd.oma.dm.request+json", seen.Header("Accept"));
        Assert.AreEqual("MAC:a1b2c3", seen.Header("OMADM-DevID"));
        Assert.AreEqual("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dev:p:w")), seen.Header("Authorization"));
        CollectionAssert.AreEqual(body, seen.Body);
        Assert.AreEqual("application/vnd.oma.dm.request+json", exchange.ContentType);
    }

    [TestMethod]
    public void Put_LargeBodyWrittenInPieces_StreamsChunkedAndArrivesIntact()
    {
        var payload = Bytes(1_000_003);
        using var server = new LoopbackHttpServer((req, c) => c.Respond(201, "text/plain", Array.Empty<byte>()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "PUT", Url = server.BaseUrl + "/up", ContentType = "application/json" });
        for (var i = 0; i < payload.Length; i += 777)
        {
            exchange.RequestBody.Write(payload, i, Math.Min(777, payload.Length - i));
        }

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual(201, exchange.StatusCode);
        Assert.AreEqual("chunked", server.Requests[0].Header("Transfer-Encoding"), "a body larger than the buffer streams");
        CollectionAssert.AreEqual(payload, server.Requests[0].Body);
    }

    [TestMethod]
    public void Post_EmptyBody_SendsContentLengthZero()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", Array.Empty<byte>()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "POST", Url = server.BaseUrl + "/", ContentType = "application/json" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.AreEqual("0", server.Requests[0].Header("Content-Length"));
    }

    [TestMethod]
    public void Send_TwoRequests_ReuseOneConnection()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "ok"u8.ToArray()));
        using var transport = new HttpClientTransport();
        for (var i = 0; i < 2; i++)
        {
            using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });
            Assert.AreEqual(TransportResult.Success, exchange.Send());
            ReadAll(exchange.ResponseBody);
        }
        Assert.AreEqual(1, server.ConnectionCount, "the shared client pools connections");
    }

    [TestMethod]
    public void ResponseBody_IsStreamed_BeforeTheServerSendsTheRest()
    {
        var release = new TaskCompletionSource();
        var first = Bytes(1000, 2);
        using var server = new LoopbackHttpServer(async (req, c) =>
        {
            await c.WriteHead(200, "Content-Length: 2000");
            await c.Write(first, 0, first.Length);
            await c.Stream.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await c.Write(first, 0, first.Length);
        });
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", TimeoutMs = 5000 });

        Assert.AreEqual(TransportResult.Success, exchange.Send(), "headers arrive before the whole body");
        var buffer = new byte[1000];
        exchange.ResponseBody.ReadExactly(buffer);
        CollectionAssert.AreEqual(first, buffer);
        release.SetResult();
        exchange.ResponseBody.ReadExactly(buffer);
    }

    [TestMethod]
    public void ResponseBody_ConnectionDroppedMidBody_ThrowsIOException()
    {
        using var server = new LoopbackHttpServer(async (req, c) =>
        {
            await c.WriteHead(200, "Content-Length: 100000");
            await c.Write(Bytes(5000), 0, 5000);
            c.Abort();
        });
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        Assert.ThrowsExactly<IOException>(() => ReadAll(exchange.ResponseBody));
    }

    [TestMethod]
    public void ResponseBody_ServerStalls_ThrowsIOExceptionAfterTheTimeout()
    {
        using var server = new LoopbackHttpServer(async (req, c) =>
        {
            await c.WriteHead(200, "Content-Length: 100");
            await c.Write(new byte[10], 0, 10);
            await Task.Delay(5000);
        });
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", TimeoutMs = 300 });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        var e = Assert.ThrowsExactly<IOException>(() => ReadAll(exchange.ResponseBody));
        StringAssert.Contains(e.Message, "300 ms");
    }

    [TestMethod]
    public void Send_NoResponseHeaders_TimesOut()
    {
        using var server = new LoopbackHttpServer(async (req, c) => await Task.Delay(5000));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", TimeoutMs = 300 });

        Assert.AreEqual(TransportResult.Timeout, exchange.Send());
        Assert.AreEqual(0, exchange.StatusCode);
    }

    [TestMethod]
    public void Send_NobodyListening_ConnectFailed()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = "http://127.0.0.1:" + port + "/" });

        Assert.AreEqual(TransportResult.ConnectFailed, exchange.Send());
    }

    [TestMethod]
    public void Send_ServerClosesWithoutResponse_ConnectionLost()
    {
        using var server = new LoopbackHttpServer((req, c) => { c.Abort(); return Task.CompletedTask; });
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });

        Assert.AreEqual(TransportResult.ConnectionLost, exchange.Send());
    }

    [TestMethod]
    public void Post_StreamingBodyToAServerThatHangsUp_ReportsAResultNotAnException()
    {
        using var server = new LoopbackHttpServer((req, c) => { c.Abort(); return Task.CompletedTask; });
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "POST", Url = server.BaseUrl + "/", ContentType = "application/json", TimeoutMs = 2000 });
        var data = Bytes(200_000);
        exchange.RequestBody.Write(data, 0, data.Length);

        Assert.AreNotEqual(TransportResult.Success, exchange.Send());
    }

    [TestMethod]
    [DataRow("ftp://127.0.0.1/fw.bin")]
    [DataRow("not a url")]
    [DataRow("/relative/path")]
    public void Open_UnusableUrl_SendReturnsBadRequest(string url)
    {
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = url });

        Assert.AreEqual(TransportResult.BadRequest, exchange.Send());
    }

    [TestMethod]
    public void Open_HeaderValueWithLineBreak_BadRequest_NothingSent()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", Array.Empty<byte>()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", DevId = "x\r\nEvil: 1" });

        Assert.AreEqual(TransportResult.BadRequest, exchange.Send());
        Assert.AreEqual(0, server.Requests.Count, "header injection is refused before anything goes out");
    }

    [TestMethod]
    public void Https_SelfSignedCertificate_TlsFailed()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "ok"u8.ToArray()), TestCertificates.Loopback);
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });

        Assert.AreEqual(TransportResult.TlsFailed, exchange.Send(), "certificates are validated unless the request opts out");
    }

    [TestMethod]
    public void Https_SelfSignedCertificate_AllowInsecure_Succeeds()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "ok"u8.ToArray()), TestCertificates.Loopback);
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", AllowInsecure = true });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
        CollectionAssert.AreEqual("ok"u8.ToArray(), ReadAll(exchange.ResponseBody));
    }

    [TestMethod]
    public void Https_InsecureThenSecure_TheSecureRequestIsStillValidated()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "ok"u8.ToArray()), TestCertificates.Loopback);
        using var transport = new HttpClientTransport();
        using (var insecure = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/", AllowInsecure = true }))
        {
            Assert.AreEqual(TransportResult.Success, insecure.Send());
            ReadAll(insecure.ResponseBody);
        }
        using var secure = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });

        Assert.AreEqual(TransportResult.TlsFailed, secure.Send(), "a pooled unvalidated connection must not serve a validating request");
    }

    [TestMethod]
    public void Https_PrivateRootTrusted_Succeeds()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", "ok"u8.ToArray()), TestCertificates.Loopback);
        using var root = X509CertificateLoader.LoadCertificate(TestCertificates.Loopback.RawData);
        using var transport = new HttpClientTransport(new X509Certificate2Collection(root));
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });

        Assert.AreEqual(TransportResult.Success, exchange.Send());
    }

    [TestMethod]
    public void Send_Twice_Throws()
    {
        using var server = new LoopbackHttpServer((req, c) => c.Respond(200, "text/plain", Array.Empty<byte>()));
        using var transport = new HttpClientTransport();
        using var exchange = transport.Open(new HttpRequest { Method = "GET", Url = server.BaseUrl + "/" });
        exchange.Send();

        Assert.ThrowsExactly<InvalidOperationException>(() => exchange.Send(), "an exchange is one request: a programming error, not a network outcome");
    }
}

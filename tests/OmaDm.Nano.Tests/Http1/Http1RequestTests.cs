using System;
using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Http1
{
    /// <summary>The request side of <see cref="Http1Exchange"/>: golden bytes for heads and bodies.</summary>
    [TestClass]
    public class Http1RequestTests
    {
        private const string NoContent = "HTTP/1.1 204 No Content\r\n\r\n";

        // Head of a bare POST to http://h/up: 19 + 9 + 19 bytes. With a 512-byte scratch buffer the
        // body room is 512 - 7 (chunk CRLF + last chunk) - 40 (framing reserve) - 47 (head) = 418
        // bytes = 0x1a2: what one chunk carries.
        private const string BarePostHead = "POST /up HTTP/1.1\r\nHost: h\r\nConnection: close\r\n";
        private const int BodyRoom = 418;

        [TestMethod]
        public void Get_WithRangeIfRangeDevIdAndBasic_WritesExactHead()
        {
            HttpRequest request = Request("GET", "https://dm.example.com/fw/image.bin?v=2");
            request.Accept = "application/octet-stream";
            request.DevId = "MAC:a1b2c3d4e5f6";
            request.UserName = "test";
            request.Password = "123\u00a3"; // RFC 7617 section 2.1 example: UTF-8 before base64
            request.RangeStart = 1024;
            request.IfRange = "\"abc\"";
            FakeConnection connection = new FakeConnection(NoContent, 1000);

            Http1Exchange exchange = Open(request, connection, 512);
            Assert.IsNull(exchange.RequestBody, "GET has no body");
            Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send());

            Assert.AreEqual(
                "GET /fw/image.bin?v=2 HTTP/1.1\r\n" +
                "Host: dm.example.com\r\n" +
                "Connection: close\r\n" +
                "Accept: application/octet-stream\r\n" +
                "OMADM-DevID: MAC:a1b2c3d4e5f6\r\n" +
                "Authorization: Basic dGVzdDoxMjPCow==\r\n" +
                "Range: bytes=1024-\r\n" +
                "If-Range: \"abc\"\r\n" +
                "\r\n",
                connection.WrittenText);
            Assert.AreEqual(1, connection.WriteCount, "the head leaves in one write (one TLS record)");
            Assert.IsTrue(connection.FlushCount > 0);
            Assert.AreEqual(204, exchange.StatusCode);
        }

        [TestMethod]
        public void Get_RangeWithoutIfRange_AndNonDefaultPort()
        {
            HttpRequest request = Request("GET", "http://127.0.0.1:8080/repo/x");
            request.RangeStart = 0;
            request.UserName = "Aladdin";
            request.Password = "open sesame"; // RFC 7617 section 2 example
            FakeConnection connection = new FakeConnection(NoContent, 1000);

            Open(request, connection, 512).Send();

            Assert.AreEqual(
                "GET /repo/x HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n" +
                "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\nRange: bytes=0-\r\n\r\n",
                connection.WrittenText);
        }

        [TestMethod]
        public void Get_WeakOrUnquotedIfRange_AsksForTheWholeResource()
        {
            // As the host binding: a Range without a usable strong validator could splice two
            // versions of the resource, so neither Range nor If-Range is sent.
            string[] unusable = { "W/\"abc\"", "abc", "", "\"a\"b\"" };
            foreach (string tag in unusable)
            {
                HttpRequest request = Request("GET", "https://h/img");
                request.RangeStart = 10;
                request.IfRange = tag;
                FakeConnection connection = new FakeConnection(NoContent, 1000);

                Assert.AreEqual((int)TransportResult.Success, (int)Open(request, connection, 512).Send(), tag);
                Assert.AreEqual("GET /img HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", connection.WrittenText, tag);
            }
        }

        [TestMethod]
        public void Get_ExplicitDefaultPortAndEmptyPassword()
        {
            HttpRequest request = Request("GET", "https://h:443/");
            request.UserName = "u";
            request.Password = null; // "u:" = 75 3A -> "dTo="
            FakeConnection connection = new FakeConnection(NoContent, 1000);

            Open(request, connection, 512).Send();

            Assert.AreEqual("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nAuthorization: Basic dTo=\r\n\r\n", connection.WrittenText);
        }

        [TestMethod]
        public void Post_SmallBody_ContentLengthInOneWrite()
        {
            HttpRequest request = Request("POST", "http://127.0.0.1:8080/dm");
            request.Accept = "application/vnd.oma.dm.request+json";
            request.ContentType = "application/vnd.oma.dm.initiation+json";
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(request, connection, 512);

            byte[] body = Encoding.UTF8.GetBytes("{\"a\":1}");
            exchange.RequestBody.Write(body, 0, body.Length);
            Assert.AreEqual(0, connection.WriteCount, "a body that fits waits for Send");
            Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send());

            Assert.AreEqual(
                "POST /dm HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n" +
                "Accept: application/vnd.oma.dm.request+json\r\n" +
                "Content-Type: application/vnd.oma.dm.initiation+json\r\n" +
                "Content-Length: 7\r\n\r\n{\"a\":1}",
                connection.WrittenText);
            Assert.AreEqual(1, connection.WriteCount, "head and body in one write");
        }

        [TestMethod]
        public void Post_EmptyBody_SendsContentLengthZero()
        {
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
            Assert.IsNotNull(exchange.RequestBody);

            Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send());
            Assert.AreEqual(BarePostHead + "Content-Length: 0\r\n\r\n", connection.WrittenText);
        }

        [TestMethod]
        public void Put_BodyExactlyTheRoom_StillContentLength()
        {
            byte[] body = Pattern(BodyRoom);
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("PUT", "http://h/up"), connection, 512);
            exchange.RequestBody.Write(body, 0, body.Length);
            exchange.Send();

            Assert.AreEqual("PUT /up HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: 418\r\n\r\n" + Ascii(body, 0, BodyRoom),
                connection.WrittenText);
        }

        [TestMethod]
        public void Post_OneByteOverTheRoom_GoesChunked()
        {
            byte[] body = Pattern(BodyRoom + 1);
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
            exchange.RequestBody.Write(body, 0, body.Length);
            Assert.AreEqual(1, connection.WriteCount, "the first full chunk left when the 419th byte came");
            exchange.Send();

            Assert.AreEqual(
                BarePostHead + "Transfer-Encoding: chunked\r\n\r\n" +
                "1a2\r\n" + Ascii(body, 0, 418) + "\r\n" +
                "1\r\n" + Ascii(body, 418, 1) + "\r\n" +
                "0\r\n\r\n",
                connection.WrittenText);
            Assert.AreEqual(2, connection.WriteCount);
        }

        [TestMethod]
        public void Post_LargeBody_ChunkFramingExact_WhateverTheWriteSizes()
        {
            int[] writeSizes = { 1000, 7, 1, 418, 419 };
            foreach (int size in writeSizes)
            {
                byte[] body = Pattern(1000);
                FakeConnection connection = new FakeConnection(NoContent, 1000);
                Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
                for (int offset = 0; offset < body.Length; offset += size)
                {
                    exchange.RequestBody.Write(body, offset, body.Length - offset < size ? body.Length - offset : size);
                }

                Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send());

                // 1000 = 418 + 418 + 164 (0xa4)
                Assert.AreEqual(
                    BarePostHead + "Transfer-Encoding: chunked\r\n\r\n" +
                    "1a2\r\n" + Ascii(body, 0, 418) + "\r\n" +
                    "1a2\r\n" + Ascii(body, 418, 418) + "\r\n" +
                    "a4\r\n" + Ascii(body, 836, 164) + "\r\n" +
                    "0\r\n\r\n",
                    connection.WrittenText, "writes of " + size.ToString());
                Assert.AreEqual(3, connection.WriteCount, "one write per chunk, the last with the terminator");
                Assert.AreEqual(204, exchange.StatusCode);
            }
        }

        [TestMethod]
        public void Post_TwoFullChunks_LastFullChunkCarriesTheTerminator()
        {
            byte[] body = Pattern(2 * BodyRoom);
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
            exchange.RequestBody.Write(body, 0, body.Length);
            exchange.Send();

            Assert.AreEqual(
                BarePostHead + "Transfer-Encoding: chunked\r\n\r\n" +
                "1a2\r\n" + Ascii(body, 0, 418) + "\r\n" +
                "1a2\r\n" + Ascii(body, 418, 418) + "\r\n" +
                "0\r\n\r\n",
                connection.WrittenText);
        }

        [TestMethod]
        public void HeaderInjection_IsRefusedBeforeAnyByteIsWritten()
        {
            for (int field = 0; field < 5; field++)
            {
                HttpRequest request = Request("POST", "https://h/dm");
                request.RangeStart = 5;
                switch (field)
                {
                    case 0: request.DevId = "MAC:1\r\nX-Evil: 1"; break;
                    case 1: request.Accept = "a/b\nX-Evil: 1"; break;
                    case 2: request.ContentType = "a/b\r"; break;
                    case 3: request.IfRange = "\"a\"\r\n\r\nGET / HTTP/1.1"; break;
                    default: request.DevId = "nul\u0000"; break;
                }

                FakeConnection connection = new FakeConnection(NoContent, 1000);
                Http1Exchange exchange = Open(request, connection, 512);
                byte[] body = Pattern(1500); // longer than the buffer: would have gone out chunked
                exchange.RequestBody.Write(body, 0, body.Length);

                Assert.AreEqual((int)TransportResult.BadRequest, (int)exchange.Send(), "field " + field.ToString());
                Assert.AreEqual(0, connection.Written.Length, "nothing written, field " + field.ToString());
                Assert.AreEqual(0, exchange.StatusCode);
            }
        }

        [TestMethod]
        public void UnknownMethod_IsBadRequest()
        {
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("DELETE", "https://h/x"), connection, 512);
            Assert.AreEqual((int)TransportResult.BadRequest, (int)exchange.Send());
            Assert.AreEqual(0, connection.Written.Length);
        }

        [TestMethod]
        public void HeadThatDoesNotFitTheBuffer_IsBadRequest()
        {
            string url = "https://h/" + new string('p', 600);
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Assert.AreEqual((int)TransportResult.BadRequest, (int)Open(Request("GET", url), connection, 512).Send());
            Assert.AreEqual(0, connection.Written.Length);

            // The same URL fits a 2 KiB buffer.
            connection = new FakeConnection(NoContent, 1000);
            Assert.AreEqual((int)TransportResult.Success, (int)Open(Request("GET", url), connection, 2048).Send());
        }

        [TestMethod]
        public void Constructor_RefusesATooSmallBuffer()
        {
            HttpRequest request = Request("GET", "https://h/");
            HttpTarget target;
            HttpTarget.TryParse(request.Url, out target);
            Assert.ThrowsException(typeof(ArgumentException), () => new Http1Exchange(request, target, new FakeConnection(NoContent, 1), new byte[511]));
            Assert.AreEqual(512, Http1Exchange.MinBufferBytes);
        }

        [TestMethod]
        public void WriteFailure_WhileStreamingChunks_SurfacesAtSend()
        {
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            connection.WriteFailure = new IOException("broken pipe");
            Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
            byte[] body = Pattern(3000);
            exchange.RequestBody.Write(body, 0, body.Length); // does not throw into the package writer
            Assert.AreEqual((int)TransportResult.ConnectionLost, (int)exchange.Send());
            Assert.AreEqual(0, exchange.StatusCode);
        }

        [TestMethod]
        public void WriteFailure_AtSend_IsConnectionLost()
        {
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            connection.WriteFailure = new ObjectDisposedException("socket");
            Http1Exchange exchange = Open(Request("GET", "http://h/x"), connection, 512);
            Assert.AreEqual((int)TransportResult.ConnectionLost, (int)exchange.Send());
        }

        [TestMethod]
        public void RequestBody_IsWriteOnly_AndClosedBySend()
        {
            FakeConnection connection = new FakeConnection(NoContent, 1000);
            Http1Exchange exchange = Open(Request("POST", "http://h/up"), connection, 512);
            Stream body = exchange.RequestBody;
            Assert.IsTrue(body.CanWrite);
            Assert.IsFalse(body.CanRead);
            Assert.ThrowsException(typeof(NotSupportedException), () => Assert.AreEqual(0, body.Read(new byte[1], 0, 1)));
            exchange.Send();
            Assert.ThrowsException(typeof(InvalidOperationException), () => body.Write(new byte[1], 0, 1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => exchange.Send());
        }

        internal static HttpRequest Request(string method, string url)
        {
            HttpRequest request = new HttpRequest();
            request.Method = method;
            request.Url = url;
            return request;
        }

        internal static Http1Exchange Open(HttpRequest request, Stream connection, int bufferBytes)
        {
            HttpTarget target;
            Assert.IsTrue(HttpTarget.TryParse(request.Url, out target), request.Url);
            return new Http1Exchange(request, target, connection, new byte[bufferBytes]);
        }

        internal static byte[] Pattern(int length)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)('a' + (i % 26));
            }

            return data;
        }

        internal static string Ascii(byte[] data, int offset, int count)
        {
            return Encoding.UTF8.GetString(data, offset, count);
        }
    }
}

using System;
using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Http1
{
    /// <summary>The response side of <see cref="Http1Exchange"/>: status line, headers, body framing, bounds.</summary>
    [TestClass]
    public class Http1ResponseTests
    {
        [TestMethod]
        public void BeforeSend_PropertiesAreEmpty()
        {
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), new FakeConnection("", 1), 512);
            Assert.AreEqual(0, exchange.StatusCode);
            Assert.AreEqual(-1L, exchange.ContentLength);
            Assert.AreEqual(-1L, exchange.RangeStart);
            Assert.AreEqual(-1L, exchange.RangeTotal);
            Assert.IsNull(exchange.ContentType);
            Assert.IsNull(exchange.ETag);
            Assert.IsNull(exchange.ResponseBody);
        }

        [TestMethod]
        public void ContentLength_Body_WhateverTheSegmentSizes()
        {
            const string Response = "HTTP/1.1 200 OK\r\n" +
                "Content-Type: application/vnd.oma.dm.request+json; charset=utf-8\r\n" +
                "Content-Length: 5\r\n" +
                "ETag: \"v1\"\r\n" +
                "Server: test\r\n" +
                "\r\n" +
                "helloEXTRA";
            int[] segments = { 1, 2, 7, 1000 };
            foreach (int segment in segments)
            {
                Http1Exchange exchange = Respond(Response, segment, 512);
                Assert.AreEqual(200, exchange.StatusCode);
                Assert.AreEqual("application/vnd.oma.dm.request+json", exchange.ContentType);
                Assert.AreEqual(5L, exchange.ContentLength);
                Assert.AreEqual("\"v1\"", exchange.ETag);
                Assert.AreEqual(-1L, exchange.RangeStart);
                Assert.AreEqual(-1L, exchange.RangeTotal);
                Assert.AreEqual("hello", ReadAll(exchange.ResponseBody, 3), "bytes past Content-Length are not body");
            }
        }

        [TestMethod]
        public void HeaderNames_AreCaseInsensitive_ValuesTrimmed()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 201 Created\r\ncontent-LENGTH:2\r\nCONTENT-TYPE: \t text/plain \r\netag:W/\"x\"\t\r\n\r\nok", 1000, 512);
            Assert.AreEqual(201, exchange.StatusCode);
            Assert.AreEqual(2L, exchange.ContentLength);
            Assert.AreEqual("text/plain", exchange.ContentType);
            Assert.AreEqual("W/\"x\"", exchange.ETag);
            Assert.AreEqual("ok", ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void BareLineFeeds_AreAccepted()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 1000, 512);
            Assert.AreEqual(200, exchange.StatusCode);
            Assert.AreEqual("ok", ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void StatusLine_WithoutReasonPhrase_IsAccepted()
        {
            Assert.AreEqual(404, Respond("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", 1000, 512).StatusCode);
            Assert.AreEqual(500, Respond("HTTP/1.0 500 \r\n\r\n", 1000, 512).StatusCode);
        }

        [TestMethod]
        public void Chunked_DeChunks_IgnoringExtensionsAndTrailers()
        {
            const string Response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n" +
                "4;name=value\r\nWiki\r\n" +
                "5 ; x\r\npedia\r\n" +
                "E\r\n in\r\n\r\nchunks.\r\n" +
                "0\r\nExpires: never\r\nX-Checksum: 1\r\n\r\n";
            int[] segments = { 1, 3, 1000 };
            int[] reads = { 1, 4, 100 };
            foreach (int segment in segments)
            {
                foreach (int read in reads)
                {
                    Http1Exchange exchange = Respond(Response, segment, 512);
                    Assert.AreEqual(-1L, exchange.ContentLength);
                    Assert.AreEqual("text/plain", exchange.ContentType);
                    Assert.AreEqual("Wikipedia in\r\n\r\nchunks.", ReadAll(exchange.ResponseBody, read),
                        "segments of " + segment.ToString() + ", reads of " + read.ToString());
                    Assert.AreEqual(0, exchange.ResponseBody.Read(new byte[4], 0, 4), "stays at the end");
                }
            }
        }

        [TestMethod]
        public void Chunked_UppercaseHexAndLeadingZeros()
        {
            string data = new string('z', 26);
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n0001A\r\n" + data + "\r\n00\r\n\r\n", 1000, 512);
            Assert.AreEqual(data, ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void Chunked_OverridesContentLength()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", 1000, 512);
            Assert.AreEqual(-1L, exchange.ContentLength, "RFC 9112 6.3: Transfer-Encoding wins, the length is not the body's");
            Assert.AreEqual("ok", ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void NoLengthNoChunks_ReadsUntilClose()
        {
            Http1Exchange exchange = Respond("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it\r\nuntil close", 2, 512);
            Assert.AreEqual(-1L, exchange.ContentLength);
            Assert.AreEqual("all of it\r\nuntil close", ReadAll(exchange.ResponseBody, 5));
        }

        [TestMethod]
        public void InterimResponses_AreSkipped()
        {
            Http1Exchange exchange = Respond(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX-A: b\r\nContent-Type: a/b\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 3, 512);
            Assert.AreEqual(200, exchange.StatusCode);
            Assert.IsNull(exchange.ContentType, "headers of an interim response are not the final response's");
            Assert.AreEqual("ok", ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void SwitchingProtocols_IsNotSkipped()
        {
            AssertConnectionLost("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", "we never asked to upgrade");
        }

        [TestMethod]
        public void Partial_ContentRange_Parsed()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 100-103/1000\r\nContent-Length: 4\r\n\r\nabcd", 1000, 512);
            Assert.AreEqual(206, exchange.StatusCode);
            Assert.AreEqual(100L, exchange.RangeStart);
            Assert.AreEqual(1000L, exchange.RangeTotal);
            Assert.AreEqual(4L, exchange.ContentLength);
            Assert.AreEqual("abcd", ReadAll(exchange.ResponseBody, 100));

            exchange = Respond("HTTP/1.1 206 Partial Content\r\ncontent-range:  Bytes 0-0/*\r\n\r\na", 1000, 512);
            Assert.AreEqual(0L, exchange.RangeStart);
            Assert.AreEqual(-1L, exchange.RangeTotal, "unknown total");

            exchange = Respond("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 4294967296-4294967300/9000000000\r\n\r\n", 1000, 512);
            Assert.AreEqual(4294967296L, exchange.RangeStart, "beyond 32 bits");
            Assert.AreEqual(9000000000L, exchange.RangeTotal);
        }

        [TestMethod]
        public void Partial_BadContentRange_LeavesRangeUnknown()
        {
            string[] bad =
            {
                "bytes 200-100/1000", "bytes 100-199/150", "bytes 100-199/199", "items 1-2/3", "bytes 1-2", "bytes -2/3", "bytes 1-/3",
                "bytes */1000", "bytes 1-2/3x", "bytes 1-2/*x", "bytes1-2/3", "bytes 1 -2/3", "bytes 1-2/9999999999999999999"
            };
            foreach (string range in bad)
            {
                Http1Exchange exchange = Respond("HTTP/1.1 206 Partial Content\r\nContent-Range: " + range + "\r\n\r\n", 1000, 512);
                Assert.AreEqual(206, exchange.StatusCode, range);
                Assert.AreEqual(-1L, exchange.RangeStart, range);
                Assert.AreEqual(-1L, exchange.RangeTotal, range);
            }
        }

        [TestMethod]
        public void ContentRange_OnA200_IsIgnored()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nContent-Range: bytes 0-1/2\r\nContent-Length: 2\r\n\r\nok", 1000, 512);
            Assert.AreEqual(-1L, exchange.RangeStart);
            Assert.AreEqual(-1L, exchange.RangeTotal);
        }

        [TestMethod]
        public void NoBodyStatuses_HaveAnEmptyBody()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 204 No Content\r\n\r\nstray", 1000, 512);
            Assert.AreEqual("", ReadAll(exchange.ResponseBody, 100));

            exchange = Respond("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\nETag: \"v2\"\r\n\r\n", 1000, 512);
            Assert.AreEqual(304, exchange.StatusCode);
            Assert.AreEqual("\"v2\"", exchange.ETag);
            Assert.AreEqual("", ReadAll(exchange.ResponseBody, 100), "a 304 never has a body, whatever its Content-Length says");
        }

        [TestMethod]
        public void MalformedStatusLines_AreConnectionLost()
        {
            string[] bad =
            {
                "", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/2 200 OK\r\n\r\n", "HTTP/1.2 200 OK\r\n\r\n", "FTP/1.1 200 OK\r\n\r\n",
                "http/1.1 200 OK\r\n\r\n", "HTTP/1.1 600 Nope\r\n\r\n", "HTTP/1.1 099 Nope\r\n\r\n", "HTTP/1.1 200OK\r\n\r\n", "HTTP/1.1  200 OK\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "HTTP/1.1 200 OK\r\nX: \u0001\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n"
            };
            foreach (string response in bad)
            {
                AssertConnectionLost(response, response);
            }
        }

        [TestMethod]
        public void MalformedHeaderLines_AreConnectionLost()
        {
            string[] bad = { "NoColon", ": empty-name", "Space Name: x", "Name : x", " folded: x", "\tfolded: x", "Na\u0001me: x" };
            foreach (string line in bad)
            {
                AssertConnectionLost("HTTP/1.1 200 OK\r\n" + line + "\r\n\r\n", line);
            }

            // obs-fold continuation of a good header
            AssertConnectionLost("HTTP/1.1 200 OK\r\nX-A: b\r\n  c\r\n\r\n", "obs-fold");
        }

        [TestMethod]
        public void BadContentLengths_AreConnectionLost()
        {
            string[] bad = { "-1", "abc", "12a", "1 2", "+5", "", "9999999999999999999", "5, 5" };
            foreach (string value in bad)
            {
                AssertConnectionLost("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\n", "Content-Length: " + value);
            }

            AssertConnectionLost("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "conflicting duplicates");

            Http1Exchange agreeing = Respond("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhello", 1000, 512);
            Assert.AreEqual(5L, agreeing.ContentLength, "duplicates that agree are one length");
            Assert.AreEqual("hello", ReadAll(agreeing.ResponseBody, 100));

            Http1Exchange big = Respond("HTTP/1.1 200 OK\r\nContent-Length: 999999999999999999\r\n\r\n", 1000, 512);
            Assert.AreEqual(999999999999999999L, big.ContentLength, "18 digits still fit");
        }

        [TestMethod]
        public void UnsupportedTransferCodings_AreConnectionLost()
        {
            AssertConnectionLost("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "gzip");
            AssertConnectionLost("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", "gzip, chunked: we cannot un-gzip");
            AssertConnectionLost("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "chunked twice");
        }

        [TestMethod]
        public void HeaderLineLongerThanTheBuffer_IsConnectionLost()
        {
            string response = "HTTP/1.1 200 OK\r\nX-Long: " + new string('v', 600) + "\r\nContent-Length: 0\r\n\r\n";
            AssertConnectionLost(response, "line over 512 bytes");
            Assert.AreEqual(200, Respond(response, 1000, 2048).StatusCode, "the line bound is the scratch buffer");

            AssertConnectionLost("HTTP/1.1 200 " + new string('r', 600) + "\r\n\r\n", "status line over 512 bytes");
        }

        [TestMethod]
        public void HeadOverEightKiB_IsConnectionLost()
        {
            // 17 + 30 * 250 + 2 = 7519 bytes: fine. 17 + 40 * 250 + 2 = 10019: over 8192.
            string line = "X-Long: " + new string('v', 240) + "\r\n";
            Assert.AreEqual(250, line.Length);
            Assert.AreEqual(200, Respond("HTTP/1.1 200 OK\r\n" + Repeat(line, 30) + "\r\n", 1000, 512).StatusCode);
            AssertConnectionLost("HTTP/1.1 200 OK\r\n" + Repeat(line, 40) + "\r\n", "10019 bytes of head");
        }

        [TestMethod]
        public void HeadOverEightKiB_CountsInterimResponses()
        {
            // 100 Continue heads of 25 bytes each: 330 of them are 8250 bytes before the real status line.
            string response = Repeat("HTTP/1.1 100 Continue\r\n\r\n", 330) + "HTTP/1.1 200 OK\r\n\r\n";
            AssertConnectionLost(response, "endless interim responses are bounded");
        }

        [TestMethod]
        public void HeaderLineCount_IsBoundedAtSixtyFour()
        {
            Assert.AreEqual(200, Respond("HTTP/1.1 200 OK\r\n" + Repeat("X-H: v\r\n", 64) + "\r\n", 1000, 512).StatusCode);
            AssertConnectionLost("HTTP/1.1 200 OK\r\n" + Repeat("X-H: v\r\n", 65) + "\r\n", "65 header lines");
        }

        [TestMethod]
        public void FailedSend_LeavesPropertiesEmpty()
        {
            Http1Exchange exchange = Send("HTTP/1.1 206 Partial\r\nContent-Type: a/b\r\nETag: \"e\"\r\nContent-Range: bytes 0-1/2\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", 1000);
            Assert.AreEqual(0, exchange.StatusCode);
            Assert.AreEqual(-1L, exchange.ContentLength);
            Assert.AreEqual(-1L, exchange.RangeStart);
            Assert.AreEqual(-1L, exchange.RangeTotal);
            Assert.IsNull(exchange.ContentType);
            Assert.IsNull(exchange.ETag);
            Assert.IsNull(exchange.ResponseBody);
        }

        [TestMethod]
        public void BadChunkSizes_ThrowIOException()
        {
            string[] bad = { "zz", "", "-1", "100000000", "80000000", "1 x", "0x10", ";ext", "1\u0001" };
            foreach (string size in bad)
            {
                Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nx\r\n0\r\n\r\n", 1000, 512);
                Assert.AreEqual(200, exchange.StatusCode, size);
                Assert.ThrowsException(typeof(IOException), () => ReadAll(exchange.ResponseBody, 100), "chunk size '" + size + "'");
            }
        }

        [TestMethod]
        public void ChunkDataNotFollowedByCrlf_ThrowsIOException()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", 1000, 512);
            Assert.ThrowsException(typeof(IOException), () => ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void ChunkLineLongerThanTheBuffer_ThrowsIOException()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 600) + "\r\nx\r\n0\r\n\r\n", 1000, 512);
            Assert.ThrowsException(typeof(IOException), () => ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void TooManyTrailers_ThrowIOException()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + Repeat("T: v\r\n", 65) + "\r\n", 1000, 512);
            Assert.ThrowsException(typeof(IOException), () => ReadAll(exchange.ResponseBody, 100));
        }

        [TestMethod]
        public void PrematureEof_InABody_ThrowsIOException()
        {
            string[] truncated =
            {
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabcd",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\nTrailer: x\r\n",
            };
            foreach (string response in truncated)
            {
                Http1Exchange exchange = Respond(response, 3, 512);
                Stream body = exchange.ResponseBody;
                byte[] four = new byte[4];
                int got = 0;
                while (got < 4)
                {
                    int n = body.Read(four, got, 4 - got);
                    Assert.IsTrue(n > 0, "the bytes that did arrive are readable");
                    got += n;
                }

                Assert.AreEqual("abcd", Encoding.UTF8.GetString(four, 0, 4));
                Assert.ThrowsException(typeof(IOException), () => ReadAll(body, 100), response);
            }
        }

        [TestMethod]
        public void ConnectionErrors_WhileReadingTheHead_AreConnectionLost()
        {
            FakeConnection connection = new FakeConnection("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1000);
            connection.FailReadsAt = 10;
            Assert.AreEqual((int)TransportResult.ConnectionLost, (int)Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512).Send());

            connection = new FakeConnection("HTTP/1.1 200 OK\r\n\r\n", 1000);
            connection.FailReadsAt = 0;
            connection.ReadFailure = new ObjectDisposedException("ssl");
            Assert.AreEqual((int)TransportResult.ConnectionLost, (int)Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512).Send());
        }

        [TestMethod]
        public void OtherErrors_WhileReadingTheHead_ReachTheTransport()
        {
            // A receive timeout on nanoFramework is a SocketException: not ours to classify, so the
            // transport that set the timeout sees it (and maps it to Timeout).
            FakeConnection connection = new FakeConnection("HTTP/1.1 200 OK\r\n\r\n", 1000);
            connection.FailReadsAt = 4;
            connection.ReadFailure = new SocketStandInException();
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
            Assert.ThrowsException(typeof(SocketStandInException), () => exchange.Send());
            Assert.AreEqual(0, exchange.StatusCode);
        }

        [TestMethod]
        public void AnyConnectionError_InTheBody_IsAnIOException()
        {
            const string Response = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
            FakeConnection connection = new FakeConnection(Response + new string('b', 100), 1000);
            connection.FailReadsAt = Response.Length + 10;
            connection.ReadFailure = new SocketStandInException();
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
            Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send());
            Assert.ThrowsException(typeof(IOException), () => ReadAll(exchange.ResponseBody, 100), "the IHttpExchange contract: IOException only");
        }

        [TestMethod]
        public void LargeBodies_AreReadStraightIntoTheCallersBuffer()
        {
            Http1Exchange exchange = null;
            FakeConnection connection = new FakeConnection("HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n" + new string('d', 4000), 100000);
            exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
            exchange.Send();
            string body = ReadAll(exchange.ResponseBody, 4096);
            Assert.AreEqual(4000, body.Length);
            Assert.IsTrue(connection.LargestReadRequest > 512, "a read bigger than the scratch buffer went to the connection");
        }

        [TestMethod]
        public void Dispose_DisposesTheConnectionOnce()
        {
            FakeConnection connection = new FakeConnection("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1000);
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
            exchange.Send();
            Stream body = exchange.ResponseBody;
            Assert.AreEqual(0, connection.DisposeCount);

            exchange.Dispose();
            exchange.Dispose();

            Assert.AreEqual(1, connection.DisposeCount);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => Assert.AreEqual(0, body.Read(new byte[2], 0, 2)));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => exchange.Send());
        }

        [TestMethod]
        public void Dispose_BeforeSend_DisposesTheConnection()
        {
            FakeConnection connection = new FakeConnection("", 1000);
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("POST", "https://h/"), connection, 512);
            exchange.Dispose();
            Assert.AreEqual(1, connection.DisposeCount);
            Assert.AreEqual(0, connection.Written.Length, "an abandoned request sends nothing more");
        }

        [TestMethod]
        public void ResponseBody_IsReadOnly()
        {
            Http1Exchange exchange = Respond("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1000, 512);
            Stream body = exchange.ResponseBody;
            Assert.IsTrue(body.CanRead);
            Assert.IsFalse(body.CanWrite);
            Assert.IsFalse(body.CanSeek);
            Assert.ThrowsException(typeof(NotSupportedException), () => body.Write(new byte[1], 0, 1));
        }

        /// <summary>A GET whose Send is expected to succeed.</summary>
        private static Http1Exchange Respond(string response, int segment, int bufferBytes)
        {
            FakeConnection connection = new FakeConnection(response, segment);
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, bufferBytes);
            Assert.AreEqual((int)TransportResult.Success, (int)exchange.Send(), response);
            return exchange;
        }

        private static Http1Exchange Send(string response, int segment)
        {
            FakeConnection connection = new FakeConnection(response, segment);
            Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
            exchange.Send();
            return exchange;
        }

        private static void AssertConnectionLost(string response, string because)
        {
            int[] segments = { 1, 1000 };
            foreach (int segment in segments)
            {
                FakeConnection connection = new FakeConnection(response, segment);
                Http1Exchange exchange = Http1RequestTests.Open(Http1RequestTests.Request("GET", "https://h/"), connection, 512);
                Assert.AreEqual((int)TransportResult.ConnectionLost, (int)exchange.Send(), because);
                Assert.AreEqual(0, exchange.StatusCode, because);
            }
        }

        private static string ReadAll(Stream body, int readSize)
        {
            MemoryStream all = new MemoryStream();
            byte[] chunk = new byte[readSize];
            int n;
            while ((n = body.Read(chunk, 0, chunk.Length)) > 0)
            {
                all.Write(chunk, 0, n);
            }

            byte[] bytes = all.ToArray();
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }

        private static string Repeat(string text, int times)
        {
            StringBuilder builder = new StringBuilder();
            for (int i = 0; i < times; i++)
            {
                builder.Append(text);
            }

            return builder.ToString();
        }

        /// <summary>Stands in for nanoFramework's SocketException, which is not an IOException.</summary>
        public sealed class SocketStandInException : Exception
        {
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using OmaDm.Server.Dm;
using OmaDm.Server.Repository;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Repository;

[TestClass]
public sealed class RepositoryHttpTests
{
    private static readonly byte[] Content = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();

    private static async Task<(TestServer Server, BlobInfo Blob)> StartWithBlobAsync(Action<ServerOptions>? configure = null)
    {
        var server = await TestServer.StartAsync(configure);
        var info = await server.Service<BlobStore>().PutAsync("image.bin", Content, "application/octet-stream", "blob");
        return (server, info!);
    }

    private static async Task<HttpResponseMessage> GetAsync(TestServer server, string path, Action<HttpRequestMessage>? headers = null, HttpMethod? method = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        headers?.Invoke(request);
        return await http.SendAsync(request);
    }

    [TestMethod]
    public async Task Get_Whole_Is200WithLengthEtagAndAcceptRanges()
    {
        var (server, blob) = await StartWithBlobAsync();
        await using var _ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin");

        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        Assert.AreEqual(1000, r.Content.Headers.ContentLength);
        Assert.AreEqual("bytes", r.Headers.AcceptRanges.Single());
        Assert.AreEqual(blob.ETag, r.Headers.ETag!.Tag);
        Assert.IsFalse(r.Headers.ETag.IsWeak);
        CollectionAssert.AreEqual(Content, await r.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Get_Range_Is206WithContentRangeAndExactBytes()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", q => q.Headers.Range = new RangeHeaderValue(100, 199));

        Assert.AreEqual(HttpStatusCode.PartialContent, r.StatusCode);
        Assert.AreEqual("bytes 100-199/1000", r.Content.Headers.ContentRange!.ToString());
        Assert.AreEqual(100, r.Content.Headers.ContentLength);
        CollectionAssert.AreEqual(Content[100..200], await r.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Get_OpenRangeWithMatchingIfRange_Is206ToTheEnd()
    {
        var (server, blob) = await StartWithBlobAsync();
        await using var _ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", q =>
        {
            q.Headers.TryAddWithoutValidation("Range", "bytes=600-");
            q.Headers.TryAddWithoutValidation("If-Range", blob.ETag);
        });

        Assert.AreEqual(HttpStatusCode.PartialContent, r.StatusCode);
        Assert.AreEqual("bytes 600-999/1000", r.Content.Headers.ContentRange!.ToString());
        CollectionAssert.AreEqual(Content[600..], await r.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Get_RangeWithStaleIfRange_Is200Whole()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", q =>
        {
            q.Headers.TryAddWithoutValidation("Range", "bytes=600-");
            q.Headers.TryAddWithoutValidation("If-Range", "\"some-older-image\"");
        });

        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode, "the client's partial copy is of another image: restart from 0");
        Assert.AreEqual(1000, r.Content.Headers.ContentLength);
    }

    [TestMethod]
    public async Task Get_RangeAfterReplace_WithOldEtag_Is200NewContent()
    {
        var (server, old) = await StartWithBlobAsync();
        await using var _ = server;
        var replacement = new byte[500];
        var updated = await server.Service<BlobStore>().PutAsync("image.bin", replacement, "application/octet-stream", "blob");

        var r = await GetAsync(server, "/repo/blobs/image.bin", q =>
        {
            q.Headers.TryAddWithoutValidation("Range", "bytes=100-");
            q.Headers.TryAddWithoutValidation("If-Range", old.ETag);
        });

        Assert.AreNotEqual(old.ETag, updated!.ETag);
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        Assert.AreEqual(500, r.Content.Headers.ContentLength);
    }

    [TestMethod]
    public async Task Get_RangePastEnd_Is416WithStarContentRange()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", q => q.Headers.TryAddWithoutValidation("Range", "bytes=1000-"));

        Assert.AreEqual(HttpStatusCode.RequestedRangeNotSatisfiable, r.StatusCode);
        Assert.AreEqual("bytes */1000", r.Content.Headers.ContentRange!.ToString());
    }

    [TestMethod]
    public async Task Get_IfNoneMatchCurrentEtag_Is304()
    {
        var (server, blob) = await StartWithBlobAsync();
        await using var _ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", q => q.Headers.TryAddWithoutValidation("If-None-Match", blob.ETag));

        Assert.AreEqual(HttpStatusCode.NotModified, r.StatusCode);
    }

    [TestMethod]
    public async Task Head_ReportsLengthWithoutBody()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        var r = await GetAsync(server, "/repo/blobs/image.bin", method: HttpMethod.Head);

        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        Assert.AreEqual(1000, r.Content.Headers.ContentLength);
        Assert.IsEmpty(await r.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Get_UnknownOrInvalidName_Is404()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        Assert.AreEqual(HttpStatusCode.NotFound, (await GetAsync(server, "/repo/blobs/nothing.bin")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await GetAsync(server, "/repo/blobs/..%2Fomadm.db")).StatusCode);
    }

    [TestMethod]
    public async Task Upload_PutByDevice_IsStoredAndNotServedPublicly()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        using var put = new HttpRequestMessage(HttpMethod.Put, "/repo/upload/dev-1/config") { Content = new StringContent("{\"a\":1}") };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        put.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));
        put.Headers.Add(DmMediaTypes.DevIdHeader, "dev-1");

        var response = await dev.Http.SendAsync(put);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var upload = server.Service<BlobStore>().List("upload", "dev-1").Single();
        Assert.AreEqual("upload/dev-1/config", upload.Name);
        Assert.AreEqual(7, upload.Length);
        var adminRead = await server.Admin.GetStringAsync("/api/blob-content?name=upload/dev-1/config");
        Assert.AreEqual("{\"a\":1}", adminRead);
        Assert.AreEqual(HttpStatusCode.NotFound, (await GetAsync(server, "/repo/blobs/upload%2Fdev-1%2Fconfig")).StatusCode);
    }

    [TestMethod]
    public async Task Upload_PostTwice_KeepsBoth()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        for (int i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/repo/upload/dev-1/log") { Content = new StringContent("[" + i + "]") };
            post.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));
            Assert.AreEqual(HttpStatusCode.Created, (await dev.Http.SendAsync(post)).StatusCode);
        }

        Assert.HasCount(2, server.Service<BlobStore>().List("upload", "dev-1"));
    }

    [TestMethod]
    public async Task Upload_WithoutCredentialsOrTooLarge_IsRefused()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxUploadBytes = 100);
        using var dev = server.Enrol("dev-1");
        using var anonymous = new HttpRequestMessage(HttpMethod.Put, "/repo/upload/dev-1/x") { Content = new StringContent("1") };
        using var big = new HttpRequestMessage(HttpMethod.Put, "/repo/upload/dev-1/x") { Content = new ByteArrayContent(new byte[101]) };
        big.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await dev.Http.SendAsync(anonymous)).StatusCode);
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, (await dev.Http.SendAsync(big)).StatusCode);
        Assert.IsEmpty(server.Service<BlobStore>().List("upload"));
    }

    [TestMethod]
    public async Task FaultInjection_DropsOnceAtOffset_ThenRangeResumeCompletes()
    {
        var (server, blob) = await StartWithBlobAsync(o => o.EnableFaultInjection = true);
        await using var _ = server;
        Assert.IsTrue(server.Service<RepositoryFaults>().DropConnection("dev-1", 300));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var received = new MemoryStream();
        try
        {
            var first = await http.GetAsync("/repo/blobs/image.bin?dev=dev-1", HttpCompletionOption.ResponseHeadersRead);
            await (await first.Content.ReadAsStreamAsync()).CopyToAsync(received);
            Assert.Fail("the connection should have dropped");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // expected: the repository cut the connection (a reset may also discard bytes in flight)
        }
        Assert.IsLessThanOrEqualTo(300L, received.Length, "nothing past the drop offset is sent");
        Assert.AreEqual(1, server.Service<RepositoryFaults>().DropsDone);
        using var resume = new HttpRequestMessage(HttpMethod.Get, "/repo/blobs/image.bin?dev=dev-1");
        resume.Headers.TryAddWithoutValidation("Range", "bytes=" + received.Length + "-");
        resume.Headers.TryAddWithoutValidation("If-Range", blob.ETag);
        var rest = await http.SendAsync(resume);
        received.Write(await rest.Content.ReadAsByteArrayAsync());

        Assert.AreEqual(HttpStatusCode.PartialContent, rest.StatusCode);
        CollectionAssert.AreEqual(Content, received.ToArray());
        // The tracker is updated right after the last write returns on the server: allow that moment.
        var tracker = server.Service<DownloadTracker>();
        for (int i = 0; i < 100 && tracker.HighestOffset("dev-1", "image.bin") != 1000; i++)
        {
            await Task.Delay(20);
        }
        Assert.AreEqual(1000, tracker.HighestOffset("dev-1", "image.bin"));
    }

    [TestMethod]
    public async Task FaultInjection_Disabled_CannotBeArmed()
    {
        await using var server = await TestServer.StartAsync();

        Assert.IsFalse(server.Service<RepositoryFaults>().DropConnection("dev-1", 10));
        var r = await server.Admin.PostAsync("/api/faults/drop", System.Net.Http.Json.JsonContent.Create(new { devId = "dev-1", offset = 10 }));
        Assert.AreEqual(HttpStatusCode.NotFound, r.StatusCode);
    }

    [TestMethod]
    public async Task PackageUrl_ReturnsAbsoluteBlobUrlAsText()
    {
        var (server, _) = await StartWithBlobAsync();
        await using var __ = server;

        var r = await GetAsync(server, "/repo/fwurl/image.bin?dev=dev-1");

        Assert.AreEqual("text/plain", r.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual(server.BaseUrl + "/repo/blobs/image.bin?dev=dev-1", await r.Content.ReadAsStringAsync());
    }
    [TestMethod]
    public async Task Upload_PostBeyondPerDeviceLimit_Is507()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxUploadsPerDevice = 2);
        using var dev = server.Enrol("dev-1");
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/repo/upload/dev-1/log") { Content = new StringContent("[" + i + "]") };
            post.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));
            statuses.Add((await dev.Http.SendAsync(post)).StatusCode);
        }

        CollectionAssert.AreEqual(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.InsufficientStorage }, statuses);
        Assert.HasCount(2, server.Service<BlobStore>().List("upload", "dev-1"));
    }
}

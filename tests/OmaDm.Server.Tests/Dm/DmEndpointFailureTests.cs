using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class DmEndpointFailureTests
{
    private const string P1 = "{\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}";

    [TestMethod]
    public async Task NoAuthorization_Is401WithBasicChallenge()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        var r = await dev.PostAsync(P1, DmMediaTypes.Initiation, auth: false);

        Assert.AreEqual(HttpStatusCode.Unauthorized, r.Status);
        Assert.AreEqual("Basic", r.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.IsEmpty(server.Service<SessionHistory>().Sessions("dev-1"), "no session for an unauthenticated request");
    }

    [TestMethod]
    public async Task WrongPassword_Is401()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        dev.Password = "wrong";

        var r = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.Unauthorized, r.Status);
    }

    [TestMethod]
    public async Task WrongUserName_Is401()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        dev.User = "someone-else";

        var r = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.Unauthorized, r.Status);
    }

    [TestMethod]
    public async Task UnknownDevice_Is401AndNotEnrolled()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = new ScriptedDevice(server.BaseUrl, "ghost", "ghost", "pw");

        var r = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.Unauthorized, r.Status);
        Assert.IsFalse(server.Service<DeviceRegistry>().Exists("ghost"));
    }

    [TestMethod]
    public async Task AutoEnrol_UnknownDevice_IsEnrolledAndThenNeedsSamePassword()
    {
        await using var server = await TestServer.StartAsync(o => o.AutoEnrol = true);
        using var dev = new ScriptedDevice(server.BaseUrl, "new-1", "new-1", "first-password");

        var first = await dev.PostAsync(P1, DmMediaTypes.Initiation);
        dev.Password = "another";
        var second = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.OK, first.Status);
        Assert.IsTrue(server.Service<DeviceRegistry>().Get("new-1")!.AutoEnrolled);
        Assert.AreEqual(HttpStatusCode.Unauthorized, second.Status, "auto-enrol never overwrites an existing device's password");
    }

    [TestMethod]
    public async Task WrongMediaType_Is415()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        var r = await dev.PostAsync(P1, "application/json");

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, r.Status);
    }

    [TestMethod]
    public async Task MediaTypeWithParametersAndOtherCase_IsAccepted()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StringContent(P1, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("Application/VND.oma.dm.initiation+json; charset=utf-8");
        request.Headers.Add(DmMediaTypes.DevIdHeader, "dev-1");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));

        var response = await dev.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task MalformedJson_Is400()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");

        foreach (var body in new[] { "{\"Alert\":[", "not json", "", "[1,2]", "{\"MOS\":5}", "{\"Alert\":[{\"Data\":\"x\"}]}", "{\"Alert\":[{\"AlertType\":7}]}", "{\"MOS\":[{\"MIID\":[]}]}" })
        {
            var r = await dev.PostAsync(body, DmMediaTypes.Initiation);
            Assert.AreEqual(HttpStatusCode.BadRequest, r.Status, body);
        }
        await dev.RunSessionAsync();
        foreach (var body in new[] { "{}", "{\"Status\":{}}", "{\"Status\":[{\"sc\":\"200\"}]}", "{\"Status\":[{\"sc\":200,\"URI\":[\"a\"],\"Data\":[]}]}", "{\"Status\":[7]}" })
        {
            await dev.Package1Async();
            var r = await dev.PostAsync(body, DmMediaTypes.Response);
            Assert.AreEqual(HttpStatusCode.BadRequest, r.Status, body);
        }
    }

    [TestMethod]
    public async Task DeeplyNestedJson_Is400NotACrash()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        var body = "{\"MOS\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var r = await dev.PostAsync(body, DmMediaTypes.Initiation);
        var after = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.BadRequest, r.Status);
        Assert.AreEqual(HttpStatusCode.OK, after.Status, "server still answers");
    }

    [TestMethod]
    public async Task OversizePackage_Is413()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxPackageBytes = 4096);
        using var dev = server.Enrol("dev-1");
        var body = "{\"Alert\":[{\"AlertType\":\"" + new string('a', 5000) + "\"}]}";

        var r = await dev.PostAsync(body, DmMediaTypes.Initiation);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, r.Status);
    }

    [TestMethod]
    public async Task OversizeChunkedPackage_WithoutContentLength_Is413()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxPackageBytes = 4096);
        using var dev = server.Enrol("dev-1");
        var bytes = Encoding.UTF8.GetBytes("{\"Alert\":[{\"AlertType\":\"" + new string('a', 9000) + "\"}]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StreamContent(new NonSeekableStream(bytes)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(DmMediaTypes.Initiation);
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(DmMediaTypes.DevIdHeader, "dev-1");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("dev-1", dev.Password));

        var response = await dev.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    public async Task MissingOrBadDevIdHeader_Is400()
    {
        await using var server = await TestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var devId in new[] { null, "", "a/b", "has space", new string('x', 200) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StringContent(P1) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(DmMediaTypes.Initiation);
            if (devId is not null)
            {
                request.Headers.TryAddWithoutValidation(DmMediaTypes.DevIdHeader, devId);
            }
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(HttpBasic.Format("x", "y"));
            var response = await http.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, devId ?? "(absent)");
        }
    }

    [TestMethod]
    public async Task GarbageAuthorizationHeaders_Are401()
    {
        await using var server = await TestServer.StartAsync();
        using var dev = server.Enrol("dev-1");
        foreach (var header in new[] { "Basic !!!notbase64", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")), "Bearer abc", "Basic", "Basic " + new string('A', 5000) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/dm") { Content = new StringContent(P1) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(DmMediaTypes.Initiation);
            request.Headers.Add(DmMediaTypes.DevIdHeader, "dev-1");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            var response = await dev.Http.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, header[..Math.Min(20, header.Length)]);
        }
    }

    [TestMethod]
    public async Task RepeatedWrongPasswords_From_OneAddress_Get429_ThenEvenTheRightOneWaits()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxAuthFailuresPerMinute = 3);
        using var dev = server.Enrol("dev-1");
        var right = dev.Password;
        dev.Password = "guess";

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await dev.PostAsync(P1, DmMediaTypes.Initiation)).Status);
        }
        dev.Password = right;
        var afterwards = await dev.PostAsync(P1, DmMediaTypes.Initiation);

        CollectionAssert.AreEqual(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429 }, statuses);
        Assert.AreEqual((HttpStatusCode)429, afterwards.Status, "blocked for the rest of the minute: no more PBKDF2 work for this address");
        Assert.AreEqual("60", afterwards.Response.Headers.RetryAfter!.ToString());
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

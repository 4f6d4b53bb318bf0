using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Firmware;
using OmaDm.Server.Repository;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Firmware;

[TestClass]
public sealed class FirmwareCatalogTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 3000).Select(i => (byte)(i % 251)).ToArray();

    [TestMethod]
    public async Task Add_McuBootImage_ReadsVersionFromHeaderAndServesIt()
    {
        await using var server = await TestServer.StartAsync();
        var image = McuBootImageWriter.Pack(Payload, new ImageVersion(1, 1, 0, 7));

        var result = await server.Service<FirmwareCatalog>().AddAsync("app.signed.bin", new MemoryStream(image), null);

        Assert.IsNull(result.Error);
        Assert.AreEqual("1.1.0+7", result.Image!.Version);
        Assert.IsFalse(result.Image.PackedByServer);
        Assert.AreEqual(image.Length, result.Image.ImageSize);
        using var http = new HttpClient();
        CollectionAssert.AreEqual(image, await http.GetByteArrayAsync(server.BaseUrl + "/repo/blobs/" + result.Image.BlobName));
    }

    [TestMethod]
    public async Task Add_RawBinaryWithVersion_IsPackedIntoAValidImage()
    {
        await using var server = await TestServer.StartAsync();

        var result = await server.Service<FirmwareCatalog>().AddAsync("app.bin", new MemoryStream(Payload), "2.0.1");

        Assert.IsNull(result.Error);
        Assert.AreEqual("2.0.1+0", result.Image!.Version);
        Assert.IsTrue(result.Image.PackedByServer);
        using var stored = server.Service<BlobStore>().OpenRead(result.Image.BlobName)!;
        var bytes = new byte[result.Image.ImageSize];
        stored.ReadExactly(bytes);
        Assert.IsNull(FirmwareCatalog.Verify(bytes, out var header), "the packed image passes the same checks as an uploaded one");
        Assert.AreEqual(Payload.Length, header!.ImageSize);
    }

    [TestMethod]
    public async Task Add_RawBinaryWithoutVersion_IsRefused()
    {
        await using var server = await TestServer.StartAsync();

        var result = await server.Service<FirmwareCatalog>().AddAsync("app.bin", new MemoryStream(Payload), null);

        Assert.IsNull(result.Image);
        Assert.Contains("version", result.Error!);
    }

    [TestMethod]
    public async Task Add_ImageWithFlippedPayloadByte_IsRefusedForHashMismatch()
    {
        await using var server = await TestServer.StartAsync();
        var image = McuBootImageWriter.Pack(Payload, new ImageVersion(1, 0, 0, 0));
        image[100] ^= 0xFF;

        var result = await server.Service<FirmwareCatalog>().AddAsync("bad.bin", new MemoryStream(image), null);

        Assert.IsNull(result.Image);
        Assert.Contains("SHA-256", result.Error!);
        Assert.IsEmpty(server.Service<FirmwareCatalog>().List());
    }

    [TestMethod]
    public async Task Add_TruncatedOrPaddedImage_IsRefused()
    {
        await using var server = await TestServer.StartAsync();
        var image = McuBootImageWriter.Pack(Payload, new ImageVersion(1, 0, 0, 0));
        var catalog = server.Service<FirmwareCatalog>();

        var truncated = await catalog.AddAsync("t.bin", new MemoryStream(image[..^10]), null);
        var padded = await catalog.AddAsync("p.bin", new MemoryStream([.. image, 0xFF, 0xFF]), null);
        var headerOnly = await catalog.AddAsync("h.bin", new MemoryStream(image[..40]), null);

        Assert.IsNotNull(truncated.Error);
        Assert.IsNotNull(padded.Error);
        Assert.IsNotNull(headerOnly.Error);
    }

    [TestMethod]
    public async Task Add_VersionArgumentContradictsHeader_IsRefused()
    {
        await using var server = await TestServer.StartAsync();
        var image = McuBootImageWriter.Pack(Payload, new ImageVersion(1, 1, 0, 0));

        var result = await server.Service<FirmwareCatalog>().AddAsync("x.bin", new MemoryStream(image), "1.2.0");

        Assert.IsNull(result.Image);
    }

    [TestMethod]
    public async Task AdminApi_UploadRawBody_CreatesImage()
    {
        await using var server = await TestServer.StartAsync();

        var response = await server.Admin.PostAsync("/api/firmware?name=app.bin&version=1.1.0", new ByteArrayContent(Payload));
        var listed = await server.GetJsonAsync("/api/firmware");

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var image = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("1.1.0+0", image.GetProperty("version").GetString());
        Assert.AreEqual(1, listed.GetArrayLength());
        var bad = await server.Admin.PostAsync("/api/firmware?name=app.bin", new ByteArrayContent(Payload));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

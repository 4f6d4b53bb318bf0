using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Integration;

/// <summary>HTTPS end to end: the server with a PFX certificate, the real client validating it against a private root.</summary>
[TestClass]
public sealed class HttpsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=omadm-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [TestMethod]
    public async Task Https_RealClientWithPrivateRoot_RunsSessionOverTls()
    {
        using var certificate = SelfSigned();
        var folder = Path.Combine(Path.GetTempPath(), "omadm-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var pfx = Path.Combine(folder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Urls = "https://127.0.0.1:0";
            o.CertificatePath = pfx;
            o.CertificatePassword = "pfx-password";
        });
        Assert.StartsWith("https://", server.BaseUrl);
        server.Service<DeviceRegistry>().Enrol("tls-1", "tls-password");
        var id = server.Service<CommandQueue>().Enqueue("tls-1", ["GET", RealClient.AppMoid + "//Temp"])!.Value;
        using var trusted = new RealClient(server.BaseUrl, "tls-1", "tls-password", Path.Combine(folder, "trusted"),
            trustedRoots: [X509CertificateLoader.LoadCertificate(certificate.RawData)]);
        // (A client without the root is not tested here: on loopback the client allows insecure transport by design.)

        await Task.Run(trusted.Run);

        Assert.AreEqual(200, server.Service<CommandQueue>().Get(id)!.StatusCode);
    }
}

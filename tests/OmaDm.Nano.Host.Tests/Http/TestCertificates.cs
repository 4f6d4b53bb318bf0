using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OmaDm.Nano.Host.Tests.Http;

/// <summary>A self-signed server certificate for 127.0.0.1, made fresh per test run.</summary>
public static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> Server = new(Create);

    public static X509Certificate2 Loopback => Server.Value;

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}

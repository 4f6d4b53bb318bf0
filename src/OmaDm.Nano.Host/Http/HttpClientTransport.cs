using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Http;

/// <summary>
/// <see cref="IHttpTransport"/> over one long-lived <see cref="HttpClient"/> per trust mode
/// (a validating one, and an insecure one created only when a request asks for it), so
/// connections are pooled and reused across DM packages and Range requests.
/// </summary>
/// <remarks>
/// Request bodies up to <see cref="RequestBufferBytes"/> go out with a Content-Length; longer
/// ones stream with chunked transfer encoding as the caller writes them. Response bodies stream
/// (<see cref="HttpCompletionOption.ResponseHeadersRead"/>); each read is bounded by the request's
/// timeout. Failures become <see cref="TransportResult"/> values, never exceptions, except reads
/// of the response body, which throw <see cref="IOException"/> as the contract says.
/// The validating and the insecure client never share a connection pool: a connection made
/// without validation is never reused for a request that asked for it.
/// </remarks>
public sealed class HttpClientTransport : IHttpTransport, IDisposable
{
    /// <summary>Largest request body accepted: HPUT of a log or MO subtree, not a disk image.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    /// <summary>Request bytes held before streaming starts; DM packages usually fit, so they get a Content-Length.</summary>
    public const int RequestBufferBytes = 16 * 1024;

    /// <summary>Redirects followed for one request; a repository behind a CDN needs a few, a loop needs a stop.</summary>
    public const int MaxRedirects = 5;

    private readonly X509Certificate2Collection? trustedRoots;
    private readonly HttpClient secureClient;
    private readonly object insecureLock = new();
    private HttpClient? insecureClient;
    private bool disposed;

    /// <summary>Validates server certificates against the system trust store.</summary>
    public HttpClientTransport() : this(null) { }

    /// <summary>
    /// Validates server certificates against <paramref name="trustedRoots"/> only (a private CA
    /// for a company DM server), or the system store when null.
    /// </summary>
    public HttpClientTransport(X509Certificate2Collection? trustedRoots)
    {
        this.trustedRoots = trustedRoots;
        secureClient = CreateClient(insecure: false);
    }

    /// <inheritdoc />
    public IHttpExchange Open(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(disposed, this);
        return new HttpClientExchange(request.AllowInsecure ? GetInsecureClient() : secureClient, request);
    }

    /// <summary>Closes pooled connections.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        secureClient.Dispose();
        lock (insecureLock)
        {
            insecureClient?.Dispose();
        }
    }

    private HttpClient GetInsecureClient()
    {
        lock (insecureLock)
        {
            return insecureClient ??= CreateClient(insecure: true);
        }
    }

    private HttpClient CreateClient(bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            // Range offsets count bytes of the stored resource, so no transparent decompression.
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            ConnectTimeout = TimeSpan.FromMilliseconds(HttpRequest.DefaultTimeoutMs),
        };
        if (insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (trustedRoots is not null)
        {
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            handler.SslOptions.CertificateChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        }
        // Each request carries its own timeout (HttpRequest.TimeoutMs); the client-wide one is off.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

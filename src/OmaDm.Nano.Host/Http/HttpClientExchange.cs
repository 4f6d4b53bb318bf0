using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Http;

/// <summary>One request/response over a shared <see cref="HttpClient"/>; see <see cref="HttpClientTransport"/>.</summary>
internal sealed class HttpClientExchange : IHttpExchange
{
    private readonly HttpClient client;
    private readonly HttpRequest request;
    private readonly CancellationTokenSource sendCancel = new();
    private readonly HttpRequestMessage? message;
    private readonly RequestBodyStream? body;
    private TransportResult? failure;
    private StreamingRequestContent? streamingContent;
    private Task<HttpResponseMessage>? sendTask;
    private HttpResponseMessage? response;
    private Stream? responseBody;
    private bool sent;
    private bool disposed;

    public HttpClientExchange(HttpClient client, HttpRequest request)
    {
        this.client = client;
        this.request = request;
        message = TryBuildMessage(request);
        if (message is null)
        {
            failure = TransportResult.BadRequest;
            return;
        }
        if (request.Method is "POST" or "PUT")
        {
            body = new RequestBodyStream(this);
        }
    }

    public Stream RequestBody => body!;

    public int StatusCode => response is null ? 0 : (int)response.StatusCode;

    public string? ContentType => response?.Content.Headers.ContentType?.MediaType;

    public long ContentLength => response?.Content.Headers.ContentLength ?? -1;

    public string? ETag => response?.Headers.ETag?.ToString();

    public long RangeStart => IsPartial ? response!.Content.Headers.ContentRange?.From ?? -1 : -1;

    public long RangeTotal => IsPartial ? response!.Content.Headers.ContentRange?.Length ?? -1 : -1;

    public Stream ResponseBody => responseBody ?? Stream.Null;

    private bool IsPartial => response is not null && (int)response.StatusCode == 206;

    private int TimeoutMs => request.TimeoutMs > 0 ? request.TimeoutMs : HttpRequest.DefaultTimeoutMs;

    public TransportResult Send()
    {
        if (sent)
        {
            throw new InvalidOperationException("Send was already called on this exchange.");
        }
        sent = true;
        if (failure is { } early)
        {
            return early;
        }
        try
        {
            if (body is not null && sendTask is null)
            {
                // The whole body fit in the buffer: send it with a Content-Length.
                message!.Content = new ByteArrayContent(body.BufferedBytes.ToArray());
                SetContentType(message.Content);
            }
            else if (body is not null)
            {
                if (!body.FlushToNetwork())
                {
                    return failure ?? TransportResult.ConnectionLost;
                }
                streamingContent!.Complete();
            }
            sendTask ??= client.SendAsync(message!, HttpCompletionOption.ResponseHeadersRead, sendCancel.Token);
            sendCancel.CancelAfter(TimeoutMs);
            response = sendTask.GetAwaiter().GetResult();
            sendCancel.CancelAfter(Timeout.Infinite);
            responseBody = new TimeoutReadStream(response.Content.ReadAsStream(), TimeoutMs);
            return TransportResult.Success;
        }
        catch (Exception e)
        {
            failure ??= Classify(e);
            return failure.Value;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (response is null && sendTask is not null)
        {
            // A streamed body that was never finished: abort the request rather than leave it hanging.
            sendCancel.Cancel();
            streamingContent?.Fail(new OperationCanceledException());
            try
            {
                sendTask.Wait(TimeoutMs);
            }
            catch (AggregateException)
            {
                // The cancellation we just asked for.
            }
        }
        responseBody?.Dispose();
        response?.Dispose();
        message?.Dispose();
        sendCancel.Dispose();
    }

    /// <summary>Starts the request with a chunked body; returns the network stream to write to, or null on failure.</summary>
    internal Stream? StartStreaming()
    {
        if (failure is not null)
        {
            return null;
        }
        streamingContent = new StreamingRequestContent();
        SetContentType(streamingContent);
        message!.Content = streamingContent;
        sendCancel.CancelAfter(TimeoutMs);
        sendTask = client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, sendCancel.Token);
        try
        {
            var ready = Task.WhenAny(streamingContent.NetworkStream, sendTask).GetAwaiter().GetResult();
            if (ready == streamingContent.NetworkStream)
            {
                return streamingContent.NetworkStream.Result;
            }
            // The request ended before the body was asked for: a connect or TLS failure, or an early response.
            sendTask.GetAwaiter().GetResult();
            failure = TransportResult.ConnectionLost;
        }
        catch (Exception e)
        {
            failure = Classify(e);
        }
        return null;
    }

    /// <summary>Writes to the network within the timeout; false (and a recorded failure) when it cannot.</summary>
    internal bool WriteToNetwork(Stream network, ReadOnlyMemory<byte> data)
    {
        try
        {
            sendCancel.CancelAfter(TimeoutMs);
            network.WriteAsync(data, sendCancel.Token).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e)
        {
            failure ??= Classify(e);
            streamingContent?.Fail(e);
            return false;
        }
    }

    /// <summary>The body grew past <see cref="HttpClientTransport.MaxRequestBodyBytes"/>: the request will not be sent.</summary>
    internal void FailTooLarge()
    {
        failure ??= TransportResult.RequestTooLarge;
        streamingContent?.Fail(new IOException("request body too large"));
        sendCancel.Cancel();
    }

    internal bool HasFailed => failure is not null;

    private TransportResult Classify(Exception e)
    {
        if (e is OperationCanceledException)
        {
            return TransportResult.Timeout;
        }
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return TransportResult.TlsFailed;
            }
            if (inner is TimeoutException)
            {
                return TransportResult.Timeout;
            }
        }
        if (e is HttpRequestException h)
        {
            return h.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError => TransportResult.ConnectFailed,
                HttpRequestError.SecureConnectionError => TransportResult.TlsFailed,
                HttpRequestError.ProxyTunnelError => TransportResult.ConnectFailed,
                HttpRequestError.ConfigurationLimitExceeded => TransportResult.BadRequest,
                _ => TransportResult.ConnectionLost,
            };
        }
        return e is InvalidOperationException or NotSupportedException or ArgumentException
            ? TransportResult.BadRequest
            : TransportResult.ConnectionLost;
    }

    private void SetContentType(HttpContent content)
    {
        if (request.ContentType is { Length: > 0 } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
        {
            content.Headers.ContentType = parsed;
        }
    }

    private static HttpRequestMessage? TryBuildMessage(HttpRequest request)
    {
        if (request.Method is not ("GET" or "POST" or "PUT")
            || !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var m = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Accept is { Length: > 0 } accept && !TryAddSafe(m, "Accept", accept))
        {
            return Reject(m);
        }
        if (request.DevId is { Length: > 0 } devId && !TryAddSafe(m, "OMADM-DevID", devId))
        {
            return Reject(m);
        }
        if (request.UserName is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(request.UserName + ":" + (request.Password ?? "")));
            m.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
        if (request.RangeStart >= 0)
        {
            AddRange(m, request.RangeStart, request.IfRange);
        }
        return m;
    }

    private static void AddRange(HttpRequestMessage m, long start, string? ifRange)
    {
        if (ifRange is null)
        {
            m.Headers.Range = new RangeHeaderValue(start, null);
            return;
        }
        // RFC 9110 13.1.5: If-Range must not carry a weak tag. Without a usable validator a Range
        // could splice two versions of the resource, so ask for the whole resource instead; the
        // caller sees a 200 and restarts from byte 0, which is always safe.
        if (EntityTagHeaderValue.TryParse(ifRange, out var tag) && !tag.IsWeak)
        {
            m.Headers.Range = new RangeHeaderValue(start, null);
            m.Headers.IfRange = new RangeConditionHeaderValue(tag);
        }
    }

    private static bool TryAddSafe(HttpRequestMessage m, string name, string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7e)
            {
                return false;
            }
        }
        return m.Headers.TryAddWithoutValidation(name, value);
    }

    private static HttpRequestMessage? Reject(HttpRequestMessage m)
    {
        m.Dispose();
        return null;
    }
}

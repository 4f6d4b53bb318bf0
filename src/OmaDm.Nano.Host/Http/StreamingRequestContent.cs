using System.Net;

namespace OmaDm.Nano.Host.Http;

/// <summary>
/// Request content whose bytes are pushed by the caller: when HttpClient is ready for the body it
/// hands over its network stream and waits until <see cref="Complete"/> (or <see cref="Fail"/>).
/// No Content-Length, so HTTP/1.1 sends it chunked.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> network = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the stream to write the body to once the request headers are out.</summary>
    public Task<Stream> NetworkStream => network.Task;

    /// <summary>The body is finished.</summary>
    public void Complete() => done.TrySetResult();

    /// <summary>The body cannot be finished; the request fails.</summary>
    public void Fail(Exception reason)
    {
        network.TrySetException(reason);
        done.TrySetException(reason);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!network.TrySetResult(stream))
        {
            // A redirect or retry wants the body again; it was streamed once and is gone.
            throw new IOException("a streamed request body cannot be sent twice");
        }
        using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
        {
            await done.Task.ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}

using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OmaDm.Nano.Host.Tests.Http;

/// <summary>
/// A deliberately small HTTP/1.1 server on 127.0.0.1 written over raw sockets, so tests can do
/// what a well-behaved server never does: drop the connection at byte N, lie in Content-Length,
/// stall, ignore Range. Optional TLS with a given certificate. Keep-alive is supported.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly Func<ServerRequest, ServerConnection, Task> handler;
    private readonly X509Certificate2? certificate;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> connections = new();
    private int connectionCount;

    public LoopbackHttpServer(Func<ServerRequest, ServerConnection, Task> handler, X509Certificate2? certificate = null)
    {
        this.handler = handler;
        this.certificate = certificate;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoop();
    }

    public int Port { get; }

    public string BaseUrl => (certificate is null ? "http" : "https") + "://127.0.0.1:" + Port;

    /// <summary>TCP connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>Every request seen, in order (method, target, headers).</summary>
    public List<ServerRequest> Requests { get; } = new();

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            Interlocked.Increment(ref connectionCount);
            lock (connections)
            {
                connections.Add(Task.Run(() => Serve(client)));
            }
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            Stream stream = client.GetStream();
            if (certificate is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsServerAsync(certificate, false, false);
                stream = ssl;
            }
            var reader = new RequestReader(stream);
            while (!stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequest();
                if (request is null)
                {
                    return;
                }
                lock (Requests)
                {
                    Requests.Add(request);
                }
                var connection = new ServerConnection(client, stream);
                await handler(request, connection);
                await stream.FlushAsync();
                if (connection.Closed || request.Header("Connection")?.Equals("close", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return;
                }
            }
        }
        catch (Exception)
        {
            // Clients hang up on purpose in these tests; a server-side error just ends the connection.
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        Task[] pending;
        lock (connections)
        {
            pending = connections.ToArray();
        }
        Task.WaitAll(pending, TimeSpan.FromSeconds(1));
        stop.Dispose();
    }

    /// <summary>Reads requests (headers + Content-Length or chunked body) off one connection.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;

        public async Task<ServerRequest?> ReadRequest()
        {
            var requestLine = await ReadLine();
            if (string.IsNullOrEmpty(requestLine))
            {
                return null;
            }
            var parts = requestLine.Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var line = await ReadLine() ?? throw new IOException("headers cut short");
                if (line.Length == 0)
                {
                    break;
                }
                var colon = line.IndexOf(':');
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var body = new MemoryStream();
            if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                while (true)
                {
                    var size = Convert.ToInt32((await ReadLine())!.Split(';')[0], 16);
                    if (size == 0)
                    {
                        while ((await ReadLine())!.Length > 0) { }
                        break;
                    }
                    await ReadExactly(body, size);
                    await ReadLine();
                }
            }
            else if (headers.TryGetValue("Content-Length", out var cl))
            {
                await ReadExactly(body, long.Parse(cl));
            }
            return new ServerRequest(parts[0], parts[1], headers, body.ToArray());
        }

        private async Task<bool> Fill()
        {
            if (start == end)
            {
                start = end = 0;
            }
            var n = await stream.ReadAsync(buffer.AsMemory(end));
            end += n;
            return n > 0;
        }

        private async Task<string?> ReadLine()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (start == end && !await Fill())
                {
                    return line.Length == 0 ? null : line.ToString();
                }
                var b = buffer[start++];
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }
                line.Append((char)b);
            }
        }

        private async Task ReadExactly(MemoryStream into, long count)
        {
            while (count > 0)
            {
                if (start == end && !await Fill())
                {
                    throw new IOException("body cut short");
                }
                var n = (int)Math.Min(count, end - start);
                into.Write(buffer, start, n);
                start += n;
                count -= n;
            }
        }
    }
}

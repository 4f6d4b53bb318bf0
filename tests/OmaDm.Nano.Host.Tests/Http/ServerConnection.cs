using System.Net.Sockets;
using System.Text;

namespace OmaDm.Nano.Host.Tests.Http;

/// <summary>The response side of one request: raw writes plus helpers for the usual shapes.</summary>
public sealed class ServerConnection(TcpClient client, Stream stream)
{
    public Stream Stream { get; } = stream;

    public bool Closed { get; private set; }

    /// <summary>Writes a status line and headers (CRLFs added).</summary>
    public Task WriteHead(int status, params string[] headers)
    {
        var text = new StringBuilder("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n");
        foreach (var h in headers)
        {
            text.Append(h).Append("\r\n");
        }
        text.Append("\r\n");
        return Stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString())).AsTask();
    }

    public Task Write(byte[] data, int offset, int count) => Stream.WriteAsync(data.AsMemory(offset, count)).AsTask();

    /// <summary>A complete response with Content-Length.</summary>
    public async Task Respond(int status, string contentType, byte[] body, params string[] extraHeaders)
    {
        var headers = new List<string> { "Content-Type: " + contentType, "Content-Length: " + body.Length };
        headers.AddRange(extraHeaders);
        await WriteHead(status, headers.ToArray());
        await Write(body, 0, body.Length);
    }

    /// <summary>Drops the TCP connection at once (RST), as a failing network would.</summary>
    public void Abort()
    {
        Closed = true;
        try
        {
            Stream.Flush();
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        }
        catch (Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Closes the connection cleanly after what was written (FIN).</summary>
    public void Close()
    {
        Closed = true;
        try
        {
            Stream.Flush();
            client.Client.Shutdown(SocketShutdown.Both);
            client.Client.Close();
        }
        catch (Exception)
        {
            // Already gone.
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 404 => "Not Found", 416 => "Range Not Satisfiable",
        500 => "Internal Server Error", _ => "Status",
    };
}

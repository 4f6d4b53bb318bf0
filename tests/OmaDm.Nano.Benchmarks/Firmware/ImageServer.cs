using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;

namespace OmaDm.Nano.Benchmarks.Firmware;

/// <summary>
/// Serves one image over HttpListener on 127.0.0.1 (whole body, Content-Length) from a CHILD
/// process, so the benchmark process's managed heap holds only the client: the peak-memory samples
/// then measure the download, not the server's buffers.
/// </summary>
public sealed class ImageServer : IDisposable
{
    private const string ServeFlag = "--omadm-serve-image";
    private readonly Process child;

    public ImageServer(string imagePath)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImageServer).Assembly.Location);
        }
        start.ArgumentList.Add(ServeFlag);
        start.ArgumentList.Add(imagePath);
        child = Process.Start(start)!;
        Url = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the image server did not start");
    }

    public string Url { get; }

    public void Dispose()
    {
        try
        {
            child.Kill();
            child.WaitForExit(5000);
        }
        finally
        {
            child.Dispose();
        }
    }

    /// <summary>
    /// Runs before BenchmarkDotNet's Main (module initializer): in the child started above, serve
    /// and exit; in every other process, do nothing.
    /// </summary>
    [ModuleInitializer]
    internal static void ServeWhenAsked()
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, ServeFlag);
        if (at < 0 || at + 1 >= args.Length)
        {
            return;
        }
        Serve(File.ReadAllBytes(args[at + 1]));
        Environment.Exit(0);
    }

    private static void Serve(byte[] image)
    {
        using var listener = new HttpListener();
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            try
            {
                listener.Prefixes.Clear();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                listener.Start();
                Console.WriteLine($"http://127.0.0.1:{port}/fw.bin");
                Console.Out.Flush();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }
        // One request at a time on this thread: other threads could not run code of this module
        // while its initializer runs (they would wait for it), and the client sends sequentially.
        while (listener.IsListening)
        {
            var context = listener.GetContext();
            try
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength64 = image.Length;
                context.Response.Headers["ETag"] = "\"bench\"";
                context.Response.OutputStream.Write(image);
                context.Response.Close();
            }
            catch (Exception)
            {
                // the client went away
            }
        }
    }
}

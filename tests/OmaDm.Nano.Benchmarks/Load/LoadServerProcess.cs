using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OmaDm.Nano.Benchmarks.Load;

/// <summary>
/// The reference server as a separate process on 127.0.0.1 with a throw-away SQLite file, so the
/// load generator and the server do not share a GC heap or thread pool. Either targets a running
/// server (<c>OMADM_LOAD_SERVER</c> + <c>OMADM_LOAD_ADMIN_TOKEN</c>) or builds and starts
/// <c>src/OmaDm.Server</c> (Release, its own artifacts path) itself.
/// </summary>
internal sealed class LoadServerProcess : IDisposable
{
    private readonly Process? _process;
    private readonly string? _folder;

    private LoadServerProcess(string baseUrl, string adminToken, Process? process, string? folder)
    {
        BaseUrl = baseUrl;
        AdminToken = adminToken;
        _process = process;
        _folder = folder;
    }

    public string BaseUrl { get; }

    public string AdminToken { get; }

    public static LoadServerProcess Start()
    {
        string? url = Environment.GetEnvironmentVariable("OMADM_LOAD_SERVER");
        if (!string.IsNullOrEmpty(url))
        {
            string token = Environment.GetEnvironmentVariable("OMADM_LOAD_ADMIN_TOKEN")
                ?? throw new InvalidOperationException("OMADM_LOAD_SERVER needs OMADM_LOAD_ADMIN_TOKEN");
            return new LoadServerProcess(url.TrimEnd('/'), token, null, null);
        }

        string root = FindRepositoryRoot();
        string artifacts = Path.Combine(Path.GetTempPath(), "omadm-load-server-build");
        Run("dotnet", $"build \"{Path.Combine(root, "src", "OmaDm.Server")}\" -c Release -v q -nologo --artifacts-path \"{artifacts}\"", TimeSpan.FromMinutes(5));
        string dll = Path.Combine(artifacts, "bin", "OmaDm.Server", "release", "OmaDm.Server.dll");

        string folder = Path.Combine(Path.GetTempPath(), "omadm-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreePort();
        string adminToken = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(folder, "load.db"), "--admin-token", adminToken })
        {
            start.ArgumentList.Add(a);
        }
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LoadServerProcess($"http://127.0.0.1:{port}", adminToken, process, folder);
        server.WaitHealthy(TimeSpan.FromSeconds(30));
        return server;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the database may still be held for a moment.
            }
        }
    }

    private void WaitHealthy(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException("the server exited with code " + _process.ExitCode);
            }
            try
            {
                if (http.GetAsync(BaseUrl + "/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException("the server did not become healthy in " + limit);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "OmaDm.Nano.sln")))
                {
                    return d.FullName;
                }
            }
        }
        throw new InvalidOperationException("run from inside the repository (OmaDm.Nano.sln not found), or set OMADM_LOAD_SERVER");
    }

    private static void Run(string file, string arguments, TimeSpan limit)
    {
        using Process p = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start " + file);
        if (!p.WaitForExit(limit) || p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed");
        }
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OmaDm.Server.Demo;

/// <summary>
/// Runs the virtual device CLI (<c>OmaDm.Device</c>, the real client core with host bindings) as a
/// process, one <c>--once</c> session per call, exactly as a user or script would
/// (DESIGN.md, "The virtual device"). Finds or builds the device once per demo.
/// </summary>
public sealed class DeviceProcess
{
    /// <summary>Exit code the device uses for a simulated power cut.</summary>
    public const int PowerCutExitCode = 3;

    // A session that hangs longer than this is killed: the demo must stay bounded.
    private static readonly TimeSpan SessionLimit = TimeSpan.FromSeconds(60);

    private readonly string _assembly;

    /// <summary>Uses a built <c>OmaDm.Device.dll</c>.</summary>
    public DeviceProcess(string deviceAssembly) => _assembly = deviceAssembly;

    /// <summary>Path of the device assembly.</summary>
    public string Assembly => _assembly;

    /// <summary>The outcome of one run: exit code and the last line the device wrote to stderr.</summary>
    public sealed record RunResult(int ExitCode, string Reason, string Output);

    /// <summary>Runs <c>dotnet OmaDm.Device.dll args...</c> to its end (killed after a bound).</summary>
    public async Task<RunResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancel)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_assembly);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancel);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(SessionLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancel.IsCancellationRequested)
            {
                throw;
            }
            return new RunResult(-1, "session killed after " + SessionLimit.TotalSeconds + " s", "");
        }
        string err = await stderr;
        string output = await stdout;
        string reason = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return new RunResult(process.ExitCode, reason, output);
    }

    /// <summary>
    /// The device assembly to run: <paramref name="explicitPath"/>; else one built together with this
    /// application (next to it, as in a test output folder); else <c>src/OmaDm.Device</c> of this
    /// checkout built once into a stable temp folder (later runs are incremental).
    /// Returns null and a reason when none works.
    /// </summary>
    public static async Task<(string? Path, string? Error)> LocateOrBuildAsync(string? explicitPath, TimeSpan buildLimit, Action<string> step, CancellationToken cancel)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? (Path.GetFullPath(explicitPath), null) : (null, explicitPath + " does not exist");
        }
        string beside = Path.Combine(AppContext.BaseDirectory, "OmaDm.Device.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "OmaDm.Device.runtimeconfig.json")))
        {
            return (beside, null);
        }
        string? root = FindCheckout();
        if (root is null)
        {
            return (null, "cannot find the source checkout (OmaDm.Nano.sln) to build the virtual device; pass --device-dll");
        }
        string artifacts = Path.Combine(Path.GetTempPath(), "omadm-demo-device-build");
        step("building the virtual device (src/OmaDm.Device, once; later runs are incremental)");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "build", Path.Combine(root, "src", "OmaDm.Device"), "-c", "Release", "-v", "q", "-nologo", "-nodeReuse:false", "--artifacts-path", artifacts })
        {
            start.ArgumentList.Add(a);
        }
        using Process build = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet build");
        Task<string> output = build.StandardOutput.ReadToEndAsync(cancel);
        Task<string> errors = build.StandardError.ReadToEndAsync(cancel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(buildLimit);
        try
        {
            await build.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            return (null, "building the virtual device took longer than " + buildLimit);
        }
        if (build.ExitCode != 0)
        {
            string text = await output + await errors;
            string firstError = text.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? "exit " + build.ExitCode;
            return (null, "building the virtual device failed: " + firstError);
        }
        string dll = Path.Combine(artifacts, "bin", "OmaDm.Device", "release", "OmaDm.Device.dll");
        return File.Exists(dll) ? (dll, null) : (null, "the device build produced no " + dll);
    }

    /// <summary>
    /// The checkout root: walks up from the working directory, from this assembly, and from where
    /// this source file was compiled (builds with an artifacts path put the assembly elsewhere).
    /// </summary>
    public static string? FindCheckout()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? "" })
        {
            if (start.Length == 0 || !Directory.Exists(start))
            {
                continue;
            }
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "OmaDm.Nano.sln")) && Directory.Exists(Path.Combine(d.FullName, "src", "OmaDm.Device")))
                {
                    return d.FullName;
                }
            }
        }
        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

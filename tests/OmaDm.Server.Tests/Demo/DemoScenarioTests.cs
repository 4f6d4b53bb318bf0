using OmaDm.Server.Demo;
using Spectre.Console;

namespace OmaDm.Server.Tests.Demo;

/// <summary>
/// The README's demo as a test: real server, real virtual device processes (built from this
/// checkout once), real faults. Time-bounded by the demo itself (exit 4) and by the test timeout.
/// </summary>
[TestClass]
public sealed class DemoScenarioTests
{
    public TestContext TestContext { get; set; } = null!;

    private static (IAnsiConsole Console, StringWriter Output) PlainConsole()
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return (console, output);
    }

    private readonly List<string> _folders = new();

    private string WorkFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "omadm-demo-tests", Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }

    [TestCleanup]
    public void DeleteWorkFolders()
    {
        foreach (string folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a device process may still hold a file for a moment.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort.
            }
        }
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task Demo_FiveDevicesDropAndPowerCut_AllEndOnNewVersion()
    {
        (IAnsiConsole console, StringWriter output) = PlainConsole();
        var runner = new DemoRunner(new DemoOptions { Devices = 5, Timeout = TimeSpan.FromSeconds(120), WorkDirectory = WorkFolder() }, console);

        int code = await runner.RunAsync(TestContext.CancellationToken);

        TestContext.WriteLine(output.ToString());
        Assert.AreEqual(DemoRunner.ExitOk, code, output.ToString());
        Assert.HasCount(5, runner.FinalRows);
        foreach (DemoDeviceRow row in runner.FinalRows)
        {
            Assert.AreEqual("updated", row.State, row.DevId);
            StringAssert.StartsWith(row.Version, "1.1.0", row.DevId);
        }
        Assert.IsGreaterThanOrEqualTo(1, runner.DropsDone, "the repository dropped demo-02's download");
        StringAssert.StartsWith(runner.Devices[2].FaultNote, "power cut mid-download", "demo-03 lost power mid-download and recovered");
        StringAssert.StartsWith(runner.Devices[1].FaultNote, "connection dropped at byte", "demo-02's download was cut and resumed");
        StringAssert.Contains(output.ToString(), "every device runs 1.1.0");
        StringAssert.Contains(output.ToString(), "1 connection drop(s), 1 power cut(s) injected");
        StringAssert.Contains(output.ToString(), "/console/");
        Assert.DoesNotContain("\u001b[", output.ToString(), "no terminal: no escape sequences");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task Demo_TimeBoundExceeded_ExitsWithReason()
    {
        (IAnsiConsole console, StringWriter output) = PlainConsole();
        var runner = new DemoRunner(new DemoOptions { Devices = 3, Timeout = TimeSpan.FromMilliseconds(1500), WorkDirectory = WorkFolder() }, console);

        int code = await runner.RunAsync(TestContext.CancellationToken);

        Assert.AreEqual(DemoRunner.ExitTimedOut, code, output.ToString());
        StringAssert.Contains(output.ToString(), "not finished after");
    }

    [TestMethod]
    public async Task Demo_TooFewDevices_UsageError()
    {
        (IAnsiConsole console, StringWriter output) = PlainConsole();
        var runner = new DemoRunner(new DemoOptions { Devices = 2 }, console);

        int code = await runner.RunAsync(TestContext.CancellationToken);

        Assert.AreEqual(DemoRunner.ExitUsage, code);
        StringAssert.Contains(output.ToString(), "--devices must be 3..20");
    }

    [TestMethod]
    public void RecoveryNote_FromDeviceLog_NamesTheFumoState()
    {
        Assert.AreEqual("power cut mid-download (FUMO state 30), recovered",
            DemoRunner.RecoveryNote("x\nfirmware: resuming DownloadAndUpdate after the session (state 30)\ny"));
        Assert.AreEqual("power cut in FUMO state 50, recovered",
            DemoRunner.RecoveryNote("firmware: resuming DownloadAndUpdate after the session (state 50)"));
        Assert.AreEqual("power cut; no firmware work was pending at the next boot", DemoRunner.RecoveryNote("device ready"));
    }
}

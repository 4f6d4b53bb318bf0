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

    private static string WorkFolder() => Path.Combine(Path.GetTempPath(), "omadm-demo-tests", Guid.NewGuid().ToString("N"));

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
}

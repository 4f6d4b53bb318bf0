using OmaDm.Server.Demo;
using Spectre.Console;

namespace OmaDm.Server.Tests.Demo;

/// <summary>The demo's output without a terminal (CI=true, pipes): plain lines, no cursor movement.</summary>
[TestClass]
public sealed class DemoViewTests
{
    private static (DemoView View, StringWriter Output) PlainView()
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return (new DemoView(console), output);
    }

    [TestMethod]
    public async Task RunAsync_NoTerminal_PrintsOneLinePerChangeWithoutEscapes()
    {
        (DemoView view, StringWriter output) = PlainView();
        Assert.IsFalse(view.Live);
        var snapshots = new Queue<DemoDeviceRow[]>(new[]
        {
            new[] { new DemoDeviceRow("dev-1", "waiting", null, "1.0.0", null, null) },
            new[] { new DemoDeviceRow("dev-1", "downloading", 10, "1.0.0", null, "power cut") },
            new[] { new DemoDeviceRow("dev-1", "downloading", 12, "1.0.0", null, "power cut") }, // same 25 % step: no line
            new[] { new DemoDeviceRow("dev-1", "updated", 100, "1.1.0", 200, "power cut") },
        });
        IReadOnlyList<DemoDeviceRow> last = await view.RunAsync(
            _ => Task.FromResult<(IReadOnlyList<DemoDeviceRow>, string, bool)>((snapshots.Dequeue(), "c", snapshots.Count == 0)),
            TimeSpan.FromMilliseconds(1), CancellationToken.None);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(3, lines, output.ToString());
        StringAssert.Contains(lines[1], "downloading");
        StringAssert.Contains(lines[2], "updated");
        StringAssert.Contains(lines[2], "result 200");
        Assert.DoesNotContain("\u001b", output.ToString(), "no ANSI escapes without a terminal");
        Assert.AreEqual("1.1.0", last[0].Version);
    }

    [TestMethod]
    public void Final_NoTerminal_WritesTableWithEveryDevice()
    {
        (DemoView view, StringWriter output) = PlainView();
        view.Final(new[]
        {
            new DemoDeviceRow("dev-1", "updated", 100, "1.1.0", 200, null),
            new DemoDeviceRow("dev-[2]", "failed", 40, "1.0.0", 410, "dropped connection"),
        }, "done");
        string text = output.ToString();
        StringAssert.Contains(text, "dev-1");
        StringAssert.Contains(text, "dev-[2]", "markup characters in names are shown literally");
        StringAssert.Contains(text, "410");
        StringAssert.Contains(text, "dropped connection");
    }
}

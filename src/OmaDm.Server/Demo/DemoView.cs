using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmaDm.Server.Demo;

/// <summary>
/// Shows the demo's progress: a live Spectre table on a terminal, one plain line per change
/// otherwise (CI, pipes; Spectre reports those as non-interactive).
/// </summary>
public sealed class DemoView
{
    private readonly IAnsiConsole _console;
    private readonly Dictionary<string, DemoDeviceRow> _printed = new(StringComparer.Ordinal);

    /// <summary>Renders to <paramref name="console"/>.</summary>
    public DemoView(IAnsiConsole console)
    {
        _console = console;
        if (!Live && console.Profile.Width < PlainWidthChars)
        {
            console.Profile.Width = PlainWidthChars; // logs are read, not viewed in an 80-column window: do not wrap lines
        }
    }

    /// <summary>Line width used when the output is not a terminal.</summary>
    public const int PlainWidthChars = 160;

    /// <summary>True when the table redraws in place: a terminal, and not a CI run (<c>CI=true</c>) whose log is read later.</summary>
    public bool Live => _console.Profile.Capabilities.Interactive && _console.Profile.Capabilities.Ansi && !IsCi();

    private static bool IsCi() =>
        Environment.GetEnvironmentVariable("CI") is string ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>A step line ("packing images", ...).</summary>
    public void Step(string text) => _console.MarkupLine("[grey]•[/] " + Markup.Escape(text));

    /// <summary>A warning line.</summary>
    public void Warn(string text) => _console.MarkupLine("[yellow]![/] " + Markup.Escape(text));

    /// <summary>The table of device rows.</summary>
    public static Table Table(IReadOnlyList<DemoDeviceRow> rows, string? caption = null)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Device").AddColumn("State").AddColumn(new TableColumn("Done").RightAligned())
            .AddColumn("Version").AddColumn(new TableColumn("Result").RightAligned()).AddColumn("Fault injected");
        foreach (DemoDeviceRow r in rows)
        {
            table.AddRow(
                new Text(r.DevId),
                new Markup(StateMarkup(r.State)),
                new Text(r.PercentDone is null ? "–" : r.PercentDone.Value.ToString(CultureInfo.InvariantCulture) + " %"),
                new Text(r.Version ?? "–"),
                new Text(r.ResultCode?.ToString(CultureInfo.InvariantCulture) ?? "–"),
                new Text(r.Fault ?? ""));
        }
        if (caption is not null)
        {
            table.Caption(Markup.Escape(caption));
        }
        return table;
    }

    /// <summary>
    /// Runs <paramref name="poll"/> every <paramref name="interval"/> until it returns null (finished),
    /// showing each snapshot; returns the last snapshot.
    /// </summary>
    public async Task<IReadOnlyList<DemoDeviceRow>> RunAsync(Func<CancellationToken, Task<(IReadOnlyList<DemoDeviceRow> Rows, string Caption, bool Done)>> poll,
        TimeSpan interval, CancellationToken cancellationToken)
    {
        IReadOnlyList<DemoDeviceRow> last = Array.Empty<DemoDeviceRow>();
        if (Live)
        {
            await _console.Live(new Text("starting…")).AutoClear(false).StartAsync(async ctx =>
            {
                while (true)
                {
                    (IReadOnlyList<DemoDeviceRow> rows, string caption, bool done) = await poll(cancellationToken);
                    last = rows;
                    ctx.UpdateTarget(Table(rows, caption));
                    ctx.Refresh();
                    if (done)
                    {
                        return;
                    }
                    await Task.Delay(interval, cancellationToken);
                }
            });
            return last;
        }
        while (true)
        {
            (IReadOnlyList<DemoDeviceRow> rows, string caption, bool done) = await poll(cancellationToken);
            last = rows;
            PrintChanges(rows);
            if (done)
            {
                return last;
            }
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>Writes the final table.</summary>
    public void Final(IReadOnlyList<DemoDeviceRow> rows, string caption) => _console.Write(Table(rows, caption));

    /// <summary>Writes a result line: green on success, red otherwise.</summary>
    public void Result(bool ok, string text) =>
        _console.MarkupLine((ok ? "[green]✔[/] " : "[red]✘[/] ") + Markup.Escape(text));

    /// <summary>Plain output: one line per device whose row changed (progress in 25 % steps to stay short).</summary>
    private void PrintChanges(IReadOnlyList<DemoDeviceRow> rows)
    {
        foreach (DemoDeviceRow r in rows)
        {
            DemoDeviceRow coarse = r with { PercentDone = r.PercentDone is null ? null : r.PercentDone / 25 * 25 };
            if (_printed.TryGetValue(r.DevId, out DemoDeviceRow? before) && before == coarse)
            {
                continue;
            }
            _printed[r.DevId] = coarse;
            string line = string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:HH:mm:ss} {r.DevId,-10} {r.State,-12} {(r.PercentDone is null ? "" : r.PercentDone + " %"),6} v{r.Version ?? "?"}{(r.ResultCode is null ? "" : " result " + r.ResultCode)}{(r.Fault is null ? "" : " [" + r.Fault + "]")}");
            _console.WriteLine(line);
        }
    }

    private static string StateMarkup(string state) => state switch
    {
        "updated" or "completed" => "[green]" + Markup.Escape(state) + "[/]",
        "failed" or "cancelled" => "[red]" + Markup.Escape(state) + "[/]",
        "downloading" or "updating" or "installing" => "[blue]" + Markup.Escape(state) + "[/]",
        _ => Markup.Escape(state),
    };
}

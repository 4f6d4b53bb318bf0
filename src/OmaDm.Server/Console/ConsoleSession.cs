namespace OmaDm.Server.WebConsole;

/// <summary>One DM session in a device's history.</summary>
/// <param name="Started">When Package#1 arrived.</param>
/// <param name="Outcome">How it ended (e.g. "completed", "aborted: 400").</param>
/// <param name="Summary">Short description: commands sent, alerts received.</param>
public sealed record ConsoleSession(DateTimeOffset Started, string Outcome, string Summary);

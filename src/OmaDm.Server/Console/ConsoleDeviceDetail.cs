namespace OmaDm.Server.WebConsole;

/// <summary>Everything the device page shows.</summary>
/// <param name="Device">The summary row.</param>
/// <param name="Values">MO values by ClientURI, as last reported.</param>
/// <param name="Sessions">Recent sessions, newest first.</param>
/// <param name="Queue">Commands waiting for (or sent in) the device's sessions, in the server's order.</param>
/// <param name="Alerts">Generic Alerts received, newest first.</param>
public sealed record ConsoleDeviceDetail(
    ConsoleDevice Device,
    IReadOnlyList<ConsoleMoValue> Values,
    IReadOnlyList<ConsoleSession> Sessions,
    IReadOnlyList<ConsoleQueuedCommand> Queue,
    IReadOnlyList<ConsoleAlert> Alerts);

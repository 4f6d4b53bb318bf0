namespace OmaDm.Server.WebConsole;

/// <summary>A command in a device's queue.</summary>
/// <param name="Command">The command as sent, e.g. <c>["GET","urn:oma:mo:oma-dm-devinfo:1.0//FwV"]</c>.</param>
/// <param name="State">"queued", "sent", "done" ...</param>
/// <param name="StatusCode">The device's status code once answered.</param>
/// <param name="Created">When it was queued.</param>
public sealed record ConsoleQueuedCommand(string Command, string State, int? StatusCode, DateTimeOffset Created);

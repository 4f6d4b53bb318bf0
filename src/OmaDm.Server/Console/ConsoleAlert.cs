namespace OmaDm.Server.WebConsole;

/// <summary>A Generic Alert a device sent (FUMO results among them).</summary>
/// <param name="Received">When it arrived.</param>
/// <param name="AlertType">Its type, e.g. <c>org.openmobilealliance.dm.firmwareupdate.downloadandupdate</c>.</param>
/// <param name="SourceUri">The node it is about, when given.</param>
/// <param name="Data">Its data (a FUMO result code), when given.</param>
public sealed record ConsoleAlert(DateTimeOffset Received, string AlertType, string? SourceUri, string? Data);

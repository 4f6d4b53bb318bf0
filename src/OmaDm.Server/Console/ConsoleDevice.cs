namespace OmaDm.Server.WebConsole;

/// <summary>A device row of the devices list.</summary>
/// <param name="DevId">The device's OMADM-DevID.</param>
/// <param name="State">What the server last saw (e.g. "idle", "updating", "failed").</param>
/// <param name="FirmwareVersion">DevInfo/FwV as last reported; null before the first GET.</param>
/// <param name="LastSeen">End of the last session; null when never seen.</param>
public sealed record ConsoleDevice(string DevId, string State, string? FirmwareVersion, DateTimeOffset? LastSeen);

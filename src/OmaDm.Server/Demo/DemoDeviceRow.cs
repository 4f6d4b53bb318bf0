namespace OmaDm.Server.Demo;

/// <summary>One line of the demo's live table.</summary>
/// <param name="DevId">The virtual device.</param>
/// <param name="State">Campaign state as the server sees it ("waiting", "downloading", "updated", "failed" ...).</param>
/// <param name="PercentDone">Download progress, when known.</param>
/// <param name="Version">Firmware version the server last saw.</param>
/// <param name="ResultCode">FUMO result code once reported.</param>
/// <param name="Fault">The fault this device suffers in the demo, if any.</param>
public sealed record DemoDeviceRow(string DevId, string State, int? PercentDone, string? Version, int? ResultCode, string? Fault);

namespace OmaDm.Server.WebConsole;

/// <summary>One device's progress in a campaign.</summary>
/// <param name="DevId">The device.</param>
/// <param name="State">"waiting", "downloading", "updating", "updated", "failed" ...</param>
/// <param name="PercentDone">Download progress 0..100 when known.</param>
/// <param name="FirmwareVersion">Version last reported.</param>
/// <param name="ResultCode">FUMO result code once reported (200 success, 4xx/5xx failures).</param>
public sealed record ConsoleCampaignDevice(string DevId, string State, int? PercentDone, string? FirmwareVersion, int? ResultCode);

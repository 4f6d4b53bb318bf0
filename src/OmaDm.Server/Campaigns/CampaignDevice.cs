namespace OmaDm.Server.Campaigns;

/// <summary>One device's progress in a campaign.</summary>
/// <param name="DevId">The device.</param>
/// <param name="Wave">Its wave (1-based).</param>
/// <param name="State">Where it is.</param>
/// <param name="PercentDone">Download progress 0..100 when known (bytes served by the repository, or reported progress).</param>
/// <param name="ResultCode">FUMO result code or failing command status, or null.</param>
/// <param name="Attempts">Tries so far.</param>
/// <param name="FirmwareVersion">FwV the device last reported.</param>
/// <param name="Detail">Short explanation of the last transition.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record CampaignDevice(string DevId, int Wave, CampaignDeviceState State, int? PercentDone, int? ResultCode, int Attempts,
    string? FirmwareVersion, string? Detail, DateTimeOffset UpdatedAt);

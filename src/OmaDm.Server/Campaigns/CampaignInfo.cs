namespace OmaDm.Server.Campaigns;

/// <summary>A campaign with its counters.</summary>
/// <param name="Id">Campaign id.</param>
/// <param name="Name">Label.</param>
/// <param name="GroupId">Target group, or null for every device enrolled at start.</param>
/// <param name="FirmwareId">Catalogue id of the image.</param>
/// <param name="FirmwareVersion">Version of that image.</param>
/// <param name="WaveSize">Devices per wave (0 = all at once).</param>
/// <param name="FailureThresholdPercent">Failed share of finished devices above which the campaign pauses (100 = never).</param>
/// <param name="MaxAttempts">Tries per device before it counts as failed.</param>
/// <param name="Flow">FUMO flow used.</param>
/// <param name="FumoUri">FUMO instance ClientURI prefix (<c>MOID/MIID</c>).</param>
/// <param name="State">Campaign state.</param>
/// <param name="CurrentWave">Highest wave started (1-based).</param>
/// <param name="Waves">Number of waves.</param>
/// <param name="Total">Devices in the campaign.</param>
/// <param name="Updated">Devices updated.</param>
/// <param name="Failed">Devices failed.</param>
/// <param name="Note">Why it paused, or null.</param>
/// <param name="CreatedAt">Start time.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record CampaignInfo(
    long Id, string Name, long? GroupId, long FirmwareId, string FirmwareVersion, int WaveSize, int FailureThresholdPercent, int MaxAttempts,
    FumoFlow Flow, string FumoUri, CampaignState State, int CurrentWave, int Waves, int Total, int Updated, int Failed, string? Note,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

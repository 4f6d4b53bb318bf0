namespace OmaDm.Server.Campaigns;

/// <summary>What starting a campaign needs.</summary>
/// <param name="Name">Label.</param>
/// <param name="FirmwareId">Catalogue id of the image.</param>
/// <param name="GroupId">Target group, or null for every enrolled device.</param>
/// <param name="WaveSize">Devices per wave; 0 = all at once.</param>
/// <param name="FailureThresholdPercent">0..100: pause when failed/finished exceeds this share (0 = pause on the first failure, 100 = never).</param>
/// <param name="MaxAttempts">Tries per device (a lost session or failure is retried automatically until this many).</param>
/// <param name="Flow">FUMO flow.</param>
/// <param name="FumoUri">FUMO instance ClientURI prefix <c>MOID/MIID</c>; default <c>urn:oma:mo:oma-fumo:1.0/</c> (the single instance).</param>
public sealed record CampaignRequest(
    string Name, long FirmwareId, long? GroupId = null, int WaveSize = 0, int FailureThresholdPercent = 100, int MaxAttempts = 3,
    FumoFlow Flow = FumoFlow.Update, string FumoUri = CampaignService.DefaultFumoUri);

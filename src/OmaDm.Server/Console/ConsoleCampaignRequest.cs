namespace OmaDm.Server.WebConsole;

/// <summary>What the "start campaign" form asks for.</summary>
/// <param name="Name">Label.</param>
/// <param name="ImageId">Catalogue id of the image to install.</param>
/// <param name="Group">Device group; null or empty means every device.</param>
/// <param name="WaveSize">Devices per wave; 0 means all at once.</param>
/// <param name="FailureThresholdPercent">Failed share (0..100) that pauses the campaign.</param>
public sealed record ConsoleCampaignRequest(string Name, string ImageId, string? Group, int WaveSize, int FailureThresholdPercent);

namespace OmaDm.Server.WebConsole;

/// <summary>A campaign with each device's progress.</summary>
/// <param name="Campaign">The summary row.</param>
/// <param name="Devices">One row per device in the campaign.</param>
public sealed record ConsoleCampaignDetail(ConsoleCampaign Campaign, IReadOnlyList<ConsoleCampaignDevice> Devices);

namespace OmaDm.Server.Campaigns;

/// <summary>State of a whole campaign. Stored as text.</summary>
public enum CampaignState
{
    /// <summary>Waves advance as devices finish.</summary>
    Running = 0,
    /// <summary>No new wave starts (by the operator, or the failure threshold was crossed); devices already started go on.</summary>
    Paused = 1,
    /// <summary>Every device updated or failed.</summary>
    Completed = 2,
    /// <summary>Stopped for good; unsent commands were cancelled.</summary>
    Cancelled = 3,
}

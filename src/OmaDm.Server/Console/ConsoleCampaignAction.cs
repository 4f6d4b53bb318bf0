namespace OmaDm.Server.WebConsole;

/// <summary>Buttons on the campaign page.</summary>
public enum ConsoleCampaignAction
{
    /// <summary>Stop sending updates to further devices.</summary>
    Pause = 1,
    /// <summary>Continue a paused campaign.</summary>
    Resume = 2,
    /// <summary>Try the failed devices again.</summary>
    Retry = 3,
    /// <summary>Stop the campaign for good.</summary>
    Cancel = 4,
}

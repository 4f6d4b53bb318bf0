namespace OmaDm.Server.Campaigns;

/// <summary>One device's state in a campaign. Stored as text.</summary>
public enum CampaignDeviceState
{
    /// <summary>Its wave has not started.</summary>
    Pending = 0,
    /// <summary>Commands queued, waiting for the device's next session.</summary>
    Queued = 1,
    /// <summary>The image is being fetched (HGET sent, or DownloadAndUpdate accepted).</summary>
    Downloading = 2,
    /// <summary>Update flow: image in the slot, EXEC Update queued or accepted.</summary>
    Updating = 3,
    /// <summary>FUMO reported success (result 200..299).</summary>
    Updated = 4,
    /// <summary>Failed after all attempts; <c>ResultCode</c> says why.</summary>
    Failed = 5,
    /// <summary>The campaign was cancelled before the device finished.</summary>
    Cancelled = 6,
}

/// <summary>How people read a <see cref="CampaignDeviceState"/> (console and demo table).</summary>
public static class CampaignDeviceStateText
{
    /// <summary>Lower-case word for the state; "waiting" for a device whose wave has not started.</summary>
    public static string ToDisplayText(this CampaignDeviceState state) => state switch
    {
        CampaignDeviceState.Pending => "waiting",
        CampaignDeviceState.Queued => "queued",
        CampaignDeviceState.Downloading => "downloading",
        CampaignDeviceState.Updating => "updating",
        CampaignDeviceState.Updated => "updated",
        CampaignDeviceState.Failed => "failed",
        CampaignDeviceState.Cancelled => "cancelled",
        _ => "unknown",
    };
}

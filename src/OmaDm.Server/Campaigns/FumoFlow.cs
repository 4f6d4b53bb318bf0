namespace OmaDm.Server.Campaigns;

/// <summary>How a campaign drives FUMO on each device. Stored as text.</summary>
public enum FumoFlow
{
    /// <summary>
    /// <c>["HGET", image, F/Update/PkgData]</c> (the image streams into the slot during the session);
    /// after its 200, <c>["EXEC", F/Update, "", correlator]</c> (async, result in an <c>...firmwareupdate.update</c> alert).
    /// </summary>
    Update = 0,

    /// <summary>
    /// <c>["HGET", url-value, F/DownloadAndUpdate/PkgURL]</c> then <c>["EXEC", F/DownloadAndUpdate, "", correlator]</c>:
    /// the device downloads after the session (resuming with Range) and reports a
    /// <c>...firmwareupdate.downloadandupdate</c> alert.
    /// </summary>
    DownloadAndUpdate = 1,
}

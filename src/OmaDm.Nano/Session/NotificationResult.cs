namespace OmaDm.Nano.Session
{
    /// <summary>Verdict on a DM Notification (Package#0). Logged: never renumber.</summary>
    public enum NotificationResult
    {
        /// <summary>Valid: start a server-initiated session.</summary>
        Accepted = 0,
        /// <summary>Not a well-formed Package#0 (header, option encoding, missing or repeated options, sizes).</summary>
        Malformed = 1,
        /// <summary>SERVER-ID names no DM Account on this device.</summary>
        UnknownServer = 2,
        /// <summary>SHA256-DIGEST does not match, or the account has no notification secret.</summary>
        BadDigest = 3,
        /// <summary>TIMESTAMP too far from the device clock.</summary>
        Stale = 4,
        /// <summary>NOTIFICATION-ID already seen for this server.</summary>
        Replayed = 5,
        /// <summary>The seen-id record could not be committed; the notification is not acted on.</summary>
        StorageFailed = 6,
        /// <summary>A session is running; nothing was checked or recorded: hand the notification in again after it.</summary>
        Busy = 7
    }
}

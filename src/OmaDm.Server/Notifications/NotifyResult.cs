namespace OmaDm.Server.Notifications;

/// <summary>Outcome of <see cref="NotificationSender.NotifyAsync"/>.</summary>
public enum NotifyResult
{
    /// <summary>The datagram was sent.</summary>
    Sent = 0,
    /// <summary>No such device.</summary>
    UnknownDevice = 1,
    /// <summary>The device registered no UDP address.</summary>
    NoAddress = 2,
    /// <summary>The device has no notification secret (it would reject an unsigned notification).</summary>
    NoSecret = 3,
    /// <summary>The socket send failed (address unreachable, name not resolved).</summary>
    SendFailed = 4,
    /// <summary>Skipped: the device was notified less than <see cref="NotificationSender.MinIntervalMs"/> ago.</summary>
    RateLimited = 5,
}

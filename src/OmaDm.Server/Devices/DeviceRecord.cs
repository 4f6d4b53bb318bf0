namespace OmaDm.Server.Devices;

/// <summary>One enrolled device as the registry reports it (never carries password material).</summary>
/// <param name="DevId">DevInfo DevID, the key of everything the device owns.</param>
/// <param name="AuthName">User name the device presents in HTTP Basic.</param>
/// <param name="FirmwareVersion">Last FwV the device reported (DevInfo GET), or null.</param>
/// <param name="DevInfoJson">Last DevInfo object reported, as JSON, or null.</param>
/// <param name="MosJson">The MOS array of the last Package#1, as JSON, or null.</param>
/// <param name="NotificationHost">UDP host for DM Notifications, or null.</param>
/// <param name="NotificationPort">UDP port for DM Notifications, or null.</param>
/// <param name="HasNotificationSecret">Whether a notification secret is set.</param>
/// <param name="PollIntervalSeconds">Poll interval last set through the server, or null.</param>
/// <param name="AutoEnrolled">Whether the device enrolled itself (dev mode).</param>
/// <param name="CreatedAt">Enrolment time.</param>
/// <param name="LastSeenAt">Time of the last authenticated package, or null.</param>
/// <param name="LastAddress">Remote address of the last authenticated package, or null.</param>
public sealed record DeviceRecord(
    string DevId,
    string AuthName,
    string? FirmwareVersion,
    string? DevInfoJson,
    string? MosJson,
    string? NotificationHost,
    int? NotificationPort,
    bool HasNotificationSecret,
    int? PollIntervalSeconds,
    bool AutoEnrolled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt,
    string? LastAddress);

namespace OmaDm.Device;

/// <summary>Everything the CLI passes to <see cref="VirtualDevice"/>; also what a demo or test fills to start one in-process.</summary>
public sealed class DeviceOptions
{
    /// <summary>DM server URL (SrvURI) used when the state folder has no DM Account yet.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>Folder that holds the device's whole persistent state.</summary>
    public required string StateDirectory { get; set; }

    /// <summary>DevID override; else the settings file's, else the one stored at the first run, else a new random one.</summary>
    public string? DevId { get; set; }

    /// <summary>Run one session (and the work it started), then exit.</summary>
    public bool Once { get; set; }

    /// <summary>Print the JSON of every package.</summary>
    public bool Verbose { get; set; }

    /// <summary>Seconds between client-initiated sessions in the polling loop.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>Simulated flash loses power after this many operations (0 = never).</summary>
    public long PowerCutAfterOps { get; set; }

    /// <summary>Seed of the power-cut tearing.</summary>
    public int PowerCutSeed { get; set; }

    /// <summary>HTTP Basic user name for bootstrap (default: the DevID when a password is given).</summary>
    public string? UserName { get; set; }

    /// <summary>HTTP Basic password for bootstrap.</summary>
    public string? Password { get; set; }

    /// <summary>SrvID for bootstrap (the server's SERVER-ID in notifications).</summary>
    public string ServerId { get; set; } = "omadm-server";

    /// <summary>Notification secret for bootstrap.</summary>
    public string? NotificationSecret { get; set; }

    /// <summary>Factory bootstrap settings file (docs/PROTOCOL.md §8); wins over the single options above.</summary>
    public string? SettingsFile { get; set; }

    /// <summary>Explicit opt-in to plain http to a non-loopback server.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>UDP port on 127.0.0.1 where DM Notifications are heard in the polling loop (0 = none).</summary>
    public int NotificationPort { get; set; }
}

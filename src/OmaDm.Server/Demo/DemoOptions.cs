using OmaDm.Server.Campaigns;

namespace OmaDm.Server.Demo;

/// <summary>What <c>OmaDm.Server demo</c> can be told.</summary>
public sealed class DemoOptions
{
    /// <summary>Most virtual devices the demo starts (each one is a process per session).</summary>
    public const int MaxDevices = 20;

    /// <summary>Virtual devices (at least 3: one plain, one with a dropped connection, one with a power cut).</summary>
    public int Devices { get; set; } = 5;

    /// <summary>Bound on the scenario (enrolment to the last device on the new version), after the one-time build.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Bound on building the virtual device once.</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Keeps the server (and its console) running after the result until Ctrl+C.</summary>
    public bool KeepRunning { get; set; }

    /// <summary>Path of a built <c>OmaDm.Device.dll</c>; when null the demo builds <c>src/OmaDm.Device</c> from the checkout.</summary>
    public string? DeviceAssembly { get; set; }

    /// <summary>Folder for the throw-away database and device states; a new temp folder when null.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Firmware payload size in bytes (the image is this plus the MCUboot header and TLVs).</summary>
    public int PayloadBytes { get; set; } = 192 * 1024;

    /// <summary>Pause between a device's sessions while it polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How the campaign drives FUMO (DownloadAndUpdate: the device downloads after the session and resumes with Range).</summary>
    public FumoFlow Flow { get; set; } = FumoFlow.DownloadAndUpdate;

    /// <summary>Flash operations after which the power-cut device loses power in its first campaign run.</summary>
    public long PowerCutAfterOps { get; set; } = 15;

    /// <summary>Returns null when valid, else the reason.</summary>
    public string? Validate() =>
        Devices is < 3 or > MaxDevices ? $"--devices must be 3..{MaxDevices}"
        : Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1) ? "--timeout must be 1..3600 seconds"
        : PowerCutAfterOps < 1 ? "--power-cut-after-ops must be at least 1"
        : PayloadBytes is < 4096 or > 8 * 1024 * 1024 ? "payload must be 4 KiB..8 MiB"
        : null;
}

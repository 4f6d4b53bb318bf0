namespace OmaDm.Server.Demo;

/// <summary>Faults the demo injects. Not stored.</summary>
public enum DemoFault
{
    /// <summary>No fault.</summary>
    None = 0,
    /// <summary>The repository drops the connection mid-download (server-side fault injection).</summary>
    DroppedConnection = 1,
    /// <summary>The device's simulated flash loses power mid-download (<c>--power-cut-after-ops</c>); the next run recovers.</summary>
    PowerCut = 2,
}

namespace OmaDm.Device;

/// <summary>Process exit codes of the virtual device (scripts and the demo read them).</summary>
public static class ExitCodes
{
    /// <summary>Session completed (or the loop was stopped).</summary>
    public const int Ok = 0;

    /// <summary>The session did not complete (HTTP error, transport, malformed package...).</summary>
    public const int SessionFailed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>The simulated flash lost power (--power-cut-after-ops): the next run recovers.</summary>
    public const int PowerCut = 3;

    /// <summary>The device cannot run: no account, unreadable state or settings.</summary>
    public const int NotConfigured = 4;
}

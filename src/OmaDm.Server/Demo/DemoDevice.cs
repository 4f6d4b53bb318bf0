namespace OmaDm.Server.Demo;

/// <summary>One virtual device of the demo and what happens to it.</summary>
public sealed class DemoDevice
{
    /// <summary>Creates a device description.</summary>
    public DemoDevice(string devId, string password, string stateDirectory, DemoFault fault)
    {
        DevId = devId;
        Password = password;
        StateDirectory = stateDirectory;
        Fault = fault;
    }

    /// <summary>Its DevID.</summary>
    public string DevId { get; }

    /// <summary>Its HTTP Basic password (enrolled on the server, bootstrapped into the device).</summary>
    public string Password { get; }

    /// <summary>Its state folder (record store, firmware slots).</summary>
    public string StateDirectory { get; }

    /// <summary>The fault it suffers.</summary>
    public DemoFault Fault { get; }

    /// <summary>What the fault did, for the tables (set while the demo runs).</summary>
    public volatile string? FaultNote;

    /// <summary>Device runs so far.</summary>
    public int Runs;

    /// <summary>True once the device loop stopped (updated, failed for good, or cancelled).</summary>
    public volatile bool Finished;

    /// <summary>Last non-zero exit reason, for the final report.</summary>
    public volatile string? LastError;
}

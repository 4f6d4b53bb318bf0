namespace OmaDm.Server.Dm;

/// <summary>DM 2.0 media types and headers (docs/PROTOCOL.md §1).</summary>
public static class DmMediaTypes
{
    /// <summary>Package#1.</summary>
    public const string Initiation = "application/vnd.oma.dm.initiation+json";
    /// <summary>Package#2.</summary>
    public const string Request = "application/vnd.oma.dm.request+json";
    /// <summary>Package#3.</summary>
    public const string Response = "application/vnd.oma.dm.response+json";
    /// <summary>Header carrying the device id.</summary>
    public const string DevIdHeader = "OMADM-DevID";
    /// <summary>Session-start alert of a client-initiated session.</summary>
    public const string ClientInitiated = "urn:oma:at:dm:2.0:ClientInitiatedMgmt";
    /// <summary>Session-start alert after a DM Notification.</summary>
    public const string ServerInitiated = "urn:oma:at:dm:2.0:ServerInitiatedMgmt";
    /// <summary>Session-start alert after a bootstrap.</summary>
    public const string BootstrapComplete = "urn:oma:at:dm:2.0:BootstrapComplete";
    /// <summary>DevInfo MOID.</summary>
    public const string DevInfoMoid = "urn:oma:mo:oma-dm-devinfo:1.0";

    /// <summary>Whether an alert type is one of the three session-start alerts.</summary>
    public static bool IsSessionStart(string alertType) =>
        alertType == ClientInitiated || alertType == ServerInitiated || alertType == BootstrapComplete;
}

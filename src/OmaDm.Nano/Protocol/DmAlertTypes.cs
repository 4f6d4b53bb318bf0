namespace OmaDm.Nano.Protocol
{
    /// <summary>Session-start alert types of Package#1 (docs/PROTOCOL.md §2).</summary>
    public static class DmAlertTypes
    {
        /// <summary>Session started by the client (timer, app, CLI).</summary>
        public const string ClientInitiated = "urn:oma:at:dm:2.0:ClientInitiatedMgmt";

        /// <summary>Session started by a DM Notification; Data = the notification id.</summary>
        public const string ServerInitiated = "urn:oma:at:dm:2.0:ServerInitiatedMgmt";

        /// <summary>First session after a bootstrap.</summary>
        public const string BootstrapComplete = "urn:oma:at:dm:2.0:BootstrapComplete";
    }
}

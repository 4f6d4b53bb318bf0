namespace OmaDm.Nano.Session
{
    /// <summary>Why a session starts; picks the session-start alert of Package#1. Logged: never renumber.</summary>
    public enum SessionTrigger
    {
        /// <summary>Timer, app or CLI: ClientInitiatedMgmt (BootstrapComplete when a bootstrap is pending).</summary>
        Client = 0,
        /// <summary>A verified DM Notification: ServerInitiatedMgmt with its id.</summary>
        Notification = 1
    }
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Called when an EXEC was accepted (202): the app arranges for <see cref="FumoAgent.RunPendingWork"/>
    /// to run after the session (e.g. <c>DmClient.QueuePostSessionWork</c>).
    /// </summary>
    public delegate void FumoWorkScheduler();
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>What a FUMO work step did. Logged: never renumber.</summary>
    public enum FumoRunResult
    {
        /// <summary>Nothing to do.</summary>
        Idle = 0,

        /// <summary>An operation finished; its state and result alert are committed.</summary>
        Completed = 1,

        /// <summary>
        /// The slot was asked to reboot (a swap or revert). A board never sees this; a simulation
        /// must run its boot sequence (including <see cref="FumoAgent.Settle"/>) again.
        /// </summary>
        Rebooted = 2,

        /// <summary>A step could not be persisted (record store failure); the state on flash is still consistent.</summary>
        StoreFailed = 3
    }
}

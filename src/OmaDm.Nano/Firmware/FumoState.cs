namespace OmaDm.Nano.Firmware
{
    /// <summary>FUMO <c>State</c> node values (OMA FUMO 1.0). On the wire and persisted: never change.</summary>
    public enum FumoState
    {
        /// <summary>No operation in progress.</summary>
        Idle = 10,

        /// <summary>The last download failed; a new one may start (resuming what the slot kept).</summary>
        DownloadFailed = 20,

        /// <summary>A download is running (or interrupted by a reset and resumes after the next session).</summary>
        DownloadProgressing = 30,

        /// <summary>Downloaded (transient: verification follows at once).</summary>
        DownloadComplete = 40,

        /// <summary>A verified image waits in the slot for EXEC Update.</summary>
        ReadyToUpdate = 50,

        /// <summary>The test swap is scheduled or running; the boot settle decides.</summary>
        UpdateProgressing = 60,

        /// <summary>The update failed and the package is still in the slot.</summary>
        UpdateFailedHaveData = 70,

        /// <summary>The update failed; the slot was erased.</summary>
        UpdateFailedNoData = 80,

        /// <summary>The update succeeded and the package is still available.</summary>
        UpdateSuccessfulHaveData = 90,

        /// <summary>The update succeeded; the new image runs, confirmed.</summary>
        UpdateSuccessfulNoData = 100
    }
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>The FUMO EXEC that was accepted and is not finished yet. Persisted: never renumber.</summary>
    public enum FumoOperation
    {
        /// <summary>Nothing pending.</summary>
        None = 0,

        /// <summary>EXEC Download: download and verify, report at state 50.</summary>
        Download = 1,

        /// <summary>EXEC Update: swap in the verified image, settle, report.</summary>
        Update = 2,

        /// <summary>EXEC DownloadAndUpdate: both, one report.</summary>
        DownloadAndUpdate = 3
    }
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>AlertType of the FUMO result Generic Alerts (OMA FUMO 1.0), one per EXEC node.</summary>
    public static class FumoAlertTypes
    {
        /// <summary>Result of EXEC Download.</summary>
        public const string Download = "org.openmobilealliance.dm.firmwareupdate.download";

        /// <summary>Result of EXEC Update.</summary>
        public const string Update = "org.openmobilealliance.dm.firmwareupdate.update";

        /// <summary>Result of EXEC DownloadAndUpdate.</summary>
        public const string DownloadAndUpdate = "org.openmobilealliance.dm.firmwareupdate.downloadandupdate";

        /// <summary>The alert type reporting <paramref name="operation"/>, or null for None.</summary>
        /// <param name="operation">The finished operation.</param>
        public static string For(FumoOperation operation)
        {
            switch (operation)
            {
                case FumoOperation.Download: return Download;
                case FumoOperation.Update: return Update;
                case FumoOperation.DownloadAndUpdate: return DownloadAndUpdate;
                default: return null;
            }
        }
    }
}

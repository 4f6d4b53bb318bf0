namespace OmaDm.Nano.Session
{
    /// <summary>Hard limits of one DM session (docs/PROTOCOL.md §5). A server past them gets an aborted session.</summary>
    public static class SessionLimits
    {
        /// <summary>Largest Package#2 body in bytes: the package streams, so this bounds time, not RAM.</summary>
        public const long MaxPackage2Bytes = 1024 * 1024;

        /// <summary>Most commands in one Package#2; 10 000 GETs fit in <see cref="MaxPackage2Bytes"/>.</summary>
        public const int MaxCommandsPerPackage = 10000;

        /// <summary>Most Package#2s in one session: a server looping forever is cut off.</summary>
        public const int MaxPackagesPerSession = 100;

        /// <summary>Longest session in milliseconds (10 min): enough for a slow link, short enough to free the device.</summary>
        public const int MaxSessionMs = 600000;

        /// <summary>Most queued Generic Alerts in one Package#1; the rest wait for the next session.</summary>
        public const int MaxAlertsPerPackage = 16;

        /// <summary>Write buffer of Package#1/#3 and HPUT bodies, in bytes: RAM per writer.</summary>
        public const int WriteBufferBytes = 512;
    }
}

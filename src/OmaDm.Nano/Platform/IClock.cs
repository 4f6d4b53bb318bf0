namespace OmaDm.Nano.Platform
{
    /// <summary>Time as the core needs it: wall clock for notification freshness, a tick count for timeouts.</summary>
    public interface IClock
    {
        /// <summary>Seconds since 1970-01-01 UTC, or -1 when the clock is not set yet (no SNTP).</summary>
        long UtcUnixSeconds { get; }

        /// <summary>Monotonic milliseconds since boot.</summary>
        long UptimeMs { get; }

        /// <summary>Blocks the calling thread (retry backoff).</summary>
        void Sleep(int milliseconds);
    }
}

using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Fakes
{
    /// <summary>A clock the test sets; Sleep advances it.</summary>
    public sealed class FakeClock : IClock
    {
        /// <summary>Wall clock, Unix seconds (-1 = unset).</summary>
        public long Now = 1700000000;

        /// <summary>Uptime in ms.</summary>
        public long Uptime;

        /// <inheritdoc />
        public long UtcUnixSeconds { get { return Now; } }

        /// <inheritdoc />
        public long UptimeMs { get { return Uptime; } }

        /// <inheritdoc />
        public void Sleep(int milliseconds)
        {
            Uptime += milliseconds;
        }
    }
}

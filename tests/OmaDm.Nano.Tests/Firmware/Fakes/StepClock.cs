using System.Collections;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>A clock whose Sleep only records and advances uptime: backoff tests run instantly.</summary>
    public sealed class StepClock : IClock
    {
        /// <summary>Every Sleep, in milliseconds, in order.</summary>
        public readonly ArrayList Sleeps = new ArrayList();

        /// <summary>Uptime in milliseconds.</summary>
        public long Uptime;

        /// <inheritdoc />
        public long UtcUnixSeconds { get { return 1700000000; } }

        /// <inheritdoc />
        public long UptimeMs { get { return Uptime; } }

        /// <inheritdoc />
        public void Sleep(int milliseconds)
        {
            Sleeps.Add(milliseconds);
            Uptime += milliseconds;
        }
    }
}

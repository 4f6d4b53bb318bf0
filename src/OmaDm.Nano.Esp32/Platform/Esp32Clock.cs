using System;
using System.Threading;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Platform
{
    /// <summary>
    /// <see cref="IClock"/> on ESP32: the RTC as set by SNTP (which nanoFramework starts with the
    /// network) and the millisecond tick counter since boot.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        /// <summary>
        /// Before SNTP has answered the RTC counts from 1970 after every reset: any date before this
        /// (2024-01-01T00:00:00Z) means "not set" rather than a real time.
        /// </summary>
        public const long EarliestPlausibleUnixSeconds = 1704067200;

        private const long TicksPerSecond = 10000000;

        // 1970-01-01T00:00:00Z in DateTime ticks.
        private const long UnixEpochTicks = 621355968000000000;

        /// <inheritdoc />
        public long UtcUnixSeconds
        {
            get
            {
                long seconds = (DateTime.UtcNow.Ticks - UnixEpochTicks) / TicksPerSecond;
                return seconds < EarliestPlausibleUnixSeconds ? -1 : seconds;
            }
        }

        /// <inheritdoc />
        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds < 0 ? 0 : milliseconds);
        }
    }
}

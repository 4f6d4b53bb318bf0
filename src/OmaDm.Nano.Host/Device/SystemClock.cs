using System.Diagnostics;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Host.Device;

/// <summary>The host's clocks: UTC wall clock (always set on a PC) and a monotonic stopwatch.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    /// <inheritdoc />
    public long UtcUnixSeconds => System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <inheritdoc />
    public long UptimeMs => _uptime.ElapsedMilliseconds;

    /// <inheritdoc />
    public void Sleep(int milliseconds) => System.Threading.Thread.Sleep(milliseconds);
}

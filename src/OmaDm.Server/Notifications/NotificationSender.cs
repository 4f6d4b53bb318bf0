using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OmaDm.Server.Devices;

namespace OmaDm.Server.Notifications;

/// <summary>
/// Sends DM Notifications over UDP to devices that registered an address, signed with their
/// notification secret. Wired to the command queue and campaigns so a device with an address
/// hears about new work at once instead of at its next poll.
/// </summary>
public sealed class NotificationSender
{
    /// <summary>Minimum time between automatic notifications to one device (ms): a burst of queued commands wakes it once.</summary>
    public const int MinIntervalMs = 1000;

    private readonly DeviceRegistry _registry;
    private readonly ServerOptions _options;
    private readonly ILogger<NotificationSender> _log;
    private readonly ConcurrentDictionary<string, long> _lastSent = new(StringComparer.Ordinal);

    /// <summary>Creates the sender.</summary>
    public NotificationSender(DeviceRegistry registry, ServerOptions options, ILogger<NotificationSender> log)
    {
        _registry = registry;
        _options = options;
        _log = log;
    }

    /// <summary>Number of notifications sent (status page, tests).</summary>
    public int SentCount => _sent;

    private int _sent;

    /// <summary>Builds and sends a notification to <paramref name="devId"/>; <paramref name="force"/> skips the rate limit.</summary>
    public async Task<NotifyResult> NotifyAsync(string devId, bool force = true, IReadOnlyList<string>? reqMos = null)
    {
        var device = _registry.Get(devId);
        if (device is null)
        {
            return NotifyResult.UnknownDevice;
        }
        if (device.NotificationHost is null || device.NotificationPort is not int port)
        {
            return NotifyResult.NoAddress;
        }
        var secret = _registry.GetNotificationSecret(devId);
        if (string.IsNullOrEmpty(secret))
        {
            return NotifyResult.NoSecret;
        }
        var now = Environment.TickCount64;
        if (!force && _lastSent.TryGetValue(devId, out var last) && now - last < MinIntervalMs)
        {
            return NotifyResult.RateLimited;
        }
        _lastSent[devId] = now;
        var id = (uint)(_registry.NextNotificationId(devId) % uint.MaxValue);
        var package = NotificationPackage.Build(_options.ServerId, id == 0 ? 1 : id, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), secret, null, reqMos);
        try
        {
            using var udp = new UdpClient();
            await udp.SendAsync(package, device.NotificationHost, port);
            Interlocked.Increment(ref _sent);
            return NotifyResult.Sent;
        }
        catch (SocketException e)
        {
            _log.LogWarning("notification to {DevId} at {Host}:{Port} failed: {Error}", devId, device.NotificationHost, port, e.Message);
            return NotifyResult.SendFailed;
        }
    }

    /// <summary>Fire-and-forget wake-up used by the queue and campaigns (rate limited, errors logged).</summary>
    public void Wake(string devId) => _ = Task.Run(async () =>
    {
        try
        {
            await NotifyAsync(devId, force: false);
        }
        catch (Exception e)
        {
            _log.LogWarning("wake-up of {DevId} failed: {Error}", devId, e.Message);
        }
    });
}

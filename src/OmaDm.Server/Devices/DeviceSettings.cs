using System.Security.Cryptography;
using OmaDm.Server.Commands;
using OmaDm.Server.Repository;

namespace OmaDm.Server.Devices;

/// <summary>
/// Writes single leaf values on a device. DM 2.0 has no Replace: the server stores the value as a
/// small <c>text/plain</c> blob and queues <c>["HGET", blobUrl, ClientURI]</c> (PROTOCOL §3.3, HGET into a leaf).
/// </summary>
public sealed class DeviceSettings
{
    /// <summary>Leaf holding the device's poll interval in seconds (DM Account extension; see docs/server.md).</summary>
    public const string DefaultPollIntervalUri = "urn:oma:mo:oma-dm-dmacc:1.2//Ext/PollIntervalSec";

    /// <summary>Shortest poll interval the server asks for (seconds): protects the server from a fleet polling in a loop.</summary>
    public const int MinPollIntervalSeconds = 10;

    /// <summary>Longest poll interval (seconds): one week.</summary>
    public const int MaxPollIntervalSeconds = 7 * 24 * 3600;

    private readonly BlobStore _blobs;
    private readonly CommandQueue _queue;
    private readonly DeviceRegistry _registry;

    /// <summary>Creates the service.</summary>
    public DeviceSettings(BlobStore blobs, CommandQueue queue, DeviceRegistry registry)
    {
        _blobs = blobs;
        _queue = queue;
        _registry = registry;
    }

    /// <summary>ClientURI the poll interval is written to (configurable for devices with another layout).</summary>
    public string PollIntervalUri { get; set; } = DefaultPollIntervalUri;

    /// <summary>Queues an HGET that sets <paramref name="clientUri"/> to <paramref name="text"/>; the command id, or null for an unknown device.</summary>
    public async Task<long?> SetLeafValueAsync(string devId, string clientUri, string text)
    {
        if (!_registry.Exists(devId))
        {
            return null;
        }
        var name = "value-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await _blobs.PutTextAsync(name, text);
        return _queue.Enqueue(devId, ["HGET", DmCommands.RepoPlaceholder + "/repo/blobs/" + name, clientUri], "admin");
    }

    /// <summary>Queues the poll-interval change and records it; null when the device is unknown. Throws ArgumentOutOfRangeException outside the limits.</summary>
    public async Task<long?> SetPollIntervalAsync(string devId, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, MinPollIntervalSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxPollIntervalSeconds);
        var id = await SetLeafValueAsync(devId, PollIntervalUri, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (id is not null)
        {
            _registry.RecordPollInterval(devId, seconds);
        }
        return id;
    }
}

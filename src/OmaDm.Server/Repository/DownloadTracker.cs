using System.Collections.Concurrent;

namespace OmaDm.Server.Repository;

/// <summary>Bytes of each blob served to each device so far (server-side download progress).</summary>
/// <remarks>
/// The <c>?dev=</c> that keys it is not authenticated, so the table is bounded: past
/// <see cref="MaxEntries"/> new (device, blob) pairs are not tracked (progress then comes only from
/// FUMO alerts and <c>Ext/Progress</c>).
/// </remarks>
public sealed class DownloadTracker
{
    /// <summary>Most (device, blob) pairs kept: one per device of a large fleet and campaign, about 100 bytes each.</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string DevId, string Blob), long> _served = new();

    /// <summary>Highest absolute offset served to <paramref name="devId"/> for <paramref name="blob"/>, or null when none.</summary>
    public long? HighestOffset(string devId, string blob) => _served.TryGetValue((devId, blob), out var v) ? v : null;

    /// <summary>Number of tracked pairs.</summary>
    public int Count => _served.Count;

    internal void Served(string devId, string blob, long endOffsetExclusive)
    {
        if (_served.Count >= MaxEntries && !_served.ContainsKey((devId, blob)))
        {
            return;
        }
        _served.AddOrUpdate((devId, blob), endOffsetExclusive, (_, old) => Math.Max(old, endOffsetExclusive));
    }
}

using System.Collections.Concurrent;

namespace OmaDm.Server.Repository;

/// <summary>Bytes of each blob served to each device so far (server-side download progress).</summary>
public sealed class DownloadTracker
{
    private readonly ConcurrentDictionary<(string DevId, string Blob), long> _served = new();

    /// <summary>Highest absolute offset served to <paramref name="devId"/> for <paramref name="blob"/>, or null when none.</summary>
    public long? HighestOffset(string devId, string blob) => _served.TryGetValue((devId, blob), out var v) ? v : null;

    internal void Served(string devId, string blob, long endOffsetExclusive) =>
        _served.AddOrUpdate((devId, blob), endOffsetExclusive, (_, old) => Math.Max(old, endOffsetExclusive));
}

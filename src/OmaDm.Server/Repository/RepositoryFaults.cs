using System.Collections.Concurrent;

namespace OmaDm.Server.Repository;

/// <summary>
/// Fault injection for the demo and tests: drop the connection of one device's next download(s)
/// after a byte offset. Inert unless <see cref="ServerOptions.EnableFaultInjection"/> is set,
/// so a production server never honours it.
/// </summary>
public sealed class RepositoryFaults
{
    private readonly bool _enabled;
    private readonly ConcurrentDictionary<string, (long Offset, int Remaining)> _drops = new(StringComparer.Ordinal);

    /// <summary>Creates the injector; it only acts when the options enable fault injection.</summary>
    public RepositoryFaults(ServerOptions options) => _enabled = options.EnableFaultInjection;

    /// <summary>Whether faults can be armed.</summary>
    public bool Enabled => _enabled;

    /// <summary>Arms a drop: the next <paramref name="times"/> blob downloads by <paramref name="devId"/> stop after absolute byte <paramref name="offset"/>. False when disabled.</summary>
    public bool DropConnection(string devId, long offset, int times = 1)
    {
        if (!_enabled || offset < 0 || times < 1)
        {
            return false;
        }
        _drops[devId] = (offset, times);
        return true;
    }

    /// <summary>Number of drops that already happened (tests and demo output).</summary>
    public int DropsDone => _dropsDone;

    private int _dropsDone;

    /// <summary>Consumes an armed drop for a download by <paramref name="devId"/>; the absolute offset to stop at, or null.</summary>
    internal long? TakeDrop(string? devId)
    {
        if (!_enabled || devId is null || !_drops.TryGetValue(devId, out var drop))
        {
            return null;
        }
        if (drop.Remaining <= 1)
        {
            _drops.TryRemove(devId, out _);
        }
        else
        {
            _drops[devId] = (drop.Offset, drop.Remaining - 1);
        }
        Interlocked.Increment(ref _dropsDone);
        return drop.Offset;
    }
}

namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// Counts flash operations (a chunk write, an erase, a metadata write) and cuts the power at
/// operation number <see cref="CutAtOperation"/> (1-based; 0 never). One switch can be shared
/// by several simulated parts of a device so "operation N" counts across all of them.
/// </summary>
public sealed class PowerCutSwitch
{
    private long operations;

    /// <summary>Operation that is torn by the cut (1 = the first), or 0 for no cut.</summary>
    public long CutAtOperation { get; set; }

    /// <summary>Operations started so far (including a torn one).</summary>
    public long Operations => Interlocked.Read(ref operations);

    /// <summary>An external check (e.g. the record store's power-cut counter); true = cut now.</summary>
    public Func<bool>? External { get; set; }

    /// <summary>Counts one operation; true when this one must be torn.</summary>
    public bool CountAndCheck()
    {
        var n = Interlocked.Increment(ref operations);
        return (CutAtOperation > 0 && n == CutAtOperation) || (External?.Invoke() ?? false);
    }
}

namespace OmaDm.Nano.Host.Storage;

/// <summary>What happens to the operation at which <see cref="FaultInjectingFlashFiles"/> cuts the power.</summary>
public enum PowerCutMode
{
    /// <summary>The operation completes, then the power goes.</summary>
    Applied = 0,

    /// <summary>The power goes just before the operation takes effect.</summary>
    NotApplied = 1,

    /// <summary>A write lands truncated at a seeded byte (0 to count-1); other operations behave as <see cref="Applied"/>.</summary>
    TornWrite = 2,

    /// <summary>One of the three above, picked from the seed (what the virtual device's --power-cut-after-ops uses).</summary>
    Seeded = 3
}

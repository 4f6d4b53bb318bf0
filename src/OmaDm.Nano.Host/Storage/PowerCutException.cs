namespace OmaDm.Nano.Host.Storage;

/// <summary>
/// Thrown by the simulated flash (<see cref="FaultInjectingFlashFiles"/> for the record store, the
/// simulated firmware slot for the OTA image) once its power is off. Deliberately not an
/// <see cref="IOException"/>: the record store catches IOException only, so this one unwinds the whole
/// simulated process, as a real power loss would stop a board.
/// </summary>
public sealed class PowerCutException : Exception
{
    /// <summary>Creates the exception for the operation that hit the dead flash.</summary>
    public PowerCutException(long operation, string what)
        : base($"simulated power cut: flash operation {operation} ({what})")
    {
        Operation = operation;
    }

    /// <summary>1-based index of the operation that was running when the power went (or was already off).</summary>
    public long Operation { get; }
}

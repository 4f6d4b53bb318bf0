using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Stages a Generic Alert in the persistent alert queue WITHOUT committing (the session's
    /// <c>AlertQueue.Stage</c>), so FUMO commits it together with its state change: exactly once.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <returns>False when the queue cannot take it.</returns>
    public delegate bool GenericAlertStager(GenericAlert alert);
}

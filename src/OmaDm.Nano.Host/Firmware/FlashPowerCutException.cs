namespace OmaDm.Nano.Host.Firmware;

/// <summary>
/// Thrown by simulated flash when the power-cut knob fires: the operation was torn and the
/// "device" is off. Not an <see cref="IOException"/>, so no layer mistakes it for a network
/// error and carries on; tests catch it and "power the device on" with fresh objects.
/// </summary>
public sealed class FlashPowerCutException : Exception
{
    /// <summary>Creates the exception for the operation that was cut.</summary>
    public FlashPowerCutException(string operation) : base("simulated power cut during " + operation) { }
}

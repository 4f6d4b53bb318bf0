namespace OmaDm.Server.Devices;

/// <summary>Outcome of <see cref="DeviceRegistry.Enrol"/>.</summary>
public enum EnrolResult
{
    /// <summary>The device was created.</summary>
    Created = 0,
    /// <summary>The device existed; its credentials were replaced.</summary>
    Updated = 1,
    /// <summary>DevID, user name or password missing or too long.</summary>
    Invalid = 2,
}

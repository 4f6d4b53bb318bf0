namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The app's check that an image is meant for this device (e.g. load address, flags, a version
    /// policy), run on the header as soon as it arrives. False ends the download with 403.
    /// </summary>
    /// <param name="header">The image's MCUboot header.</param>
    public delegate bool FirmwareMatch(McuBootHeader header);
}

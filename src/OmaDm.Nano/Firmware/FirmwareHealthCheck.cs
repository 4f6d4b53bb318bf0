namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The app's verdict on a freshly swapped image under test: true confirms it, false reverts it
    /// (reported as 410). Must be bounded in time: until confirmed, any reset brings the old image back.
    /// </summary>
    public delegate bool FirmwareHealthCheck();
}

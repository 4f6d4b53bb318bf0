namespace OmaDm.Nano.Firmware
{
    /// <summary>The two MCUboot slots of an image. Never renumber.</summary>
    public enum SlotId
    {
        /// <summary>The slot the device boots from (the running image).</summary>
        Primary = 0,

        /// <summary>The slot a download is staged into (after a swap: the previous image).</summary>
        Secondary = 1
    }
}

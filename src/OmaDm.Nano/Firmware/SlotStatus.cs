namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Update state of the running image, as MCUboot sees it. Values are those of IFU's
    /// <c>UpdateStatus</c>. Persisted in logs: never renumber.
    /// </summary>
    public enum SlotStatus
    {
        /// <summary>The running image is confirmed and no swap is scheduled. Normal operation.</summary>
        Confirmed = 0,

        /// <summary>Running an unconfirmed test image; unless confirmed, the next reset restores the previous one.</summary>
        Testing = 1,

        /// <summary>A test swap is scheduled for the next reboot.</summary>
        TestPending = 2,

        /// <summary>A permanent swap (no test cycle) is scheduled for the next reboot.</summary>
        PermanentPending = 3,

        /// <summary>A revert to the previous image is scheduled for the next reboot.</summary>
        RollbackPending = 4,

        /// <summary>The state could not be read.</summary>
        Unknown = 255
    }
}

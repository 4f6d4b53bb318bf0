namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Outcome of a firmware slot call (<see cref="IFirmwareSlot"/>). Values 0..14 are those of
    /// nanoFramework In-Field Update's <c>UpdateSessionResult</c>, so the device binding maps
    /// them one to one. Persisted with FUMO state and written in logs: never renumber.
    /// </summary>
    public enum SlotResult
    {
        /// <summary>The call succeeded.</summary>
        Success = 0,

        /// <summary>Another writer holds the slot, or a flash operation is still running. Retry later.</summary>
        Busy = 1,

        /// <summary>No session is open (never started, completed, aborted, or released by a reboot). IFU: BadToken.</summary>
        NoSession = 2,

        /// <summary>A chunk arrived at an unexpected offset.</summary>
        BadOffset = 3,

        /// <summary>The image does not fit the slot, or a chunk runs past the declared total length.</summary>
        TooLarge = 4,

        /// <summary>Flash erase, write or read failed, or the swap could not be scheduled.</summary>
        FlashError = 5,

        /// <summary>The data does not start with a valid MCUboot image header.</summary>
        BadMagic = 6,

        /// <summary>A swap is already scheduled; nothing can be staged before the next reboot.</summary>
        SwapInFlight = 7,

        /// <summary>Resume: the slot holds no image header (erased or too little stored). Start afresh.</summary>
        NoImage = 8,

        /// <summary>Resume: the slot holds another image (header bytes or total length differ). Start afresh.</summary>
        HeaderMismatch = 9,

        /// <summary>Complete: fewer bytes stored than the total length. The session stays open.</summary>
        Incomplete = 10,

        /// <summary>Complete: the TLV area is missing, malformed, or inconsistent with the total length.</summary>
        BadTlv = 11,

        /// <summary>Complete: the SHA-256 of the stored image differs from the digest in its TLV area.</summary>
        HashMismatch = 12,

        /// <summary>An argument was invalid (null buffer, negative length, header shorter than 32 bytes).</summary>
        BadArgument = 13,

        /// <summary>This device has no secondary slot: no in-field update.</summary>
        NoSlot = 14,

        /// <summary>Complete: a signature TLV is present (or required) and does not verify against the trusted key.</summary>
        BadSignature = 20,

        /// <summary>Confirm or revert: the running image is not under test, so there is nothing to confirm or revert.</summary>
        NotTesting = 21,

        /// <summary>Swap: the secondary slot holds no completed, verified image.</summary>
        NotVerified = 22
    }
}

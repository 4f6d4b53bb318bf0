namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The firmware slot pair of a device, modelled on nanoFramework In-Field Update: a download
    /// is staged into the secondary slot through a session (start or resume, append chunks in
    /// order, complete = verify), then swapped in for a test run that the new image confirms or
    /// reverts. The ESP32 binding wraps IFU's UpdateManager; the host binding simulates flash.
    /// </summary>
    /// <remarks>
    /// Every call returns a <see cref="SlotResult"/>; none throws for an expected outcome. A slot
    /// keeps at most one session, in RAM: a reboot releases it, and what was written stays in
    /// flash for <see cref="Resume"/>. Verifying the SHA-256 (and a signature) is the slot's job,
    /// because the device does it natively: the portable core has no SHA-256.
    /// </remarks>
    public interface IFirmwareSlot
    {
        /// <summary>Usable size of the secondary slot in bytes: the largest image that can be staged.</summary>
        int CapacityBytes { get; }

        /// <summary>Flash erase-block size in bytes: a resume repeats at most this much plus one chunk.</summary>
        int EraseBlockBytes { get; }

        /// <summary>Offset the next <see cref="Append"/> writes at, or -1 when no session is open.</summary>
        int NextOffset { get; }

        /// <summary>Total length declared for the open session, or -1 when none is open.</summary>
        int TotalLength { get; }

        /// <summary>Update state of the running image.</summary>
        SlotStatus Status { get; }

        /// <summary>
        /// Opens a session for an image of <paramref name="totalLength"/> bytes (header, payload,
        /// TLVs) and erases the secondary slot. Replaces a session this caller left open.
        /// </summary>
        /// <param name="totalLength">Exact image length in bytes.</param>
        /// <returns>Success, TooLarge, SwapInFlight, Busy, NoSlot, FlashError or BadArgument.</returns>
        SlotResult Start(int totalLength);

        /// <summary>
        /// Reopens a session on what an earlier one left in the secondary slot. On Success the
        /// session continues at the slot's own next offset, rewound to the start of the erase
        /// block holding the last written byte (that block is erased again: it may be torn).
        /// </summary>
        /// <param name="totalLength">Total length the earlier session declared.</param>
        /// <param name="expectedHeader">The image's first <see cref="McuBootHeader.Size"/> bytes.</param>
        /// <returns>Success; NoImage (start afresh); HeaderMismatch (the slot holds another image); or as <see cref="Start"/>.</returns>
        SlotResult Resume(int totalLength, byte[] expectedHeader);

        /// <summary>
        /// Writes <paramref name="count"/> bytes at <see cref="NextOffset"/>. On failure the
        /// offset does not move, so the chunk may be offered again. The first chunk of an image
        /// must hold the whole 32-byte header.
        /// </summary>
        /// <param name="buffer">Source bytes.</param>
        /// <param name="offset">Start in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>Success, NoSession, TooLarge (past the total length), BadMagic (bad first chunk), FlashError or BadArgument.</returns>
        SlotResult Append(byte[] buffer, int offset, int count);

        /// <summary>
        /// Verifies the staged image: header, total length, TLV structure, SHA-256 and (when the
        /// slot requires or finds one) the signature. Success closes the session and leaves a
        /// verified image ready for <see cref="RequestTestSwap"/>. Incomplete keeps the session open;
        /// any other result closes it and leaves the slot as is (erase it before a new attempt).
        /// </summary>
        /// <returns>Success, Incomplete, BadMagic, BadTlv, HashMismatch, BadSignature, NoSession or FlashError.</returns>
        SlotResult Complete();

        /// <summary>Closes the open session: pause (<paramref name="erase"/> false) keeps the data for a resume.</summary>
        /// <param name="erase">True to discard what was staged.</param>
        /// <returns>Success, NoSession, or FlashError when the erase failed (the session is closed anyway).</returns>
        SlotResult Abort(bool erase);

        /// <summary>Erases the secondary slot outside a session (discard a bad or stale image).</summary>
        /// <returns>Success, Busy (a session is open), SwapInFlight, NoSlot or FlashError.</returns>
        SlotResult EraseSecondary();

        /// <summary>Schedules a test swap of the verified secondary image for the next reboot.</summary>
        /// <returns>Success, NotVerified, SwapInFlight, Busy or FlashError.</returns>
        SlotResult RequestTestSwap();

        /// <summary>Makes the running test image permanent.</summary>
        /// <returns>Success, NotTesting or FlashError.</returns>
        SlotResult Confirm();

        /// <summary>Schedules a revert to the previous image for the next reboot (the running image is under test).</summary>
        /// <returns>Success, NotTesting or FlashError.</returns>
        SlotResult RequestRevert();

        /// <summary>
        /// Reboots so that a scheduled swap or revert happens. On a board this does not return.
        /// A simulation applies the swap and returns; its caller must then run its boot sequence again.
        /// </summary>
        void Reboot();

        /// <summary>
        /// Copies the SHA-256 recorded in the TLV area of the image in <paramref name="slot"/> (IFU's
        /// ImageInfo.ImageHash) into <paramref name="destination"/>; false when there is no valid image.
        /// </summary>
        /// <param name="slot">Which slot to read.</param>
        /// <param name="destination">At least 32 bytes.</param>
        bool TryGetImageHash(SlotId slot, byte[] destination);

        /// <summary>Header of the image in <paramref name="slot"/>, or null when it holds no valid header.</summary>
        /// <param name="slot">Which slot to read.</param>
        McuBootHeader GetHeader(SlotId slot);
    }
}

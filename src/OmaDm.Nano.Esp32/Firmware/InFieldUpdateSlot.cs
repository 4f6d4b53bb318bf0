using System;
using nanoFramework.Runtime.InFieldUpdate;
using OmaDm.Nano.Firmware;
using SlotId = OmaDm.Nano.Firmware.SlotId;

namespace OmaDm.Nano.Esp32.Firmware
{
    /// <summary>
    /// <see cref="IFirmwareSlot"/> over nanoFramework In-Field Update (<see cref="UpdateManager"/>):
    /// MCUboot primary and secondary slots of one image, staged through an <see cref="UpdateSession"/>.
    /// </summary>
    /// <remarks>
    /// <para>Which image: <see cref="ImageType.Deployment"/> (the managed application, what a maker
    /// changes) by default; <see cref="ImageType.NanoClr"/> replaces the firmware itself, whose
    /// running image IFU confirms at start-up, so <see cref="Confirm"/> answers NotTesting for it.</para>
    /// <para>Differences from the contract that callers should know: IFU marks an image for a test
    /// swap as soon as <see cref="Complete"/> succeeds (any reboot after that swaps), so
    /// <see cref="RequestTestSwap"/> only checks that this happened; IFU exposes no raw header bytes,
    /// so <see cref="GetHeader"/> answers from the first chunk staged since boot (secondary slot) and
    /// null otherwise; IFU reports no slot size, so <see cref="CapacityBytes"/> is what the board
    /// says (StartUpdateSession still answers TooLarge when an image does not fit).</para>
    /// <para>Where the firmware's IFU support answers with an exception instead of a result (a target
    /// built without MCUboot slots), every call returns <see cref="SlotResult.NoSlot"/>. A firmware
    /// without the native IFU assembly at all does not start an app that references this package;
    /// see the boards README.</para>
    /// </remarks>
    public sealed class InFieldUpdateSlot : IFirmwareSlot
    {
        /// <summary>ESP32 SPI flash sector: the unit IFU erases and rewinds a resume to.</summary>
        public const int Esp32EraseBlockBytes = 4096;

        private readonly ImageType _image;
        private readonly int _capacityBytes;
        private readonly bool _available;
        private UpdateSession _session;
        private byte[] _stagedHeader;
        private bool _verified;

        /// <summary>Slot of <paramref name="image"/>; <paramref name="capacityBytes"/> is the secondary partition size from the board's layout.</summary>
        public InFieldUpdateSlot(ImageType image, int capacityBytes)
        {
            if (capacityBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("capacityBytes");
            }

            _image = image;
            _capacityBytes = capacityBytes;
            _available = Probe(image);
        }

        /// <summary>False when the firmware answered the status query with an exception: every call then gives NoSlot.</summary>
        public bool IsAvailable
        {
            get { return _available; }
        }

        /// <inheritdoc />
        public int CapacityBytes
        {
            get { return _capacityBytes; }
        }

        /// <inheritdoc />
        public int EraseBlockBytes
        {
            get { return Esp32EraseBlockBytes; }
        }

        /// <inheritdoc />
        public int NextOffset
        {
            get { return _session == null ? -1 : _session.NextOffset; }
        }

        /// <inheritdoc />
        public int TotalLength
        {
            get { return _session == null ? -1 : _session.TotalLength; }
        }

        /// <inheritdoc />
        public SlotStatus Status
        {
            get
            {
                if (!_available)
                {
                    return SlotStatus.Unknown;
                }

                try
                {
                    return UpdateResults.ToSlotStatus(UpdateManager.GetStatus(_image));
                }
                catch (Exception)
                {
                    return SlotStatus.Unknown;
                }
            }
        }

        /// <inheritdoc />
        public SlotResult Start(int totalLength)
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (totalLength <= 0)
            {
                return SlotResult.BadArgument;
            }

            if (totalLength > _capacityBytes)
            {
                return SlotResult.TooLarge;
            }

            _verified = false;
            _stagedHeader = null;
            UpdateSession session;
            SlotResult result = Call(UpdateManager.StartUpdateSession(_image, totalLength, out session));
            _session = result == SlotResult.Success ? session : null;
            return result;
        }

        /// <inheritdoc />
        public SlotResult Resume(int totalLength, byte[] expectedHeader)
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (totalLength <= 0 || expectedHeader == null || expectedHeader.Length < McuBootHeader.Size)
            {
                return SlotResult.BadArgument;
            }

            _verified = false;
            UpdateSession session;
            SlotResult result = Call(UpdateManager.ResumeUpdateSession(_image, totalLength, expectedHeader, out session));
            _session = result == SlotResult.Success ? session : null;
            if (_session != null)
            {
                _stagedHeader = CopyHeader(expectedHeader, 0);
            }

            return result;
        }

        /// <inheritdoc />
        public SlotResult Append(byte[] buffer, int offset, int count)
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return SlotResult.BadArgument;
            }

            if (_session == null)
            {
                return SlotResult.NoSession;
            }

            bool first = _session.NextOffset == 0;
            SlotResult result = Call(UpdateManager.StoreImageChunk(_session, buffer, offset, count));
            if (result == SlotResult.Success && first && count >= McuBootHeader.Size)
            {
                _stagedHeader = CopyHeader(buffer, offset);
            }

            return result;
        }

        /// <inheritdoc />
        public SlotResult Complete()
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_session == null)
            {
                return SlotResult.NoSession;
            }

            SlotResult result = Call(UpdateManager.CompleteUpdateSession(_session));
            if (result != SlotResult.Incomplete)
            {
                // Any other answer closes the IFU session; the handle is stale from here on.
                _session = null;
            }

            _verified = result == SlotResult.Success;
            return result;
        }

        /// <inheritdoc />
        public SlotResult Abort(bool erase)
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_session == null)
            {
                return SlotResult.NoSession;
            }

            UpdateSession session = _session;
            _session = null;
            if (erase)
            {
                _stagedHeader = null;
            }

            return Call(UpdateManager.AbortUpdateSession(session, erase));
        }

        /// <inheritdoc />
        public SlotResult EraseSecondary()
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_session != null)
            {
                return SlotResult.Busy;
            }

            _verified = false;
            _stagedHeader = null;
            return Call(UpdateManager.EraseSecondaryImage(_image));
        }

        /// <inheritdoc />
        public SlotResult RequestTestSwap()
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_session != null)
            {
                return SlotResult.Busy;
            }

            // IFU already scheduled the test swap when the session completed.
            SlotStatus status = Status;
            if (_verified || status == SlotStatus.TestPending)
            {
                return SlotResult.Success;
            }

            return status == SlotStatus.RollbackPending ? SlotResult.SwapInFlight : SlotResult.NotVerified;
        }

        /// <inheritdoc />
        public SlotResult Confirm()
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_image != ImageType.Deployment || Status != SlotStatus.Testing)
            {
                return SlotResult.NotTesting;
            }

            return UpdateManager.ConfirmDeploymentImage() ? SlotResult.Success : SlotResult.FlashError;
        }

        /// <inheritdoc />
        public SlotResult RequestRevert()
        {
            if (!_available)
            {
                return SlotResult.NoSlot;
            }

            if (_image == ImageType.NanoClr)
            {
                // False means the secondary slot holds nothing valid to go back to.
                return UpdateManager.RequestClrRevert() ? SlotResult.Success : SlotResult.NotVerified;
            }

            if (Status != SlotStatus.Testing)
            {
                return SlotResult.NotTesting;
            }

            return UpdateManager.RequestDeploymentRevert() ? SlotResult.Success : SlotResult.FlashError;
        }

        /// <inheritdoc />
        public void Reboot()
        {
            UpdateManager.RequestReboot();
        }

        /// <inheritdoc />
        public McuBootHeader GetHeader(SlotId slot)
        {
            if (slot != SlotId.Secondary || _stagedHeader == null)
            {
                return null;
            }

            McuBootHeader header;
            return McuBootHeader.TryParse(_stagedHeader, 0, out header) == SlotResult.Success ? header : null;
        }

        /// <inheritdoc />
        public bool TryGetImageHash(SlotId slot, byte[] destination)
        {
            if (!_available || destination == null)
            {
                return false;
            }

            try
            {
                ImageInfo info = ImageInfoOf(slot);
                byte[] hash = info == null || !info.HasValidHeader ? null : info.ImageHash;
                if (hash == null || hash.Length == 0 || destination.Length < hash.Length)
                {
                    return false;
                }

                Array.Copy(hash, 0, destination, 0, hash.Length);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>
        /// Version of the image in <paramref name="slot"/> in imgtool's form "major.minor.revision+build"
        /// (what <see cref="McuBootHeader.VersionText"/> and the server use), or null when IFU has none.
        /// </summary>
        /// <remarks>Assumes IFU maps MCUboot's (major, minor, revision, build) onto Version(major, minor, build, revision) in that order.</remarks>
        public string GetVersionText(SlotId slot)
        {
            if (!_available)
            {
                return null;
            }

            try
            {
                ImageInfo info = ImageInfoOf(slot);
                Version v = info == null || !info.HasValidHeader ? null : info.Version;
                if ((object)v == null)
                {
                    // The cast keeps the comparison a reference check: nanoFramework has no Version == operator.
                    return null;
                }

                return v.Major.ToString() + "." + v.Minor.ToString() + "." + (v.Build < 0 ? 0 : v.Build).ToString()
                    + "+" + (v.Revision < 0 ? 0 : v.Revision).ToString();
            }
            catch (Exception)
            {
                return null;
            }
        }

        private ImageInfo ImageInfoOf(SlotId slot)
        {
            return slot == SlotId.Primary
                ? UpdateManager.GetPrimaryImageInfo(_image)
                : UpdateManager.GetSecondaryImageInfo(_image);
        }

        private static SlotResult Call(UpdateSessionResult result)
        {
            return UpdateResults.ToSlotResult(result);
        }

        private static byte[] CopyHeader(byte[] source, int offset)
        {
            byte[] copy = new byte[McuBootHeader.Size];
            Array.Copy(source, offset, copy, 0, McuBootHeader.Size);
            return copy;
        }

        private static bool Probe(ImageType image)
        {
            try
            {
                UpdateManager.GetStatus(image);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}

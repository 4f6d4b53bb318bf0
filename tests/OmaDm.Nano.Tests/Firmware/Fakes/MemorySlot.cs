using System;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>
    /// An in-RAM <see cref="IFirmwareSlot"/> with the flash and MCUboot rules the core relies on
    /// (erased-only writes, rewind to the last written block on resume, test swap, revert at a
    /// reset without confirm). The core has no SHA-256, so "verification" compares the stored
    /// bytes with <see cref="ValidImage"/> when set; knobs inject flash failures.
    /// </summary>
    public sealed partial class MemorySlot : IFirmwareSlot
    {
        /// <summary>Erase block size used by the fake, bytes.</summary>
        public const int Block = 4096;

        private byte[] _primary;
        private byte[] _secondary;
        private int _next = -1;
        private int _total = -1;
        private int _storedTotal = -1;
        private int _primaryTotal = -1;
        private bool _verified;

        /// <summary>Creates erased slots of <paramref name="capacity"/> bytes.</summary>
        /// <param name="capacity">Slot size.</param>
        public MemorySlot(int capacity)
        {
            _primary = Erased(capacity);
            _secondary = Erased(capacity);
            Status = SlotStatus.Confirmed;
        }

        /// <summary>When set, Complete succeeds only if the stored image equals this.</summary>
        public byte[] ValidImage;

        /// <summary>Digest reported by <see cref="TryGetImageHash"/> for the secondary slot, or null.</summary>
        public byte[] ImageHash;

        /// <summary>Absolute offset at which the next Append fails with FlashError (once); -1 for none.</summary>
        public int FailAppendAtOffset = -1;

        /// <summary>Result Complete returns instead of checking (e.g. BadSignature); Success = check normally.</summary>
        public SlotResult ForceCompleteResult = SlotResult.Success;

        /// <summary>Behave as IFU: a successful Complete already schedules the test swap (status TestPending).</summary>
        public bool PendingOnComplete;

        /// <summary>Erases done (slot erase or block erase).</summary>
        public int Erases;

        /// <summary>Reboots done.</summary>
        public int Reboots;

        /// <inheritdoc />
        public int CapacityBytes { get { return _secondary.Length; } }

        /// <inheritdoc />
        public int EraseBlockBytes { get { return Block; } }

        /// <inheritdoc />
        public int NextOffset { get { return _next; } }

        /// <inheritdoc />
        public int TotalLength { get { return _next < 0 ? -1 : _total; } }

        /// <inheritdoc />
        public SlotStatus Status { get; private set; }

        /// <summary>True when the secondary slot holds nothing.</summary>
        public bool SecondaryErased
        {
            get
            {
                for (int i = 0; i < _secondary.Length; i++)
                {
                    if (_secondary[i] != 0xFF)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Puts <paramref name="image"/> into the primary slot, confirmed (the factory image).</summary>
        /// <param name="image">An MCUboot image.</param>
        public void InstallPrimary(byte[] image)
        {
            _primary = Erased(_primary.Length);
            Array.Copy(image, _primary, image.Length);
            _primaryTotal = image.Length;
            Status = SlotStatus.Confirmed;
        }

        /// <inheritdoc />
        public SlotResult Start(int totalLength)
        {
            if (totalLength <= McuBootHeader.Size)
            {
                return SlotResult.BadArgument;
            }

            if (totalLength > CapacityBytes)
            {
                return SlotResult.TooLarge;
            }

            if (Status != SlotStatus.Confirmed)
            {
                return SlotResult.SwapInFlight;
            }

            EraseAll();
            _storedTotal = totalLength;
            _total = totalLength;
            _next = 0;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult Resume(int totalLength, byte[] expectedHeader)
        {
            if (expectedHeader == null || expectedHeader.Length < McuBootHeader.Size)
            {
                return SlotResult.BadArgument;
            }

            if (Status != SlotStatus.Confirmed)
            {
                return SlotResult.SwapInFlight;
            }

            McuBootHeader header;
            if (McuBootHeader.TryParse(_secondary, 0, out header) != SlotResult.Success)
            {
                return SlotResult.NoImage;
            }

            for (int i = 0; i < McuBootHeader.Size; i++)
            {
                if (_secondary[i] != expectedHeader[i])
                {
                    return SlotResult.HeaderMismatch;
                }
            }

            if (_storedTotal != totalLength)
            {
                return SlotResult.HeaderMismatch;
            }

            int written = 0;
            for (int i = totalLength - 1; i >= 0; i--)
            {
                if (_secondary[i] != 0xFF)
                {
                    written = i + 1;
                    break;
                }
            }

            int rewound = written == 0 ? 0 : (written - 1) / Block * Block;
            if (rewound < McuBootHeader.Size)
            {
                return SlotResult.NoImage;
            }

            for (int i = rewound; i < rewound + Block && i < _secondary.Length; i++)
            {
                _secondary[i] = 0xFF;
            }

            Erases++;
            _total = totalLength;
            _next = rewound;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult Append(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || buffer.Length - offset < count)
            {
                return SlotResult.BadArgument;
            }

            if (_next < 0)
            {
                return SlotResult.NoSession;
            }

            if (_next + count > _total)
            {
                return SlotResult.TooLarge;
            }

            if (_next == 0)
            {
                McuBootHeader header;
                SlotResult parsed = count < McuBootHeader.Size ? SlotResult.BadArgument : McuBootHeader.TryParse(buffer, offset, out header);
                if (parsed != SlotResult.Success)
                {
                    return parsed == SlotResult.BadArgument ? SlotResult.BadArgument : SlotResult.BadMagic;
                }
            }

            if (FailAppendAtOffset >= 0 && FailAppendAtOffset >= _next && FailAppendAtOffset < _next + count)
            {
                FailAppendAtOffset = -1;
                return SlotResult.FlashError;
            }

            for (int i = 0; i < count; i++)
            {
                if (_secondary[_next + i] != 0xFF)
                {
                    return SlotResult.FlashError;
                }
            }

            Array.Copy(buffer, offset, _secondary, _next, count);
            _next += count;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult Complete()
        {
            if (_next < 0)
            {
                return SlotResult.NoSession;
            }

            if (_next < _total)
            {
                return SlotResult.Incomplete;
            }

            _next = -1;
            if (ForceCompleteResult != SlotResult.Success)
            {
                return ForceCompleteResult;
            }

            McuBootHeader header;
            if (McuBootHeader.TryParse(_secondary, 0, out header) != SlotResult.Success)
            {
                return SlotResult.BadMagic;
            }

            if (ValidImage != null)
            {
                if (ValidImage.Length != _total)
                {
                    return SlotResult.BadTlv;
                }

                for (int i = 0; i < _total; i++)
                {
                    if (_secondary[i] != ValidImage[i])
                    {
                        return SlotResult.HashMismatch;
                    }
                }
            }

            _verified = true;
            if (PendingOnComplete)
            {
                Status = SlotStatus.TestPending;
            }

            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult Abort(bool erase)
        {
            if (_next < 0)
            {
                return SlotResult.NoSession;
            }

            _next = -1;
            if (erase)
            {
                EraseAll();
            }

            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult EraseSecondary()
        {
            if (_next >= 0)
            {
                return SlotResult.Busy;
            }

            if (Status != SlotStatus.Confirmed)
            {
                return SlotResult.SwapInFlight;
            }

            EraseAll();
            return SlotResult.Success;
        }

        /// <inheritdoc />
        /// <remarks>Reads the SHA-256 entry of the slot's TLV area, as IFU's ImageInfo.ImageHash; <see cref="ImageHash"/> overrides the secondary's.</remarks>
        public bool TryGetImageHash(SlotId slot, byte[] destination)
        {
            if (slot == SlotId.Secondary && ImageHash != null)
            {
                Array.Copy(ImageHash, destination, ImageHash.Length);
                return true;
            }

            byte[] data = slot == SlotId.Primary ? _primary : _secondary;
            McuBootHeader header;
            if (McuBootHeader.TryParse(data, 0, out header) != SlotResult.Success || header.HashedLength + 4 > data.Length)
            {
                return false;
            }

            int length = McuBootHeader.ReadUInt16(data, header.HashedLength + 2);
            int at;
            int hashLength;
            if (length > data.Length - header.HashedLength
                || McuBootTlv.Find(data, header.HashedLength, length, McuBootTlv.TypeSha256, out at, out hashLength) != SlotResult.Success
                || at < 0 || hashLength != 32)
            {
                return false;
            }

            Array.Copy(data, at, destination, 0, 32);
            return true;
        }

        /// <inheritdoc />
        public McuBootHeader GetHeader(SlotId slot)
        {
            McuBootHeader header;
            return McuBootHeader.TryParse(slot == SlotId.Primary ? _primary : _secondary, 0, out header) == SlotResult.Success ? header : null;
        }

        private void EraseAll()
        {
            for (int i = 0; i < _secondary.Length; i++)
            {
                _secondary[i] = 0xFF;
            }

            _verified = false;
            _storedTotal = -1;
            Erases++;
        }

        private static byte[] Erased(int capacity)
        {
            byte[] data = new byte[capacity];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = 0xFF;
            }

            return data;
        }
    }
}

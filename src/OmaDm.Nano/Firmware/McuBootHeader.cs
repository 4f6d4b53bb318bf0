namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The 32-byte MCUboot image header (little-endian): magic, load address, header size,
    /// protected TLV size, image (payload) size, flags, version major.minor.revision+build.
    /// An image is header (<see cref="HeaderSize"/> bytes, the 32 bytes plus padding), payload
    /// (<see cref="ImageSize"/> bytes), protected TLVs, then the TLV area with the SHA-256.
    /// </summary>
    public sealed class McuBootHeader
    {
        /// <summary>Length of the header structure in bytes; also what a resume compares.</summary>
        public const int Size = 32;

        /// <summary>IMAGE_MAGIC of MCUboot's image_header.</summary>
        public const uint Magic = 0x96f3b83d;

        /// <summary>Largest header size accepted: MCUboot pads headers to a flash-aligned size, never beyond a few KiB.</summary>
        public const int MaxHeaderSizeBytes = 4096;

        private McuBootHeader()
        {
        }

        /// <summary>Where the image wants to run from (0 for XIP images).</summary>
        public uint LoadAddress { get; private set; }

        /// <summary>Bytes from the start of the image to the payload (the 32-byte header plus padding).</summary>
        public int HeaderSize { get; private set; }

        /// <summary>Size of the protected TLV area after the payload, or 0.</summary>
        public int ProtectedTlvSize { get; private set; }

        /// <summary>Payload size in bytes (between the header and the TLV areas).</summary>
        public int ImageSize { get; private set; }

        /// <summary>MCUboot image flags.</summary>
        public uint Flags { get; private set; }

        /// <summary>Version major.</summary>
        public int Major { get; private set; }

        /// <summary>Version minor.</summary>
        public int Minor { get; private set; }

        /// <summary>Version revision.</summary>
        public int Revision { get; private set; }

        /// <summary>Build number.</summary>
        public uint Build { get; private set; }

        /// <summary>Bytes covered by the image hash: header, payload and protected TLVs.</summary>
        public int HashedLength { get { return HeaderSize + ImageSize + ProtectedTlvSize; } }

        /// <summary>"major.minor.revision+build", as imgtool writes versions (and DevInfo/FwV reports them).</summary>
        public string VersionText
        {
            get
            {
                return Major.ToString() + "." + Minor.ToString() + "." + Revision.ToString() + "+" + Build.ToString();
            }
        }

        /// <summary>
        /// Parses a header from <paramref name="data"/> at <paramref name="offset"/>.
        /// </summary>
        /// <param name="data">Bytes holding at least <see cref="Size"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Start of the header in <paramref name="data"/>.</param>
        /// <param name="header">The header when the result is Success, else null.</param>
        /// <returns>Success; BadArgument when fewer than 32 bytes are given; BadMagic for a wrong magic or impossible sizes.</returns>
        public static SlotResult TryParse(byte[] data, int offset, out McuBootHeader header)
        {
            header = null;
            if (data == null || offset < 0 || data.Length - offset < Size)
            {
                return SlotResult.BadArgument;
            }

            if (ReadUInt32(data, offset) != Magic)
            {
                return SlotResult.BadMagic;
            }

            int headerSize = ReadUInt16(data, offset + 8);
            int protectedSize = ReadUInt16(data, offset + 10);
            uint imageSize = ReadUInt32(data, offset + 12);
            // A header shorter than its own structure, or sizes that overflow an int, are not an image.
            if (headerSize < Size || headerSize > MaxHeaderSizeBytes || imageSize == 0 || imageSize > 0x7f000000)
            {
                return SlotResult.BadMagic;
            }

            McuBootHeader result = new McuBootHeader();
            result.LoadAddress = ReadUInt32(data, offset + 4);
            result.HeaderSize = headerSize;
            result.ProtectedTlvSize = protectedSize;
            result.ImageSize = (int)imageSize;
            result.Flags = ReadUInt32(data, offset + 16);
            result.Major = data[offset + 20];
            result.Minor = data[offset + 21];
            result.Revision = ReadUInt16(data, offset + 22);
            result.Build = ReadUInt32(data, offset + 24);
            header = result;
            return SlotResult.Success;
        }

        /// <summary>Compares versions (major, minor, revision, build): negative, 0 or positive, as CompareTo.</summary>
        /// <param name="other">The version to compare with.</param>
        public int CompareVersion(McuBootHeader other)
        {
            if (Major != other.Major)
            {
                return Major - other.Major;
            }

            if (Minor != other.Minor)
            {
                return Minor - other.Minor;
            }

            if (Revision != other.Revision)
            {
                return Revision - other.Revision;
            }

            return Build == other.Build ? 0 : (Build < other.Build ? -1 : 1);
        }

        /// <summary>Reads a little-endian 16-bit value.</summary>
        /// <param name="data">Source bytes.</param>
        /// <param name="offset">Offset of the low byte.</param>
        public static int ReadUInt16(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8);
        }

        /// <summary>Reads a little-endian 32-bit value.</summary>
        /// <param name="data">Source bytes.</param>
        /// <param name="offset">Offset of the low byte.</param>
        public static uint ReadUInt32(byte[] data, int offset)
        {
            return (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16)) | ((uint)data[offset + 3] << 24);
        }
    }
}

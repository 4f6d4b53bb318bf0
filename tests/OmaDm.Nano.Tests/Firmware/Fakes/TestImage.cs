namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>
    /// MCUboot-shaped images built by hand for core tests: 32-byte header, payload, a TLV area
    /// with a SHA-256 entry whose value is a placeholder (the core never hashes; the fake slot
    /// compares bytes instead).
    /// </summary>
    public static class TestImage
    {
        /// <summary>Bytes of the TLV area: info header + entry header + 32-byte digest.</summary>
        public const int TlvBytes = 4 + 4 + 32;

        /// <summary>An image with <paramref name="payload"/> bytes of pseudo-random payload.</summary>
        /// <param name="payload">Payload size.</param>
        /// <param name="major">Version major.</param>
        /// <param name="seed">Payload pattern seed.</param>
        public static byte[] Make(int payload, int major, int seed)
        {
            byte[] image = new byte[32 + payload + TlvBytes];
            image[0] = 0x3d;
            image[1] = 0xb8;
            image[2] = 0xf3;
            image[3] = 0x96;
            image[8] = 32;
            image[12] = (byte)payload;
            image[13] = (byte)(payload >> 8);
            image[14] = (byte)(payload >> 16);
            image[20] = (byte)major;
            uint x = (uint)(seed * 2654435761u) | 1;
            for (int i = 0; i < payload; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                image[32 + i] = (byte)x;
            }

            int t = 32 + payload;
            image[t] = 0x07;
            image[t + 1] = 0x69;
            image[t + 2] = TlvBytes;
            image[t + 4] = 0x10;
            image[t + 6] = 32;
            for (int i = 0; i < 32; i++)
            {
                image[t + 8 + i] = (byte)(i + seed);
            }

            return image;
        }

        /// <summary>The first 32 bytes.</summary>
        /// <param name="image">An image.</param>
        public static byte[] HeaderOf(byte[] image)
        {
            byte[] header = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                header[i] = image[i];
            }

            return header;
        }
    }
}

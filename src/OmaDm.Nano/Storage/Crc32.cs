namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial and final XOR
    /// 0xFFFFFFFF): CRC of "123456789" is 0xCBF43926.
    /// </summary>
    /// <remarks>The 256-entry table (1 KB of RAM) is built on first use.</remarks>
    public static class Crc32
    {
        private const uint ReflectedPolynomial = 0xEDB88320;
        private static uint[] _table;

        /// <summary>CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Append(0, data, offset, count);
        }

        /// <summary>
        /// Continues a CRC: <c>Append(Compute(a), b)</c> equals the CRC of a followed by b
        /// (as zlib's crc32(crc, buf, len)); <c>Append(0, x)</c> equals <c>Compute(x)</c>.
        /// </summary>
        public static uint Append(uint crc, byte[] data, int offset, int count)
        {
            uint[] table = _table ?? BuildTable();
            uint c = ~crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            }
            return ~c;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            _table = table;
            return table;
        }
    }
}

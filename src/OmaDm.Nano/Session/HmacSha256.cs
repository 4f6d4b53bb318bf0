namespace OmaDm.Nano.Session
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104 over FIPS 180-4) in managed code, for the short inputs of DM
    /// Notification digests. Kept in the core so the device build needs no crypto package and the
    /// host tests can compare it with .NET's independent implementation.
    /// </summary>
    /// <remarks>Allocates a few small arrays per call; not for bulk data (images are verified natively).</remarks>
    public static class HmacSha256
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashBytes = 32;

        private const int BlockBytes = 64;

        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
        };

        /// <summary>HMAC-SHA256 of <paramref name="data"/> under <paramref name="key"/>.</summary>
        /// <param name="key">Key bytes (any length; longer than 64 bytes is hashed first).</param>
        /// <param name="data">Message bytes.</param>
        public static byte[] Compute(byte[] key, byte[] data)
        {
            if (key.Length > BlockBytes)
            {
                key = Hash(key, null);
            }

            byte[] inner = new byte[BlockBytes];
            byte[] outer = new byte[BlockBytes];
            for (int i = 0; i < BlockBytes; i++)
            {
                byte k = i < key.Length ? key[i] : (byte)0;
                inner[i] = (byte)(k ^ 0x36);
                outer[i] = (byte)(k ^ 0x5c);
            }

            return Hash(outer, Hash(inner, data));
        }

        /// <summary>SHA-256 of <paramref name="first"/> followed by <paramref name="second"/> (may be null).</summary>
        /// <param name="first">First part.</param>
        /// <param name="second">Second part, or null.</param>
        public static byte[] Hash(byte[] first, byte[] second)
        {
            int secondLength = second == null ? 0 : second.Length;
            long total = first.Length + secondLength;
            int padded = (int)(((total + 8) / BlockBytes) + 1) * BlockBytes;
            uint[] state = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
            uint[] w = new uint[64];
            byte[] block = new byte[BlockBytes];
            for (int offset = 0; offset < padded; offset += BlockBytes)
            {
                for (int i = 0; i < BlockBytes; i++)
                {
                    long at = offset + i;
                    byte b;
                    if (at < first.Length)
                    {
                        b = first[at];
                    }
                    else if (at < total)
                    {
                        b = second[at - first.Length];
                    }
                    else if (at == total)
                    {
                        b = 0x80;
                    }
                    else if (at >= padded - 8)
                    {
                        b = (byte)((total * 8) >> (int)(8 * (padded - 1 - at)));
                    }
                    else
                    {
                        b = 0;
                    }

                    block[i] = b;
                }

                Compress(state, w, block);
            }

            byte[] digest = new byte[HashBytes];
            for (int i = 0; i < 8; i++)
            {
                digest[4 * i] = (byte)(state[i] >> 24);
                digest[(4 * i) + 1] = (byte)(state[i] >> 16);
                digest[(4 * i) + 2] = (byte)(state[i] >> 8);
                digest[(4 * i) + 3] = (byte)state[i];
            }

            return digest;
        }

        private static void Compress(uint[] state, uint[] w, byte[] block)
        {
            for (int i = 0; i < 16; i++)
            {
                w[i] = ((uint)block[4 * i] << 24) | ((uint)block[(4 * i) + 1] << 16) | ((uint)block[(4 * i) + 2] << 8) | block[(4 * i) + 3];
            }

            for (int i = 16; i < 64; i++)
            {
                uint s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
                uint s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = unchecked(w[i - 16] + s0 + w[i - 7] + s1);
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            for (int i = 0; i < 64; i++)
            {
                uint t1 = unchecked(h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]);
                uint t2 = unchecked((Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c)));
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            state[0] = unchecked(state[0] + a);
            state[1] = unchecked(state[1] + b);
            state[2] = unchecked(state[2] + c);
            state[3] = unchecked(state[3] + d);
            state[4] = unchecked(state[4] + e);
            state[5] = unchecked(state[5] + f);
            state[6] = unchecked(state[6] + g);
            state[7] = unchecked(state[7] + h);
        }

        private static uint Rotr(uint value, int bits)
        {
            return (value >> bits) | (value << (32 - bits));
        }
    }
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The TLV area after an MCUboot image's payload: an info header (magic 0x6907, u16 total
    /// length including the info header) followed by entries (u16 type, u16 length, value), all
    /// little-endian. An optional protected area (magic 0x6908) comes first and is covered by the hash.
    /// </summary>
    public static class McuBootTlv
    {
        /// <summary>IMAGE_TLV_INFO_MAGIC: starts the unprotected TLV area.</summary>
        public const int InfoMagic = 0x6907;

        /// <summary>IMAGE_TLV_PROT_INFO_MAGIC: starts the protected TLV area.</summary>
        public const int ProtectedInfoMagic = 0x6908;

        /// <summary>Bytes of the TLV info header and of each entry header.</summary>
        public const int HeaderBytes = 4;

        /// <summary>IMAGE_TLV_KEYHASH: SHA-256 of the signing public key.</summary>
        public const int TypeKeyHash = 0x01;

        /// <summary>IMAGE_TLV_SHA256: SHA-256 over header, payload and protected TLVs.</summary>
        public const int TypeSha256 = 0x10;

        /// <summary>IMAGE_TLV_ECDSA_SIG (ECDSA P-256 over the SHA-256, DER encoded).</summary>
        public const int TypeEcdsaSignature = 0x22;

        /// <summary>Length of a SHA-256 digest in bytes.</summary>
        public const int Sha256Bytes = 32;

        /// <summary>Largest TLV area accepted: a hash, a key hash and a signature take a few hundred bytes.</summary>
        public const int MaxAreaBytes = 4096;

        /// <summary>
        /// Checks the structure of an unprotected TLV area held in <paramref name="area"/> and finds
        /// the entry of <paramref name="type"/>.
        /// </summary>
        /// <param name="area">Buffer holding the TLV area.</param>
        /// <param name="offset">Start of the area (its info header) in <paramref name="area"/>.</param>
        /// <param name="count">Bytes available from <paramref name="offset"/>: the area must fill them exactly.</param>
        /// <param name="type">TLV type wanted.</param>
        /// <param name="valueOffset">Offset of the value in <paramref name="area"/>, or -1 when absent.</param>
        /// <param name="valueLength">Length of the value, or 0 when absent.</param>
        /// <returns>Success (the entry may still be absent: check <paramref name="valueOffset"/>) or BadTlv.</returns>
        public static SlotResult Find(byte[] area, int offset, int count, int type, out int valueOffset, out int valueLength)
        {
            valueOffset = -1;
            valueLength = 0;
            if (area == null || offset < 0 || count < HeaderBytes || area.Length - offset < count || count > MaxAreaBytes)
            {
                return SlotResult.BadTlv;
            }

            if (McuBootHeader.ReadUInt16(area, offset) != InfoMagic || McuBootHeader.ReadUInt16(area, offset + 2) != count)
            {
                return SlotResult.BadTlv;
            }

            int position = offset + HeaderBytes;
            int end = offset + count;
            while (position < end)
            {
                if (end - position < HeaderBytes)
                {
                    return SlotResult.BadTlv;
                }

                int entryType = McuBootHeader.ReadUInt16(area, position);
                int entryLength = McuBootHeader.ReadUInt16(area, position + 2);
                position += HeaderBytes;
                if (entryLength > end - position)
                {
                    return SlotResult.BadTlv;
                }

                if (entryType == type && valueOffset < 0)
                {
                    valueOffset = position;
                    valueLength = entryLength;
                }

                position += entryLength;
            }

            return SlotResult.Success;
        }
    }
}

using System.Text;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Parses DM Notification Package#0 bytes (docs/PROTOCOL.md §7): header VER:4 OC:5 reserved:7,
    /// then OC options with CoAP-style 4-bit delta and length nibbles and their extended forms.
    /// Bounded, allocation only for the strings it returns; never throws for bad input.
    /// </summary>
    public static class NotificationParser
    {
        /// <summary>Largest Package#0 accepted, in bytes (a UDP datagram we are willing to look at).</summary>
        public const int MaxPackageBytes = 512;

        /// <summary>The only header version this client speaks.</summary>
        public const int Version = 2;

        /// <summary>Option number of SERVER-ID.</summary>
        public const int OptionServerId = 1;
        /// <summary>Option number of PREFERRED-CON-TYPE.</summary>
        public const int OptionPreferredConType = 2;
        /// <summary>Option number of NOTIFICATION-ID.</summary>
        public const int OptionNotificationId = 3;
        /// <summary>Option number of SHA256-DIGEST.</summary>
        public const int OptionDigest = 4;
        /// <summary>Option number of TIMESTAMP.</summary>
        public const int OptionTimestamp = 5;
        /// <summary>Option number of REQ-MOS.</summary>
        public const int OptionReqMos = 6;

        /// <summary>Length of the SHA256-DIGEST value in bytes.</summary>
        public const int DigestBytes = 32;

        /// <summary>Longest SERVER-ID in bytes.</summary>
        public const int MaxServerIdBytes = 64;

        /// <summary>Longest REQ-MOS MOID in bytes.</summary>
        public const int MaxMoidBytes = 128;

        /// <summary>Parses <paramref name="count"/> bytes at <paramref name="offset"/> into <paramref name="result"/>.</summary>
        /// <param name="data">Package bytes.</param>
        /// <param name="offset">Start of the package.</param>
        /// <param name="count">Package length.</param>
        /// <param name="result">Refilled; meaningful only when the call returns true.</param>
        /// <returns>True for a well-formed package with every required option.</returns>
        public static bool TryParse(byte[] data, int offset, int count, DmNotification result)
        {
            result.Clear();
            if (data == null || count < 2 || count > MaxPackageBytes || offset < 0 || offset + count > data.Length)
            {
                return false;
            }

            int header = (data[offset] << 8) | data[offset + 1];
            int version = (header >> 12) & 0x0F;
            int optionCount = (header >> 7) & 0x1F;
            if (version != Version || (header & 0x7F) != 0)
            {
                return false;
            }

            result.Version = version;
            int end = offset + count;
            int pos = offset + 2;
            int number = 0;
            bool seenId = false;
            bool seenTimestamp = false;
            for (int i = 0; i < optionCount; i++)
            {
                if (pos >= end)
                {
                    return false;
                }

                int first = data[pos++];
                int delta;
                int length;
                if (!ReadNibble(first >> 4, data, ref pos, end, out delta) || !ReadNibble(first & 0x0F, data, ref pos, end, out length))
                {
                    return false;
                }

                number += delta;
                if (length > end - pos)
                {
                    return false;
                }

                if (!TakeOption(number, data, pos, length, result, ref seenId, ref seenTimestamp))
                {
                    return false;
                }

                pos += length;
            }

            return pos == end && result.ServerId != null && seenId && seenTimestamp && result.DigestOffset >= 0;
        }

        private static bool ReadNibble(int nibble, byte[] data, ref int pos, int end, out int value)
        {
            value = nibble;
            if (nibble < 13)
            {
                return true;
            }

            if (nibble == 13)
            {
                if (pos >= end)
                {
                    return false;
                }

                value = data[pos++] + 13;
                return true;
            }

            if (nibble == 14)
            {
                if (pos + 1 >= end)
                {
                    return false;
                }

                value = ((data[pos] << 8) | data[pos + 1]) + 269;
                pos += 2;
                return true;
            }

            return false; // 15 is reserved (CoAP payload marker)
        }

        private static bool TakeOption(int number, byte[] data, int pos, int length, DmNotification result, ref bool seenId, ref bool seenTimestamp)
        {
            switch (number)
            {
                case OptionServerId:
                    if (result.ServerId != null || length < 1 || length > MaxServerIdBytes || !IsText(data, pos, length))
                    {
                        return false;
                    }

                    result.ServerId = Encoding.UTF8.GetString(data, pos, length);
                    return true;
                case OptionPreferredConType:
                    if (result.PreferredConnectionType >= 0 || length != 1)
                    {
                        return false;
                    }

                    result.PreferredConnectionType = data[pos];
                    return true;
                case OptionNotificationId:
                    if (seenId || length < 1 || length > 4)
                    {
                        return false;
                    }

                    seenId = true;
                    result.NotificationId = ReadUnsigned(data, pos, length);
                    return result.NotificationId != 0;
                case OptionDigest:
                    if (result.DigestOffset >= 0 || length != DigestBytes)
                    {
                        return false;
                    }

                    result.DigestOffset = pos;
                    return true;
                case OptionTimestamp:
                    if (seenTimestamp || (length != 4 && length != 8))
                    {
                        return false;
                    }

                    seenTimestamp = true;
                    result.Timestamp = ReadUnsigned(data, pos, length);
                    return result.Timestamp >= 0;
                case OptionReqMos:
                    if (result.RequestedMosCount >= DmNotification.MaxRequestedMos || length < 1 || length > MaxMoidBytes || !IsText(data, pos, length))
                    {
                        return false;
                    }

                    result.AddRequestedMos(Encoding.UTF8.GetString(data, pos, length));
                    return true;
                default:
                    return false;
            }
        }

        private static long ReadUnsigned(byte[] data, int pos, int length)
        {
            long value = 0;
            for (int i = 0; i < length; i++)
            {
                value = (value << 8) | data[pos + i];
            }

            return value; // 8-byte values with the top bit set come out negative and are rejected
        }

        private static bool IsText(byte[] data, int pos, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (data[pos + i] < 0x20 || data[pos + i] == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

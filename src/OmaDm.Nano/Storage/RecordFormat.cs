namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// Byte layout and file names of the store (docs/storage.md has the picture). Every integer is
    /// little-endian. Stored on flash: never change a value, add a new version instead.
    /// </summary>
    internal static class RecordFormat
    {
        /// <summary>File layout version in the header; files with another version are reported and skipped.</summary>
        internal const byte FileVersion = 1;

        /// <summary>Record layout version; the length framing (first 8 bytes) is the same for every version.</summary>
        internal const byte RecordVersion = 1;

        internal const byte KindSegment = 1;
        internal const byte KindSnapshot = 2;

        internal const byte OpPut = 1;
        internal const byte OpRemove = 2;

        /// <summary>magic(4) version(1) kind(1) reserved(2) sequence(4) recordCount(4) headerCrc(4).</summary>
        internal const int HeaderBytes = 20;

        /// <summary>version(1) op(1) keyLength(2) valueLength(4), then key, value, crc(4).</summary>
        internal const int RecordHeaderBytes = 8;

        /// <summary>Fixed bytes per record besides key and value: the 8-byte record header and the 4-byte CRC.</summary>
        internal const int RecordOverheadBytes = RecordHeaderBytes + 4;

        /// <summary>magic(4) recordCount(4) bodyCrc(4) trailerCrc(4); its presence is what makes a file committed.</summary>
        internal const int TrailerBytes = 16;

        internal const string SegmentPrefix = "seg-";
        internal const string SegmentSuffix = ".log";
        internal const string SnapshotPrefix = "snap-";
        internal const string SnapshotSuffix = ".dat";
        internal const string TempSuffix = ".tmp";

        /// <summary>Kinds of names <see cref="TryParseName"/> recognises.</summary>
        internal const int NameSegment = 1;
        internal const int NameSnapshot = 2;
        internal const int NameTemp = 3;

        /// <summary>Digits in a file name's sequence; covers every positive int so names sort as numbers.</summary>
        private const int SequenceDigits = 10;

        internal static readonly byte[] HeaderMagic = new byte[] { (byte)'O', (byte)'D', (byte)'M', (byte)'S' };
        internal static readonly byte[] TrailerMagic = new byte[] { (byte)'O', (byte)'D', (byte)'M', (byte)'E' };

        internal static string SegmentName(int sequence)
        {
            return SegmentPrefix + Digits(sequence) + SegmentSuffix;
        }

        internal static string SnapshotName(int sequence)
        {
            return SnapshotPrefix + Digits(sequence) + SnapshotSuffix;
        }

        internal static string SnapshotTempName(int sequence)
        {
            return SnapshotPrefix + Digits(sequence) + TempSuffix;
        }

        /// <summary>Recognises the store's own file names; anything else in the folder is left alone.</summary>
        internal static bool TryParseName(string name, out int kind, out int sequence)
        {
            kind = 0;
            sequence = 0;
            if (name == null)
            {
                return false;
            }
            string prefix;
            if (name.Length == SegmentPrefix.Length + SequenceDigits + SegmentSuffix.Length && HasAffixes(name, SegmentPrefix, SegmentSuffix))
            {
                kind = NameSegment;
                prefix = SegmentPrefix;
            }
            else if (name.Length == SnapshotPrefix.Length + SequenceDigits + SnapshotSuffix.Length && HasAffixes(name, SnapshotPrefix, SnapshotSuffix))
            {
                kind = NameSnapshot;
                prefix = SnapshotPrefix;
            }
            else if (name.Length == SnapshotPrefix.Length + SequenceDigits + TempSuffix.Length && HasAffixes(name, SnapshotPrefix, TempSuffix))
            {
                kind = NameTemp;
                prefix = SnapshotPrefix;
            }
            else
            {
                return false;
            }
            long value = 0;
            for (int i = 0; i < SequenceDigits; i++)
            {
                char c = name[prefix.Length + i];
                if (c < '0' || c > '9')
                {
                    kind = 0;
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            if (value <= 0 || value > int.MaxValue)
            {
                kind = 0;
                return false;
            }
            sequence = (int)value;
            return true;
        }

        internal static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        internal static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        internal static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        internal static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
        }

        internal static bool MagicMatches(byte[] buffer, int offset, byte[] magic)
        {
            for (int i = 0; i < magic.Length; i++)
            {
                if (buffer[offset + i] != magic[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static string Digits(int sequence)
        {
            return sequence.ToString().PadLeft(SequenceDigits, '0');
        }

        private static bool HasAffixes(string name, string prefix, string suffix)
        {
            return StoreText.StartsWithOrdinal(name, prefix) && StoreText.StartsWithOrdinal(name.Substring(name.Length - suffix.Length), suffix);
        }
    }
}

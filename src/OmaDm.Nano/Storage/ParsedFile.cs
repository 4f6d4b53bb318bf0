using System.Collections;
using System.IO;
using System.Text;

namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// One store file read back: what it says and whether it was committed. Records are kept aside
    /// until the trailer proves the file complete, so a torn file never leaks a single record.
    /// </summary>
    internal sealed class ParsedFile
    {
        /// <summary>Trailer present and valid: the file was committed (bad records inside are counted, not applied).</summary>
        internal const int Complete = 0;

        /// <summary>The file ends early (a power cut before Close): never committed.</summary>
        internal const int Torn = 1;

        /// <summary>Header, framing or trailer damaged: cannot be trusted as a whole.</summary>
        internal const int Corrupt = 2;

        /// <summary>Written by another file format version: skipped, left on flash.</summary>
        internal const int UnknownVersion = 3;

        /// <summary>Bytes read per Read call; fixed RAM during Load.</summary>
        private const int ReadBufferBytes = 256;

        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[ReadBufferBytes];
        private int _position;
        private int _length;

        private ParsedFile(Stream stream)
        {
            _stream = stream;
            Keys = new ArrayList();
            Values = new ArrayList();
        }

        internal int Outcome;
        internal int Sequence;
        internal int CorruptRecords;
        internal int UnknownVersionRecords;
        internal bool BodyCrcMismatch;
        internal int BytesRead;

        /// <summary>Keys (string) in file order.</summary>
        internal readonly ArrayList Keys;

        /// <summary>Values (byte[]) parallel to <see cref="Keys"/>; null marks a remove.</summary>
        internal readonly ArrayList Values;

        internal static ParsedFile Read(Stream stream, byte expectedKind, int expectedSequence)
        {
            ParsedFile file = new ParsedFile(stream);
            file.Outcome = file.Parse(expectedKind, expectedSequence);
            return file;
        }

        private int Parse(byte expectedKind, int expectedSequence)
        {
            byte[] head = new byte[RecordFormat.HeaderBytes];
            if (!ReadExact(head, 0, RecordFormat.HeaderBytes))
            {
                return Torn;
            }
            if (!RecordFormat.MagicMatches(head, 0, RecordFormat.HeaderMagic) || RecordFormat.ReadUInt32(head, 16) != Crc32.Compute(head, 0, 16))
            {
                return Corrupt;
            }
            if (head[4] != RecordFormat.FileVersion)
            {
                return UnknownVersion;
            }
            Sequence = (int)RecordFormat.ReadUInt32(head, 8);
            uint count = RecordFormat.ReadUInt32(head, 12);
            if (head[5] != expectedKind || Sequence != expectedSequence)
            {
                return Corrupt;
            }
            uint bodyCrc = Crc32.Compute(head, 0, RecordFormat.HeaderBytes);
            byte[] keyBuffer = new byte[RecordStore.MaxKeyBytes];
            byte[] crcBytes = new byte[4];
            for (uint i = 0; i < count; i++)
            {
                if (!ReadExact(head, 0, RecordFormat.RecordHeaderBytes))
                {
                    return Torn;
                }
                byte version = head[0];
                byte op = head[1];
                int keyLength = RecordFormat.ReadUInt16(head, 2);
                uint valueLength = RecordFormat.ReadUInt32(head, 4);
                if (keyLength > RecordStore.MaxKeyBytes || valueLength > RecordStore.MaxValueBytes)
                {
                    // The length framing is damaged: the rest of the file cannot be found.
                    return Corrupt;
                }
                byte[] value = new byte[valueLength];
                if (!ReadExact(keyBuffer, 0, keyLength) || !ReadExact(value, 0, (int)valueLength) || !ReadExact(crcBytes, 0, 4))
                {
                    return Torn;
                }
                uint crc = Crc32.Compute(head, 0, RecordFormat.RecordHeaderBytes);
                crc = Crc32.Append(crc, keyBuffer, 0, keyLength);
                crc = Crc32.Append(crc, value, 0, (int)valueLength);
                bodyCrc = Crc32.Append(Crc32.Append(Crc32.Append(bodyCrc, head, 0, RecordFormat.RecordHeaderBytes), keyBuffer, 0, keyLength), value, 0, (int)valueLength);
                bodyCrc = Crc32.Append(bodyCrc, crcBytes, 0, 4);
                if (version != RecordFormat.RecordVersion)
                {
                    UnknownVersionRecords++;
                }
                else if (crc != RecordFormat.ReadUInt32(crcBytes, 0) || keyLength == 0
                    || (op != RecordFormat.OpPut && op != RecordFormat.OpRemove)
                    || (op == RecordFormat.OpRemove && valueLength != 0)
                    || (expectedKind == RecordFormat.KindSnapshot && op != RecordFormat.OpPut))
                {
                    CorruptRecords++;
                }
                else
                {
                    Keys.Add(Encoding.UTF8.GetString(keyBuffer, 0, keyLength));
                    Values.Add(op == RecordFormat.OpPut ? value : null);
                }
            }
            byte[] trailer = new byte[RecordFormat.TrailerBytes];
            if (!ReadExact(trailer, 0, RecordFormat.TrailerBytes))
            {
                return Torn;
            }
            if (!RecordFormat.MagicMatches(trailer, 0, RecordFormat.TrailerMagic)
                || RecordFormat.ReadUInt32(trailer, 12) != Crc32.Compute(trailer, 0, 12)
                || RecordFormat.ReadUInt32(trailer, 4) != count)
            {
                return Corrupt;
            }
            BodyCrcMismatch = RecordFormat.ReadUInt32(trailer, 8) != bodyCrc;
            return Complete;
        }

        private bool ReadExact(byte[] destination, int offset, int count)
        {
            while (count > 0)
            {
                if (_position == _length)
                {
                    _length = _stream.Read(_buffer, 0, ReadBufferBytes);
                    _position = 0;
                    if (_length <= 0)
                    {
                        _length = 0;
                        return false;
                    }
                }
                int available = _length - _position;
                int n = count < available ? count : available;
                System.Array.Copy(_buffer, _position, destination, offset, n);
                _position += n;
                offset += n;
                count -= n;
                BytesRead += n;
            }
            return true;
        }
    }
}

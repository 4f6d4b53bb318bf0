using System.IO;

namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// Writes one store file (header, records, trailer) through a fixed buffer so a commit costs few
    /// write calls; keeps the running body CRC. Exceptions from the stream pass through.
    /// </summary>
    internal sealed class RecordWriter
    {
        /// <summary>Bytes buffered before one Write call; one LittleFS cache line on ESP32, fixed RAM per commit.</summary>
        internal const int WriteBufferBytes = 512;

        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[WriteBufferBytes];
        private readonly byte[] _scratch = new byte[RecordFormat.HeaderBytes];
        private int _used;
        private uint _bodyCrc;
        private int _recordCount;

        internal RecordWriter(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>Bytes handed to the stream or buffered so far.</summary>
        internal int BytesWritten { get; private set; }

        internal void WriteHeader(byte kind, int sequence, int recordCount)
        {
            byte[] h = _scratch;
            for (int i = 0; i < 4; i++)
            {
                h[i] = RecordFormat.HeaderMagic[i];
            }
            h[4] = RecordFormat.FileVersion;
            h[5] = kind;
            h[6] = 0;
            h[7] = 0;
            RecordFormat.WriteUInt32(h, 8, (uint)sequence);
            RecordFormat.WriteUInt32(h, 12, (uint)recordCount);
            RecordFormat.WriteUInt32(h, 16, Crc32.Compute(h, 0, 16));
            Append(h, 0, RecordFormat.HeaderBytes, true);
        }

        internal void WriteRecord(byte op, byte[] key, byte[] value)
        {
            int valueLength = value == null ? 0 : value.Length;
            byte[] h = _scratch;
            h[0] = RecordFormat.RecordVersion;
            h[1] = op;
            RecordFormat.WriteUInt16(h, 2, key.Length);
            RecordFormat.WriteUInt32(h, 4, (uint)valueLength);
            uint crc = Crc32.Compute(h, 0, RecordFormat.RecordHeaderBytes);
            crc = Crc32.Append(crc, key, 0, key.Length);
            if (valueLength > 0)
            {
                crc = Crc32.Append(crc, value, 0, valueLength);
            }
            Append(h, 0, RecordFormat.RecordHeaderBytes, true);
            Append(key, 0, key.Length, true);
            if (valueLength > 0)
            {
                Append(value, 0, valueLength, true);
            }
            RecordFormat.WriteUInt32(h, 0, crc);
            Append(h, 0, 4, true);
            _recordCount++;
        }

        /// <summary>Writes the trailer and hands every buffered byte to the stream (the caller then closes it).</summary>
        internal void Finish()
        {
            byte[] t = _scratch;
            for (int i = 0; i < 4; i++)
            {
                t[i] = RecordFormat.TrailerMagic[i];
            }
            RecordFormat.WriteUInt32(t, 4, (uint)_recordCount);
            RecordFormat.WriteUInt32(t, 8, _bodyCrc);
            RecordFormat.WriteUInt32(t, 12, Crc32.Compute(t, 0, 12));
            Append(t, 0, RecordFormat.TrailerBytes, false);
            Drain();
        }

        private void Append(byte[] data, int offset, int count, bool body)
        {
            if (body)
            {
                _bodyCrc = Crc32.Append(_bodyCrc, data, offset, count);
            }
            BytesWritten += count;
            while (count > 0)
            {
                int room = WriteBufferBytes - _used;
                int n = count < room ? count : room;
                System.Array.Copy(data, offset, _buffer, _used, n);
                _used += n;
                offset += n;
                count -= n;
                if (_used == WriteBufferBytes)
                {
                    Drain();
                }
            }
        }

        private void Drain()
        {
            if (_used > 0)
            {
                _stream.Write(_buffer, 0, _used);
                _used = 0;
            }
        }
    }
}

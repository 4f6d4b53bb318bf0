using System;
using System.IO;

namespace OmaDm.Nano.Json
{
    /// <summary>
    /// Streaming JSON writer into a <see cref="Stream"/> through one caller-supplied buffer. Commas
    /// and colons are inserted automatically; strings are escaped per RFC 8259 and encoded to UTF-8
    /// character by character, without intermediate strings.
    /// </summary>
    /// <remarks>
    /// RAM cost: the caller's buffer plus <see cref="MaxDepth"/> bytes of nesting stack. When the
    /// buffer fills, its bytes are written to the stream; <see cref="Flush"/> writes the rest (it
    /// does not flush the stream itself). Calls in an order that cannot give valid JSON (a value
    /// where a property name is required, an end without a start, a second root value) are caller
    /// bugs and throw <see cref="InvalidOperationException"/>. Lone UTF-16 surrogates in .NET
    /// strings and malformed UTF-8 in byte input are written as U+FFFD, so a bad string never
    /// aborts a package half written.
    /// </remarks>
    public sealed partial class JsonWriter
    {
        /// <summary>Smallest accepted buffer in bytes: the longest number (a 17-digit double with sign, point and exponent) fits whole.</summary>
        public const int MinBufferBytes = 32;

        /// <summary>Deepest nesting the writer tracks: DM packages and MO data nest far less; one byte of RAM per level.</summary>
        public const int MaxDepth = 64;

        private const byte ArrayMarker = 0;
        private const byte ObjectMarker = 1;

        private readonly Stream _destination;
        private readonly byte[] _buffer;
        private readonly byte[] _containers = new byte[MaxDepth];
        private int _count;      // bytes waiting in the buffer
        private long _flushed;   // bytes already handed to the stream
        private int _depth;
        private bool _hasValue;  // the current container already holds a member (next one needs a comma)
        private bool _afterName; // a property name was written, its value is due
        private bool _rootDone;

        /// <summary>Creates a writer.</summary>
        /// <param name="destination">Receives the JSON bytes.</param>
        /// <param name="buffer">Caller-owned buffer of at least <see cref="MinBufferBytes"/> bytes.</param>
        public JsonWriter(Stream destination, byte[] buffer)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }
            if (buffer.Length < MinBufferBytes)
            {
                throw new ArgumentException("buffer must hold at least MinBufferBytes bytes", "buffer");
            }
            _destination = destination;
            _buffer = buffer;
        }

        /// <summary>Bytes produced so far (written to the stream or still buffered).</summary>
        public long BytesWritten { get { return _flushed + _count; } }

        /// <summary>Containers currently open.</summary>
        public int CurrentDepth { get { return _depth; } }

        /// <summary>Whether a complete root value has been written.</summary>
        public bool IsComplete { get { return _rootDone; } }

        /// <summary>Writes <c>{</c>.</summary>
        public void WriteStartObject()
        {
            StartContainer(ObjectMarker, (byte)'{');
        }

        /// <summary>Writes <c>}</c>.</summary>
        /// <exception cref="InvalidOperationException">No object is open, or a property's value is missing.</exception>
        public void WriteEndObject()
        {
            EndContainer(ObjectMarker, (byte)'}');
        }

        /// <summary>Writes <c>[</c>.</summary>
        public void WriteStartArray()
        {
            StartContainer(ArrayMarker, (byte)'[');
        }

        /// <summary>Writes <c>]</c>.</summary>
        /// <exception cref="InvalidOperationException">No array is open.</exception>
        public void WriteEndArray()
        {
            EndContainer(ArrayMarker, (byte)']');
        }

        /// <summary>Writes a property name and its colon; the next call must write its value.</summary>
        /// <exception cref="InvalidOperationException">Not directly inside an object, or the previous name has no value yet.</exception>
        public void WritePropertyName(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException("name");
            }
            BeforeName();
            WriteQuoted(name);
            AfterName();
        }

        /// <summary>Writes a property name given as UTF-8 bytes (escaped as needed) and its colon.</summary>
        /// <exception cref="InvalidOperationException">Not directly inside an object, or the previous name has no value yet.</exception>
        public void WritePropertyName(byte[] utf8Name)
        {
            if (utf8Name == null)
            {
                throw new ArgumentNullException("utf8Name");
            }
            BeforeName();
            WriteQuoted(utf8Name, 0, utf8Name.Length);
            AfterName();
        }

        /// <summary>Writes a string value.</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }
            BeforeValue();
            WriteQuoted(value);
            AfterValue();
        }

        /// <summary>Writes a string value given as UTF-8 bytes (escaped as needed).</summary>
        public void WriteString(byte[] utf8, int offset, int count)
        {
            CheckRange(utf8, offset, count);
            BeforeValue();
            WriteQuoted(utf8, offset, count);
            AfterValue();
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        public void WriteBoolean(bool value)
        {
            BeforeValue();
            if (value)
            {
                WriteAscii4('t', 'r', 'u', 'e');
            }
            else
            {
                WriteByte((byte)'f');
                WriteAscii4('a', 'l', 's', 'e');
            }
            AfterValue();
        }

        /// <summary>Writes <c>null</c>.</summary>
        public void WriteNull()
        {
            BeforeValue();
            WriteAscii4('n', 'u', 'l', 'l');
            AfterValue();
        }

        /// <summary>
        /// Copies one complete, already valid JSON value as is (for example an MO subtree serialized
        /// earlier). Not validated: the caller owns its correctness.
        /// </summary>
        public void WriteRawValue(byte[] json, int offset, int count)
        {
            CheckRange(json, offset, count);
            BeforeValue();
            if (count > _buffer.Length - _count)
            {
                FlushBuffer();
                _destination.Write(json, offset, count);
                _flushed += count;
            }
            else
            {
                Array.Copy(json, offset, _buffer, _count, count);
                _count += count;
            }
            AfterValue();
        }

        /// <summary>Writes the buffered bytes to the stream (the stream itself is not flushed).</summary>
        public void Flush()
        {
            FlushBuffer();
        }

        private void StartContainer(byte marker, byte bracket)
        {
            BeforeValue();
            if (_depth == MaxDepth)
            {
                throw new InvalidOperationException("nesting deeper than JsonWriter.MaxDepth");
            }
            WriteByte(bracket);
            _containers[_depth++] = marker;
            _hasValue = false;
        }

        private void EndContainer(byte marker, byte bracket)
        {
            if (_depth == 0 || _containers[_depth - 1] != marker || _afterName)
            {
                throw new InvalidOperationException("end does not match the open container");
            }
            WriteByte(bracket);
            _depth--;
            AfterValue();
        }

        private void BeforeName()
        {
            if (_depth == 0 || _containers[_depth - 1] != ObjectMarker || _afterName)
            {
                throw new InvalidOperationException("a property name is only allowed directly inside an object, before its value");
            }
            if (_hasValue)
            {
                WriteByte((byte)',');
            }
        }

        private void AfterName()
        {
            WriteByte((byte)':');
            _afterName = true;
        }

        private void BeforeValue()
        {
            if (_depth == 0)
            {
                if (_rootDone)
                {
                    throw new InvalidOperationException("the root value is already complete");
                }
                return;
            }
            if (_containers[_depth - 1] == ObjectMarker)
            {
                if (!_afterName)
                {
                    throw new InvalidOperationException("a property name is required before a value inside an object");
                }
                _afterName = false;
            }
            else if (_hasValue)
            {
                WriteByte((byte)',');
            }
        }

        private void AfterValue()
        {
            if (_depth == 0)
            {
                _rootDone = true;
            }
            else
            {
                _hasValue = true;
            }
        }

        private static void CheckRange(byte[] bytes, int offset, int count)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }
            if (offset < 0 || count < 0 || offset > bytes.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }

        private void WriteByte(byte b)
        {
            if (_count == _buffer.Length)
            {
                FlushBuffer();
            }
            _buffer[_count++] = b;
        }

        private void WriteAscii4(char a, char b, char c, char d)
        {
            Reserve(4);
            _buffer[_count] = (byte)a;
            _buffer[_count + 1] = (byte)b;
            _buffer[_count + 2] = (byte)c;
            _buffer[_count + 3] = (byte)d;
            _count += 4;
        }

        /// <summary>Makes room for <paramref name="bytes"/> (at most <see cref="MinBufferBytes"/>) in the buffer.</summary>
        private void Reserve(int bytes)
        {
            if (_buffer.Length - _count < bytes)
            {
                FlushBuffer();
            }
        }

        private void FlushBuffer()
        {
            if (_count > 0)
            {
                _destination.Write(_buffer, 0, _count);
                _flushed += _count;
                _count = 0;
            }
        }
    }
}

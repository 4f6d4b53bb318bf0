using System;
using System.Collections;
using System.IO;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Tests.Fakes
{
    /// <summary>
    /// In-memory <see cref="IFlashFiles"/> with counters and fault knobs, for shared tests. Bytes written
    /// land in the file at once (so a power cut leaves any prefix, as pessimistic as LittleFS gets).
    /// Operations counted: OpenRead, Create, each Write call, Close of a written file, Delete, Rename,
    /// Exists, List.
    /// </summary>
    public sealed class MemoryFlashFiles : IFlashFiles
    {
        private readonly Hashtable _files; // name -> Content
        private bool _powerOff;

        /// <summary>An empty flash.</summary>
        public MemoryFlashFiles() : this(new Hashtable())
        {
        }

        private MemoryFlashFiles(Hashtable files)
        {
            _files = files;
            TornWriteBytes = -1;
        }

        /// <summary>Operations so far (1-based index of the last one).</summary>
        public int OperationCount { get; private set; }

        /// <summary>Write calls so far.</summary>
        public int WriteCalls { get; private set; }

        /// <summary>Bytes that reached files through Write.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Create calls so far.</summary>
        public int CreateCount { get; private set; }

        /// <summary>Delete calls so far (including no-op deletes).</summary>
        public int DeleteCount { get; private set; }

        /// <summary>Rename calls so far.</summary>
        public int RenameCount { get; private set; }

        /// <summary>When &gt; 0, the operation with this index throws IOException without effect; the others work.</summary>
        public int FailAtOperation { get; set; }

        /// <summary>When &gt; 0, operation N is applied (a write torn per <see cref="TornWriteBytes"/>), then every later call throws IOException.</summary>
        public int PowerCutAfterOperations { get; set; }

        /// <summary>When the cut operation is a write: how many of its bytes land (-1 = all, 0 = none).</summary>
        public int TornWriteBytes { get; set; }

        /// <summary>True once the power cut happened.</summary>
        public bool IsPowerOff { get { return _powerOff; } }

        /// <summary>The same flash after a reset: files as the cut left them, counters and knobs cleared.</summary>
        public MemoryFlashFiles Reboot()
        {
            Hashtable copy = new Hashtable();
            foreach (string name in _files.Keys)
            {
                Content c = (Content)_files[name];
                copy[name] = new Content(c.ToArray());
            }
            return new MemoryFlashFiles(copy);
        }

        /// <summary>File names, ordinal order (test helper, not counted).</summary>
        public string[] FileNames
        {
            get
            {
                string[] names = new string[_files.Count];
                _files.Keys.CopyTo(names, 0);
                // Small lists: insertion sort keeps the fake free of Array.Sort.
                for (int i = 1; i < names.Length; i++)
                {
                    string item = names[i];
                    int j = i - 1;
                    while (j >= 0 && string.Compare(names[j], item) > 0)
                    {
                        names[j + 1] = names[j];
                        j--;
                    }
                    names[j + 1] = item;
                }
                return names;
            }
        }

        /// <summary>Sum of all file lengths (test helper, not counted).</summary>
        public long TotalBytesStored
        {
            get
            {
                long total = 0;
                foreach (string name in _files.Keys)
                {
                    total += ((Content)_files[name]).Length;
                }
                return total;
            }
        }

        /// <summary>A copy of a file's bytes, null when absent (test helper, not counted).</summary>
        public byte[] GetFileBytes(string name)
        {
            Content c = (Content)_files[name];
            return c == null ? null : c.ToArray();
        }

        /// <summary>Replaces a file's bytes, e.g. to corrupt it (test helper, not counted).</summary>
        public void SetFileBytes(string name, byte[] bytes)
        {
            _files[name] = new Content(bytes);
        }

        /// <inheritdoc />
        public Stream OpenRead(string name)
        {
            bool cut = Tick();
            Content c = (Content)_files[name];
            Stream result = c == null ? null : new MemoryStream(c.ToArray());
            EndTick(cut);
            return result;
        }

        /// <inheritdoc />
        public Stream Create(string name)
        {
            bool cut = Tick();
            CreateCount++;
            Content c = new Content(new byte[0]);
            _files[name] = c;
            EndTick(cut);
            return new WriteStream(this, c);
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            bool cut = Tick();
            bool result = _files.Contains(name);
            EndTick(cut);
            return result;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            bool cut = Tick();
            DeleteCount++;
            _files.Remove(name);
            EndTick(cut);
        }

        /// <inheritdoc />
        public void Rename(string from, string to)
        {
            bool cut = Tick();
            RenameCount++;
            Content c = (Content)_files[from];
            if (c == null)
            {
                throw new IOException("rename: source missing");
            }
            if (_files.Contains(to))
            {
                throw new IOException("rename: target exists");
            }
            _files.Remove(from);
            _files[to] = c;
            EndTick(cut);
        }

        /// <inheritdoc />
        public string[] List()
        {
            bool cut = Tick();
            string[] names = new string[_files.Count];
            _files.Keys.CopyTo(names, 0);
            EndTick(cut);
            return names;
        }

        /// <summary>Counts one operation; throws when power is off or this one is set to fail; true when power dies after it.</summary>
        private bool Tick()
        {
            if (_powerOff)
            {
                throw new IOException("power is off");
            }
            OperationCount++;
            if (OperationCount == FailAtOperation)
            {
                throw new IOException("injected failure at operation " + OperationCount.ToString());
            }
            return OperationCount == PowerCutAfterOperations;
        }

        private void EndTick(bool cut)
        {
            if (cut)
            {
                _powerOff = true;
            }
        }

        private void Write(Content content, byte[] buffer, int offset, int count)
        {
            bool cut = Tick();
            WriteCalls++;
            int landed = cut && TornWriteBytes >= 0 && TornWriteBytes < count ? TornWriteBytes : count;
            content.Append(buffer, offset, landed);
            BytesWritten += landed;
            EndTick(cut);
        }

        private void Close()
        {
            EndTick(Tick());
        }

        private sealed class Content
        {
            private byte[] _bytes;

            internal Content(byte[] bytes)
            {
                _bytes = bytes;
                Length = bytes.Length;
            }

            internal int Length { get; private set; }

            internal void Append(byte[] buffer, int offset, int count)
            {
                if (Length + count > _bytes.Length)
                {
                    int size = _bytes.Length * 2 < Length + count ? Length + count : _bytes.Length * 2;
                    byte[] grown = new byte[size];
                    Array.Copy(_bytes, grown, Length);
                    _bytes = grown;
                }
                Array.Copy(buffer, offset, _bytes, Length, count);
                Length += count;
            }

            internal byte[] ToArray()
            {
                byte[] copy = new byte[Length];
                Array.Copy(_bytes, copy, Length);
                return copy;
            }
        }

        /// <summary>The stream Create returns: forwards writes to the file as they happen; Close counts once.</summary>
        private sealed class WriteStream : MemoryStream
        {
            private readonly MemoryFlashFiles _owner;
            private readonly Content _content;
            private bool _closed;

            internal WriteStream(MemoryFlashFiles owner, Content content)
            {
                _owner = owner;
                _content = content;
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (_closed)
                {
                    throw new IOException("stream closed");
                }
                _owner.Write(_content, buffer, offset, count);
            }

            public override void WriteByte(byte value)
            {
                Write(new byte[] { value }, 0, 1);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing && !_closed)
                {
                    _closed = true;
                    _owner.Close();
                }
                base.Dispose(disposing);
            }
        }
    }
}

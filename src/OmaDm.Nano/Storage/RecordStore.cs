using System;
using System.Collections;
using System.Text;

namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// Everything that must survive a reset goes through here: a key/value store on flash whose
    /// <see cref="Commit"/> is atomic under power loss at any write. Keys are strings, values byte arrays.
    /// </summary>
    /// <remarks>
    /// Log-structured: each commit writes one new segment file holding only the changed records; Load
    /// takes the newest snapshot and replays newer segments; compaction folds everything into a new
    /// snapshot (written under a temporary name, then renamed, which is the atomic step). Layout and
    /// crash analysis: docs/storage.md. The whole live state is also held in RAM (bounded by
    /// <see cref="MaxLiveBytes"/>). Not thread-safe: one owner thread.
    /// </remarks>
    public sealed partial class RecordStore
    {
        /// <summary>Longest key, in UTF-8 bytes: ClientURI-based keys plus prefix stay well below; bounds RAM per key.</summary>
        public const int MaxKeyBytes = 256;

        /// <summary>Largest value, in bytes: leaf values and queued alerts; bulk data goes to the firmware slot, never here.</summary>
        public const int MaxValueBytes = 4096;

        /// <summary>Default bound on live data (keys + values + 12 bytes per record): during a compaction the old snapshot, its replacement and up to 16 segments (each at least one 4 KB LittleFS block) coexist, which must fit the 256 KB I:\ partition.</summary>
        public const int DefaultMaxLiveBytes = 48 * 1024;

        /// <summary>Compact once this many segments exist: each is a file to open at boot and a LittleFS metadata entry.</summary>
        public const int CompactAfterSegmentFiles = 16;

        /// <summary>Compact once segments hold this many bytes: bounds boot replay time and flash spent on superseded records.</summary>
        public const int CompactAfterSegmentBytes = 32 * 1024;

        private static readonly object Removed = new object();

        private readonly IFlashFiles _files;
        private readonly int _maxLiveBytes;
        private readonly Hashtable _committed = new Hashtable(); // string -> byte[]
        private readonly Hashtable _staged = new Hashtable();    // string -> byte[] or Removed
        private readonly ArrayList _liveFileNames = new ArrayList(); // string: base snapshot and segments in use
        private bool _loaded;
        private int _nextSequence;
        private int _segmentCount;
        private int _segmentBytes;
        private int _liveBytes;

        /// <summary>A store over <paramref name="files"/> with <see cref="DefaultMaxLiveBytes"/>; call <see cref="Load"/> before use.</summary>
        public RecordStore(IFlashFiles files) : this(files, DefaultMaxLiveBytes)
        {
        }

        /// <summary>A store over <paramref name="files"/> holding at most <paramref name="maxLiveBytes"/> of live data (keys + values + 12 bytes per record).</summary>
        public RecordStore(IFlashFiles files, int maxLiveBytes)
        {
            if (files == null)
            {
                throw new ArgumentNullException("files");
            }
            if (maxLiveBytes < MaxKeyBytes + MaxValueBytes + RecordFormat.RecordOverheadBytes)
            {
                throw new ArgumentException("must hold at least one largest record", "maxLiveBytes");
            }
            _files = files;
            _maxLiveBytes = maxLiveBytes;
            LastLoadReport = new StoreLoadReport();
        }

        /// <summary>Bound on live data in bytes (keys + values + 12 bytes per record); a commit past it returns <see cref="StoreResult.StoreFull"/>.</summary>
        public int MaxLiveBytes { get { return _maxLiveBytes; } }

        /// <summary>Live committed data in bytes, counted as for <see cref="MaxLiveBytes"/>.</summary>
        public int LiveBytes { get { return _liveBytes; } }

        /// <summary>Segments written since the last snapshot (compaction runs past <see cref="CompactAfterSegmentFiles"/>).</summary>
        public int SegmentCount { get { return _segmentCount; } }

        /// <summary>True once <see cref="Load"/> succeeded; until then Commit and Compact return <see cref="StoreResult.NotLoaded"/>.</summary>
        public bool IsLoaded { get { return _loaded; } }

        /// <summary>True when Put or Remove was called since the last successful Commit (or Load/Rollback).</summary>
        public bool HasPendingChanges { get { return _staged.Count > 0; } }

        /// <summary>What the last <see cref="Load"/> found and skipped.</summary>
        public StoreLoadReport LastLoadReport { get; private set; }

        /// <summary>Outcome of the last compaction (run by Commit or Load when bounds are passed, or by <see cref="Compact"/>).</summary>
        public StoreResult LastCompactionResult { get; private set; }

        /// <summary>The staged value if any, else the committed one; null when absent. Returns a copy.</summary>
        public byte[] Get(string key)
        {
            if (key == null)
            {
                return null;
            }
            object value = _staged[key];
            if (value == null)
            {
                value = _committed[key];
            }
            if (value == null || value == Removed)
            {
                return null;
            }
            return Copy((byte[])value);
        }

        /// <summary>True when <see cref="Get"/> would return a value; does not copy.</summary>
        public bool Contains(string key)
        {
            if (key == null)
            {
                return false;
            }
            object value = _staged[key];
            if (value == null)
            {
                value = _committed[key];
            }
            return value != null && value != Removed;
        }

        /// <summary>Keys (committed and staged, minus staged removes) starting with <paramref name="prefix"/> (all keys for null or ""), in ordinal order.</summary>
        public string[] Keys(string prefix)
        {
            if (prefix == null)
            {
                prefix = string.Empty;
            }
            ArrayList found = new ArrayList();
            foreach (string key in _committed.Keys)
            {
                if (StoreText.StartsWithOrdinal(key, prefix) && _staged[key] != Removed)
                {
                    found.Add(key);
                }
            }
            foreach (string key in _staged.Keys)
            {
                if (StoreText.StartsWithOrdinal(key, prefix) && _staged[key] != Removed && !_committed.Contains(key))
                {
                    found.Add(key);
                }
            }
            string[] keys = new string[found.Count];
            found.CopyTo(keys, 0);
            StoreText.SortOrdinal(keys);
            return keys;
        }

        /// <summary>
        /// Stages a value (copied) until <see cref="Commit"/>. Throws <see cref="ArgumentException"/> for a
        /// null or empty key, a key over <see cref="MaxKeyBytes"/>, a null value (use Remove) or one over
        /// <see cref="MaxValueBytes"/>: these are caller bugs, the caller bounds network input first.
        /// </summary>
        public void Put(string key, byte[] value)
        {
            CheckKey(key);
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }
            if (value.Length > MaxValueBytes)
            {
                throw new ArgumentException("value longer than MaxValueBytes", "value");
            }
            _staged[key] = Copy(value);
        }

        /// <summary>Stages the removal of a key until <see cref="Commit"/>; removing an absent key writes nothing.</summary>
        public void Remove(string key)
        {
            CheckKey(key);
            _staged[key] = Removed;
        }

        /// <summary>Drops every staged change; the committed state is untouched.</summary>
        public void Rollback()
        {
            _staged.Clear();
        }

        private static void CheckKey(string key)
        {
            if (key == null || key.Length == 0)
            {
                throw new ArgumentException("key must be a non-empty string", "key");
            }
            if (Encoding.UTF8.GetBytes(key).Length > MaxKeyBytes) // exact: this bound is what Load enforces
            {
                throw new ArgumentException("key longer than MaxKeyBytes in UTF-8", "key");
            }
        }

        private static byte[] Copy(byte[] value)
        {
            byte[] copy = new byte[value.Length];
            Array.Copy(value, copy, value.Length);
            return copy;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static int RecordBytes(string key, byte[] value)
        {
            return StoreText.Utf8Length(key) + value.Length + RecordFormat.RecordOverheadBytes;
        }
    }
}

using System.Collections;
using System.IO;
using System.Text;

namespace OmaDm.Nano.Storage
{
    public sealed partial class RecordStore
    {
        /// <summary>
        /// Makes every staged change durable at once by writing one segment file with only the records
        /// that differ from the committed state (a put of an unchanged value or a remove of an absent key
        /// writes nothing; no change writes no file). The segment's Close is the commit point: a power
        /// cut before it leaves the old state, after it the new one. Compacts afterwards when the bounds
        /// are passed (see <see cref="LastCompactionResult"/>; a failed compaction does not undo the commit).
        /// </summary>
        /// <returns><see cref="StoreResult.Success"/>; <see cref="StoreResult.NotLoaded"/>, <see cref="StoreResult.StoreFull"/>
        /// or <see cref="StoreResult.WriteFailed"/> with the changes still staged and the committed state unchanged.</returns>
        public StoreResult Commit()
        {
            if (!_loaded)
            {
                return StoreResult.NotLoaded;
            }
            ArrayList keys = new ArrayList();   // string
            ArrayList values = new ArrayList(); // byte[], null = remove
            int liveBytes = _liveBytes;
            string[] stagedKeys = new string[_staged.Count];
            _staged.Keys.CopyTo(stagedKeys, 0);
            StoreText.SortOrdinal(stagedKeys); // same changes, same bytes: reproducible files and op counts
            foreach (string key in stagedKeys)
            {
                object staged = _staged[key];
                byte[] committed = (byte[])_committed[key];
                if (staged == Removed)
                {
                    if (committed != null)
                    {
                        keys.Add(key);
                        values.Add(null);
                        liveBytes -= RecordBytes(key, committed);
                    }
                }
                else if (committed == null || !SameBytes(committed, (byte[])staged))
                {
                    keys.Add(key);
                    values.Add(staged);
                    liveBytes += RecordBytes(key, (byte[])staged) - (committed == null ? 0 : RecordBytes(key, committed));
                }
            }
            if (keys.Count == 0)
            {
                _staged.Clear();
                return StoreResult.Success;
            }
            if (liveBytes > _maxLiveBytes && liveBytes > _liveBytes)
            {
                // A commit that shrinks the data is always allowed, so a store loaded over its bound can recover.
                return StoreResult.StoreFull;
            }

            int sequence = _nextSequence++;
            string name = RecordFormat.SegmentName(sequence);
            int written;
            if (!TryWriteFile(name, RecordFormat.KindSegment, sequence, keys, values, out written))
            {
                return StoreResult.WriteFailed;
            }

            for (int i = 0; i < keys.Count; i++)
            {
                if (values[i] == null)
                {
                    _committed.Remove(keys[i]);
                }
                else
                {
                    _committed[keys[i]] = values[i];
                }
            }
            _staged.Clear();
            _liveBytes = liveBytes;
            _liveFileNames.Add(name);
            _segmentCount++;
            _segmentBytes += written;
            if (NeedsCompaction())
            {
                Compact();
            }
            return StoreResult.Success;
        }

        /// <summary>
        /// Folds the committed state into one new snapshot: written under a temporary name, closed, renamed
        /// (the atomic step), then the superseded files are deleted. A power cut at any point leaves a
        /// folder that loads to the same state. Staged changes are not included and stay staged.
        /// </summary>
        /// <returns><see cref="StoreResult.Success"/>, <see cref="StoreResult.NotLoaded"/> or <see cref="StoreResult.WriteFailed"/>
        /// (the old files still hold the state; a later commit or load retries).</returns>
        public StoreResult Compact()
        {
            if (!_loaded)
            {
                return StoreResult.NotLoaded;
            }
            string[] sorted = new string[_committed.Count];
            _committed.Keys.CopyTo(sorted, 0);
            StoreText.SortOrdinal(sorted);
            ArrayList keys = new ArrayList();
            ArrayList values = new ArrayList();
            for (int i = 0; i < sorted.Length; i++)
            {
                keys.Add(sorted[i]);
                values.Add(_committed[sorted[i]]);
            }

            int sequence = _nextSequence++;
            string temp = RecordFormat.SnapshotTempName(sequence);
            int written;
            if (!TryWriteFile(temp, RecordFormat.KindSnapshot, sequence, keys, values, out written))
            {
                LastCompactionResult = StoreResult.WriteFailed;
                return StoreResult.WriteFailed;
            }
            string final = RecordFormat.SnapshotName(sequence);
            try
            {
                _files.Rename(temp, final);
            }
            catch (IOException)
            {
                DeleteQuietly(temp, null);
                LastCompactionResult = StoreResult.WriteFailed;
                return StoreResult.WriteFailed;
            }

            // From here the snapshot is the base; leftovers below its sequence are cleaned at the next Load.
            for (int i = 0; i < _liveFileNames.Count; i++)
            {
                DeleteQuietly((string)_liveFileNames[i], null);
            }
            _liveFileNames.Clear();
            _liveFileNames.Add(final);
            _segmentCount = 0;
            _segmentBytes = 0;
            LastCompactionResult = StoreResult.Success;
            return StoreResult.Success;
        }

        private bool NeedsCompaction()
        {
            return _segmentCount >= CompactAfterSegmentFiles || _segmentBytes >= CompactAfterSegmentBytes;
        }

        /// <summary>Writes one complete file; on an IOException removes what it can and returns false.</summary>
        private bool TryWriteFile(string name, byte kind, int sequence, ArrayList keys, ArrayList values, out int written)
        {
            written = 0;
            Stream stream = null;
            try
            {
                stream = _files.Create(name);
                RecordWriter writer = new RecordWriter(stream);
                writer.WriteHeader(kind, sequence, keys.Count);
                for (int i = 0; i < keys.Count; i++)
                {
                    byte[] value = (byte[])values[i];
                    writer.WriteRecord(value == null ? RecordFormat.OpRemove : RecordFormat.OpPut, Encoding.UTF8.GetBytes((string)keys[i]), value);
                }
                writer.Finish();
                Stream closing = stream;
                stream = null;
                closing.Close(); // the commit point
                written = writer.BytesWritten;
                return true;
            }
            catch (IOException)
            {
                if (stream != null)
                {
                    try
                    {
                        stream.Dispose();
                    }
                    catch (IOException)
                    {
                        // The delete below is what matters.
                    }
                }
                // If Close itself failed the file may still be complete; a later load would then see this
                // commit. The caller keeps the changes staged, so retrying writes the same values again.
                DeleteQuietly(name, null);
                return false;
            }
        }
    }
}

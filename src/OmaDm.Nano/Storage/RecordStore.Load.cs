using System.IO;

namespace OmaDm.Nano.Storage
{
    public sealed partial class RecordStore
    {
        /// <summary>
        /// Reads the committed state: the newest valid snapshot, then every newer committed segment in
        /// order. A torn segment (power cut before its Close) is discarded and deleted; corrupt or
        /// unknown-version data is skipped and counted in <see cref="LastLoadReport"/>; superseded files
        /// are deleted. Drops staged changes. Runs a compaction when the bounds are already passed.
        /// </summary>
        /// <returns><see cref="StoreResult.Success"/>, or <see cref="StoreResult.ReadFailed"/> when the folder or
        /// a file could not be read (the store then stays unloaded and writes nothing).</returns>
        public StoreResult Load()
        {
            _loaded = false;
            _committed.Clear();
            _staged.Clear();
            _liveFileNames.Clear();
            _segmentCount = 0;
            _segmentBytes = 0;
            _liveBytes = 0;
            StoreLoadReport report = new StoreLoadReport();
            LastLoadReport = report;

            string[] names;
            try
            {
                names = _files.List();
            }
            catch (IOException)
            {
                return StoreResult.ReadFailed;
            }
            if (names == null)
            {
                names = new string[0];
            }

            int[] snapshots = new int[names.Length];
            int[] segments = new int[names.Length];
            int snapshotCount = 0;
            int segmentCount = 0;
            int maxSequence = 0;
            for (int i = 0; i < names.Length; i++)
            {
                int kind;
                int sequence;
                if (!RecordFormat.TryParseName(names[i], out kind, out sequence))
                {
                    continue;
                }
                if (sequence > maxSequence)
                {
                    maxSequence = sequence;
                }
                if (kind == RecordFormat.NameSnapshot)
                {
                    snapshots[snapshotCount++] = sequence;
                }
                else if (kind == RecordFormat.NameSegment)
                {
                    segments[segmentCount++] = sequence;
                }
                else
                {
                    // A compaction cut before its rename: the segments it folded are all still there.
                    DeleteQuietly(names[i], report);
                }
            }
            if (maxSequence == int.MaxValue)
            {
                // No fresh name is left; refuse rather than overwrite a file (2^31 commits: not reached in practice).
                return StoreResult.ReadFailed;
            }
            StoreText.SortAscending(snapshots, snapshotCount);
            StoreText.SortAscending(segments, segmentCount);

            int baseSequence = 0;
            for (int i = snapshotCount - 1; i >= 0 && baseSequence == 0; i--)
            {
                ParsedFile file;
                if (!TryReadFile(RecordFormat.SnapshotName(snapshots[i]), RecordFormat.KindSnapshot, snapshots[i], out file))
                {
                    return StoreResult.ReadFailed;
                }
                if (file == null)
                {
                    continue;
                }
                if (file.Outcome == ParsedFile.Complete)
                {
                    baseSequence = snapshots[i];
                    Apply(file, report);
                    _liveFileNames.Add(RecordFormat.SnapshotName(baseSequence));
                }
                else
                {
                    // Snapshots get their name only after Close, so this is damage, not a power cut.
                    CountSkipped(file, report);
                }
            }
            report.SnapshotSequence = baseSequence;
            for (int i = 0; i < snapshotCount; i++)
            {
                if (snapshots[i] < baseSequence)
                {
                    DeleteQuietly(RecordFormat.SnapshotName(snapshots[i]), report);
                }
            }

            for (int i = 0; i < segmentCount; i++)
            {
                string name = RecordFormat.SegmentName(segments[i]);
                if (segments[i] <= baseSequence)
                {
                    DeleteQuietly(name, report); // folded into the snapshot by a compaction cut before its cleanup
                    continue;
                }
                ParsedFile file;
                if (!TryReadFile(name, RecordFormat.KindSegment, segments[i], out file))
                {
                    return StoreResult.ReadFailed;
                }
                if (file == null)
                {
                    continue;
                }
                if (file.Outcome == ParsedFile.Complete)
                {
                    Apply(file, report);
                    report.SegmentsReplayed++;
                    _liveFileNames.Add(name);
                    _segmentCount++;
                    _segmentBytes += file.BytesRead;
                }
                else if (file.Outcome == ParsedFile.Torn)
                {
                    report.TornSegmentsDiscarded++;
                    DeleteQuietly(name, report);
                }
                else
                {
                    CountSkipped(file, report);
                    _liveFileNames.Add(name); // kept until a compaction supersedes it
                    _segmentCount++;
                }
            }

            foreach (string key in _committed.Keys)
            {
                _liveBytes += RecordBytes(key, (byte[])_committed[key]);
            }
            report.KeysLoaded = _committed.Count;
            _nextSequence = maxSequence + 1;
            _loaded = true;
            LastCompactionResult = StoreResult.Success;
            if (NeedsCompaction())
            {
                report.CompactionResult = Compact();
            }
            return StoreResult.Success;
        }

        /// <summary>Reads one file; false on an IOException; <paramref name="file"/> is null when it vanished.</summary>
        private bool TryReadFile(string name, byte kind, int sequence, out ParsedFile file)
        {
            file = null;
            Stream stream = null;
            try
            {
                stream = _files.OpenRead(name);
                if (stream == null)
                {
                    return true;
                }
                file = ParsedFile.Read(stream, kind, sequence);
                stream.Close();
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
                        // Already failing; the ReadFailed result says it.
                    }
                }
                return false;
            }
        }

        private void Apply(ParsedFile file, StoreLoadReport report)
        {
            for (int i = 0; i < file.Keys.Count; i++)
            {
                string key = (string)file.Keys[i];
                object value = file.Values[i];
                if (value == null)
                {
                    _committed.Remove(key);
                }
                else
                {
                    _committed[key] = value;
                }
            }
            report.CorruptRecordsSkipped += file.CorruptRecords;
            report.UnknownVersionRecordsSkipped += file.UnknownVersionRecords;
            if (file.BodyCrcMismatch)
            {
                report.BatchCrcMismatches++;
            }
        }

        private static void CountSkipped(ParsedFile file, StoreLoadReport report)
        {
            if (file.Outcome == ParsedFile.UnknownVersion)
            {
                report.UnknownVersionFilesSkipped++;
            }
            else
            {
                report.CorruptFilesSkipped++;
            }
        }

        private void DeleteQuietly(string name, StoreLoadReport report)
        {
            try
            {
                _files.Delete(name);
                if (report != null)
                {
                    report.StaleFilesDeleted++;
                }
            }
            catch (IOException)
            {
                if (report != null)
                {
                    report.DeleteFailures++;
                }
            }
        }
    }
}

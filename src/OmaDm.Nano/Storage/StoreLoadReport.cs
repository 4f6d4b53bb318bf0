namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// What <see cref="RecordStore.Load"/> found on flash. Everything here was survived, not fatal:
    /// the store loaded the best committed state it could prove.
    /// </summary>
    public sealed class StoreLoadReport
    {
        /// <summary>Sequence of the snapshot the state was built on; 0 when there was none (first boot or only segments).</summary>
        public int SnapshotSequence { get; internal set; }

        /// <summary>Segments (one per past commit) replayed on top of the snapshot.</summary>
        public int SegmentsReplayed { get; internal set; }

        /// <summary>Keys present after loading.</summary>
        public int KeysLoaded { get; internal set; }

        /// <summary>Segments that ended early (a commit cut by power loss before its Close): discarded and deleted.</summary>
        public int TornSegmentsDiscarded { get; internal set; }

        /// <summary>Files whose header, length framing or trailer is damaged: skipped as a whole.</summary>
        public int CorruptFilesSkipped { get; internal set; }

        /// <summary>Files written by another format version: skipped, left in place until compaction supersedes them.</summary>
        public int UnknownVersionFilesSkipped { get; internal set; }

        /// <summary>Records whose CRC-32 or contents did not check out, inside otherwise committed files: skipped.</summary>
        public int CorruptRecordsSkipped { get; internal set; }

        /// <summary>Records of an unknown record version: skipped.</summary>
        public int UnknownVersionRecordsSkipped { get; internal set; }

        /// <summary>Committed files whose batch CRC did not match (their records were still checked one by one).</summary>
        public int BatchCrcMismatches { get; internal set; }

        /// <summary>Superseded or unfinished files removed (old snapshots and segments, compaction leftovers, torn segments).</summary>
        public int StaleFilesDeleted { get; internal set; }

        /// <summary>Deletes that failed; the files are ignored and retried at the next Load.</summary>
        public int DeleteFailures { get; internal set; }

        /// <summary>Outcome of the compaction Load ran because the bounds were exceeded; Success when none was needed.</summary>
        public StoreResult CompactionResult { get; internal set; }

        /// <summary>True when nothing was skipped: no corrupt, unknown or torn data was met.</summary>
        public bool IsClean
        {
            get
            {
                return TornSegmentsDiscarded == 0 && CorruptFilesSkipped == 0 && UnknownVersionFilesSkipped == 0
                    && CorruptRecordsSkipped == 0 && UnknownVersionRecordsSkipped == 0 && BatchCrcMismatches == 0;
            }
        }
    }
}

using OmaDm.Nano.Protocol;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Generic Alerts waiting for the next session, oldest first, kept in the record store
    /// (<c>alert/&lt;seq&gt;</c>) so they survive a reset. A session takes a batch for Package#1 and
    /// removes it (and commits) only after the server accepted that package (docs/PROTOCOL.md §6).
    /// </summary>
    /// <remarks>Not thread-safe: enqueue from the session thread or between sessions.</remarks>
    public sealed class AlertQueue
    {
        /// <summary>Key prefix of queued alerts in the record store.</summary>
        public const string KeyPrefix = "alert/";

        /// <summary>Most alerts kept: a device that cannot reach its server for long must not fill its flash.</summary>
        public const int MaxQueued = 64;

        private const int SequenceDigits = 10;

        private readonly RecordStore _store;
        private readonly string[] _batchKeys = new string[SessionLimits.MaxAlertsPerPackage];
        private readonly GenericAlert[] _batch = new GenericAlert[SessionLimits.MaxAlertsPerPackage];
        private int _batchCount;
        private int _batchKeyCount;

        /// <summary>Creates a queue over the device's record store.</summary>
        /// <param name="store">Loaded record store.</param>
        public AlertQueue(RecordStore store)
        {
            _store = store;
        }

        /// <summary>Alerts queued (committed or staged).</summary>
        public int Count { get { return _store.Keys(KeyPrefix).Length; } }

        /// <summary>Alerts in the batch taken by <see cref="TakeBatch"/>.</summary>
        public int BatchCount { get { return _batchCount; } }

        /// <summary>Alert <paramref name="index"/> of the current batch.</summary>
        /// <param name="index">0-based, below <see cref="BatchCount"/>.</param>
        public GenericAlert BatchItem(int index)
        {
            return _batch[index];
        }

        /// <summary>
        /// Stages an alert without committing, so a caller can commit it atomically with its own
        /// state change (e.g. a FUMO state transition). Returns false when the queue is full or the
        /// alert has no type or is too large.
        /// </summary>
        /// <param name="alert">The alert; AlertType required.</param>
        public bool Stage(GenericAlert alert)
        {
            if (alert == null || alert.AlertType == null || alert.AlertType.Length == 0)
            {
                return false;
            }

            string[] keys = _store.Keys(KeyPrefix);
            if (keys.Length >= MaxQueued)
            {
                return false;
            }

            byte[] record = alert.ToRecord();
            if (record.Length > GenericAlert.MaxRecordBytes)
            {
                return false;
            }

            long next = 1;
            if (keys.Length > 0)
            {
                next = SequenceOf(keys[keys.Length - 1]) + 1;
            }

            _store.Put(KeyPrefix + Pad(next), record);
            return true;
        }

        /// <summary>Stages and commits an alert. Returns the commit result, or WriteFailed when it could not be staged.</summary>
        /// <param name="alert">The alert; AlertType required.</param>
        public StoreResult Enqueue(GenericAlert alert)
        {
            if (!Stage(alert))
            {
                return StoreResult.WriteFailed;
            }

            return _store.Commit();
        }

        /// <summary>Takes up to <paramref name="max"/> of the oldest alerts into the batch (nothing is removed yet).</summary>
        /// <param name="max">At most <see cref="SessionLimits.MaxAlertsPerPackage"/>.</param>
        /// <returns>Number of alerts in the batch.</returns>
        public int TakeBatch(int max)
        {
            if (max > _batch.Length)
            {
                max = _batch.Length;
            }

            _batchCount = 0;
            _batchKeyCount = 0;
            string[] keys = _store.Keys(KeyPrefix);
            for (int i = 0; i < keys.Length && _batchKeyCount < max; i++)
            {
                GenericAlert alert;
                _batchKeys[_batchKeyCount++] = keys[i];
                if (GenericAlert.TryParse(_store.Get(keys[i]), out alert))
                {
                    _batch[_batchCount++] = alert;
                }

                // an unreadable record is still in the batch keys, so it is removed with the batch
            }

            return _batchCount;
        }

        /// <summary>Stages the removal of the batch (the server accepted the package that carried it). The caller commits.</summary>
        public void RemoveBatch()
        {
            for (int i = 0; i < _batchKeyCount; i++)
            {
                _store.Remove(_batchKeys[i]);
                _batchKeys[i] = null;
            }

            for (int i = 0; i < _batchCount; i++)
            {
                _batch[i] = null;
            }

            _batchCount = 0;
            _batchKeyCount = 0;
        }

        /// <summary>Forgets the batch without removing anything (the package was not accepted).</summary>
        public void ReleaseBatch()
        {
            for (int i = 0; i < _batchKeyCount; i++)
            {
                _batchKeys[i] = null;
            }

            for (int i = 0; i < _batchCount; i++)
            {
                _batch[i] = null;
            }

            _batchCount = 0;
            _batchKeyCount = 0;
        }

        private static long SequenceOf(string key)
        {
            long value = 0;
            for (int i = KeyPrefix.Length; i < key.Length; i++)
            {
                char c = key[i];
                if (c < '0' || c > '9')
                {
                    return value;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }

        private static string Pad(long value)
        {
            string digits = value.ToString();
            return digits.Length >= SequenceDigits ? digits : new string('0', SequenceDigits - digits.Length) + digits;
        }
    }
}

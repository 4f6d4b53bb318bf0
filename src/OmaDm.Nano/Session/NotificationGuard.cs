using System.Text;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Decides whether a DM Notification may start a session: well formed, known server, right
    /// HMAC-SHA256 digest, fresh timestamp, never-seen id (docs/PROTOCOL.md §7). Seen ids are kept
    /// in the record store (bounded) so a replay after a reset is still refused.
    /// </summary>
    public sealed class NotificationGuard
    {
        /// <summary>How far TIMESTAMP may be from the device clock, in seconds: covers clock drift and a slow push path.</summary>
        public const int FreshnessSeconds = 300;

        /// <summary>Seen ids kept per server: enough to cover the freshness window at any sane notification rate.</summary>
        public const int MaxSeenIds = 32;

        /// <summary>Record-store prefix of seen ids: <c>noti/seen/&lt;SrvID&gt;/&lt;id&gt;</c>.</summary>
        public const string SeenPrefix = "noti/seen/";

        private readonly RecordStore _store;
        private readonly IClock _clock;

        /// <summary>Creates a guard.</summary>
        /// <param name="store">Loaded record store (seen ids).</param>
        /// <param name="clock">Wall clock for freshness; -1 seconds means unset and skips that check.</param>
        public NotificationGuard(RecordStore store, IClock clock)
        {
            _store = store;
            _clock = clock;
        }

        /// <summary>
        /// Checks a Package#0. On <see cref="NotificationResult.Accepted"/> the id is recorded and
        /// committed before the call returns.
        /// </summary>
        /// <param name="data">Package bytes.</param>
        /// <param name="offset">Start of the package.</param>
        /// <param name="count">Package length.</param>
        /// <param name="parsed">Refilled with the parsed notification.</param>
        /// <param name="accounts">The device's DM Accounts; the one whose ServerId matches SERVER-ID is used.</param>
        public NotificationResult Check(byte[] data, int offset, int count, DmNotification parsed, DmAccount[] accounts)
        {
            if (!NotificationParser.TryParse(data, offset, count, parsed))
            {
                return NotificationResult.Malformed;
            }

            DmAccount account = null;
            for (int i = 0; accounts != null && i < accounts.Length; i++)
            {
                if (accounts[i] != null && accounts[i].ServerId == parsed.ServerId)
                {
                    account = accounts[i];
                    break;
                }
            }

            if (account == null)
            {
                return NotificationResult.UnknownServer;
            }

            if (account.NotificationSecret == null || account.NotificationSecret.Length == 0
                || !DigestMatches(data, offset, count, parsed.DigestOffset, account.NotificationSecret))
            {
                return NotificationResult.BadDigest;
            }

            long now = _clock.UtcUnixSeconds;
            if (now >= 0)
            {
                long skew = now - parsed.Timestamp;
                if (skew > FreshnessSeconds || skew < -FreshnessSeconds)
                {
                    return NotificationResult.Stale;
                }
            }

            string prefix = SeenPrefix + parsed.ServerId + "/";
            string key = prefix + parsed.NotificationId.ToString();
            if (_store.Contains(key))
            {
                return NotificationResult.Replayed;
            }

            Remember(prefix, key, parsed.Timestamp);
            return _store.Commit() == StoreResult.Success ? NotificationResult.Accepted : NotificationResult.StorageFailed;
        }

        /// <summary>
        /// Computes the digest a server puts in SHA256-DIGEST: HMAC-SHA256 keyed by the UTF-8
        /// secret over the package with the 32 digest value bytes zeroed.
        /// </summary>
        /// <param name="data">Package bytes (not modified).</param>
        /// <param name="offset">Start of the package.</param>
        /// <param name="count">Package length.</param>
        /// <param name="digestOffset">Absolute offset of the digest value in <paramref name="data"/>.</param>
        /// <param name="secret">Notification secret of the account.</param>
        public static byte[] ComputeDigest(byte[] data, int offset, int count, int digestOffset, string secret)
        {
            byte[] copy = new byte[count];
            for (int i = 0; i < count; i++)
            {
                copy[i] = data[offset + i];
            }

            for (int i = 0; i < NotificationParser.DigestBytes; i++)
            {
                copy[digestOffset - offset + i] = 0;
            }

            return HmacSha256.Compute(Encoding.UTF8.GetBytes(secret), copy);
        }

        private static bool DigestMatches(byte[] data, int offset, int count, int digestOffset, string secret)
        {
            byte[] expected = ComputeDigest(data, offset, count, digestOffset, secret);
            int difference = 0;
            for (int i = 0; i < NotificationParser.DigestBytes; i++)
            {
                difference |= expected[i] ^ data[digestOffset + i]; // constant time: no early exit
            }

            return difference == 0;
        }

        private void Remember(string prefix, string key, long timestamp)
        {
            string[] seen = _store.Keys(prefix);
            int excess = seen.Length + 1 - MaxSeenIds;
            while (excess-- > 0)
            {
                int oldest = -1;
                long oldestTime = long.MaxValue;
                for (int i = 0; i < seen.Length; i++)
                {
                    if (seen[i] == null)
                    {
                        continue;
                    }

                    long time = ReadTime(_store.Get(seen[i]));
                    if (time < oldestTime)
                    {
                        oldestTime = time;
                        oldest = i;
                    }
                }

                if (oldest < 0)
                {
                    break;
                }

                _store.Remove(seen[oldest]);
                seen[oldest] = null;
            }

            byte[] value = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                value[i] = (byte)(timestamp >> (56 - (8 * i)));
            }

            _store.Put(key, value);
        }

        private static long ReadTime(byte[] value)
        {
            if (value == null || value.Length != 8)
            {
                return long.MinValue; // unreadable records go first
            }

            long time = 0;
            for (int i = 0; i < 8; i++)
            {
                time = (time << 8) | value[i];
            }

            return time;
        }
    }
}

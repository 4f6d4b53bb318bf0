namespace OmaDm.Nano.Session
{
    /// <summary>A parsed DM Notification (Package#0, docs/PROTOCOL.md §7). Filled by <see cref="NotificationParser"/>.</summary>
    public sealed class DmNotification
    {
        /// <summary>Most REQ-MOS options kept.</summary>
        public const int MaxRequestedMos = 8;

        private readonly string[] _requestedMos = new string[MaxRequestedMos];

        /// <summary>VER field of the header.</summary>
        public int Version { get; internal set; }

        /// <summary>SERVER-ID.</summary>
        public string ServerId { get; internal set; }

        /// <summary>PREFERRED-CON-TYPE, or -1 when absent.</summary>
        public int PreferredConnectionType { get; internal set; }

        /// <summary>NOTIFICATION-ID (non-zero).</summary>
        public long NotificationId { get; internal set; }

        /// <summary>TIMESTAMP, Unix seconds.</summary>
        public long Timestamp { get; internal set; }

        /// <summary>Offset of the 32 digest bytes inside the package.</summary>
        public int DigestOffset { get; internal set; }

        /// <summary>Number of REQ-MOS options.</summary>
        public int RequestedMosCount { get; internal set; }

        /// <summary>REQ-MOS option <paramref name="index"/>.</summary>
        /// <param name="index">0-based, below <see cref="RequestedMosCount"/>.</param>
        public string RequestedMos(int index)
        {
            return _requestedMos[index];
        }

        internal void AddRequestedMos(string moid)
        {
            _requestedMos[RequestedMosCount++] = moid;
        }

        internal void Clear()
        {
            Version = 0;
            ServerId = null;
            PreferredConnectionType = -1;
            NotificationId = 0;
            Timestamp = 0;
            DigestOffset = -1;
            for (int i = 0; i < RequestedMosCount; i++)
            {
                _requestedMos[i] = null;
            }

            RequestedMosCount = 0;
        }
    }
}

namespace OmaDm.Nano.Tree
{
    /// <summary>Bounds of the management tree. Every size that comes from the network is checked against one.</summary>
    public static class TreeLimits
    {
        /// <summary>Default largest leaf value, in bytes (raw bytes for bin): keeps one value well inside the ~110 KB heap.</summary>
        public const int DefaultMaxValueBytes = 1024;

        /// <summary>Largest leaf value any node may declare, in bytes: the record store's value limit.</summary>
        public const int MaxValueBytesLimit = 4096;

        /// <summary>Most nodes (interior and leaf) in one instance: bounds RAM per instance (~100 bytes per node).</summary>
        public const int MaxNodesPerInstance = 128;

        /// <summary>Default most instances of one MO type: bounds the MOS list and RAM.</summary>
        public const int DefaultMaxInstancesPerType = 8;

        /// <summary>Most registered MO types: bounds the MOS list in Package#1.</summary>
        public const int MaxTypes = 32;

        /// <summary>Deepest node below an instance root (segments): same as the ClientURI bound.</summary>
        public const int MaxDepth = Addressing.ClientUri.MaxPathSegments;

        /// <summary>Largest JSON body accepted by HGET into an interior node or a new instance, in bytes.</summary>
        public const int MaxJsonBodyBytes = 16 * 1024;

        /// <summary>
        /// JSON reader window for MO bodies, in bytes: the longest token accepted (a base64 bin value of the
        /// default 1024-byte limit is 1368 chars). Longer tokens answer 413; big values go through leaf HGET.
        /// </summary>
        public const int JsonWindowBytes = 2048;
    }
}

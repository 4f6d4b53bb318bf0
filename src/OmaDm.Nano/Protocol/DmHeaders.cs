namespace OmaDm.Nano.Protocol
{
    /// <summary>HTTP header names used on DM packages (docs/PROTOCOL.md §1).</summary>
    public static class DmHeaders
    {
        /// <summary>Carries DevInfo DevID on every package the client sends.</summary>
        public const string DevId = "OMADM-DevID";

        /// <summary>Package media type.</summary>
        public const string ContentType = "Content-Type";

        /// <summary>What the client accepts back (always the Package#2 type).</summary>
        public const string Accept = "Accept";

        /// <summary>HTTP Basic credentials from the DM Account.</summary>
        public const string Authorization = "Authorization";
    }
}

namespace OmaDm.Nano.Platform
{
    /// <summary>What the core asks of one HTTP exchange. Plain fields; the caller fills what applies.</summary>
    public sealed class HttpRequest
    {
        /// <summary>"GET", "POST" or "PUT".</summary>
        public string Method;

        /// <summary>Absolute http or https URL; the core has validated it before it gets here.</summary>
        public string Url;

        /// <summary>Content-Type of the request body, or null for no body.</summary>
        public string ContentType;

        /// <summary>Accept header, or null.</summary>
        public string Accept;

        /// <summary>Value of the OMADM-DevID header, or null to omit it.</summary>
        public string DevId;

        /// <summary>HTTP Basic user name, or null for no Authorization header.</summary>
        public string UserName;

        /// <summary>HTTP Basic password (used with <see cref="UserName"/>).</summary>
        public string Password;

        /// <summary>First byte wanted (sends "Range: bytes=N-"), or -1 for the whole resource.</summary>
        public long RangeStart = -1;

        /// <summary>ETag for If-Range (only with <see cref="RangeStart"/>), or null.</summary>
        public string IfRange;

        /// <summary>Timeout for connect and for each read, in milliseconds.</summary>
        public int TimeoutMs = DefaultTimeoutMs;

        /// <summary>
        /// True to skip server-certificate validation. Only set by the core when the URL is
        /// loopback or the app opted out explicitly (secure by default).
        /// </summary>
        public bool AllowInsecure;

        /// <summary>Default per-request timeout: long enough for a slow repository, short enough to retry.</summary>
        public const int DefaultTimeoutMs = 30000;
    }
}

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// One package download and everything needed to resume it after a drop or a reset. The FUMO
    /// object persists it at each checkpoint; the downloader fills what it learns.
    /// </summary>
    public sealed class DownloadJob
    {
        /// <summary>Package URL (http or https).</summary>
        public string Url;

        /// <summary>Size the server announced (Ext/ExpectedSize), or -1 when unknown.</summary>
        public long ExpectedSize = -1;

        /// <summary>SHA-256 the server announced (Ext/ExpectedSha256, 32 bytes), or null.</summary>
        public byte[] ExpectedSha256;

        /// <summary>Total image length from the first response, or -1 before it.</summary>
        public int TotalLength = -1;

        /// <summary>The image's first 32 bytes once stored (what a resume compares), or null.</summary>
        public byte[] Header;

        /// <summary>Validator from the first response, for If-Range; null when the server sent none.</summary>
        public string ETag;

        /// <summary>Bytes stored so far (the slot's offset). Live progress; not needed to resume.</summary>
        public int BytesStored;

        /// <summary>The app allows plain http to hosts other than loopback.</summary>
        public bool AllowPlainHttp;

        /// <summary>The app allows skipping TLS certificate validation (loopback always may).</summary>
        public bool AllowInsecureTls;

        /// <summary>Forgets what was learnt about the image (it changed on the server, or the slot was erased).</summary>
        public void ForgetImage()
        {
            TotalLength = -1;
            Header = null;
            ETag = null;
            BytesStored = 0;
        }
    }
}

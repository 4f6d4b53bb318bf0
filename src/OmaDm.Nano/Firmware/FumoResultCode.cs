namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// FUMO result codes (OMA FUMO 1.0, Result Codes table), sent as the Data of the result
    /// Generic Alert and kept in <c>Ext/LastResult</c>. Wire values: never change.
    /// </summary>
    public static class FumoResultCode
    {
        /// <summary>Successful.</summary>
        public const int Success = 200;

        /// <summary>Management client error (a bad command or state, an HTTP 4xx other than those below).</summary>
        public const int ClientError = 400;

        /// <summary>User cancelled.</summary>
        public const int UserCancelled = 401;

        /// <summary>Corrupted package: not an MCUboot image, bad TLVs, SHA-256 mismatch, wrong size.</summary>
        public const int CorruptedPackage = 402;

        /// <summary>Package does not match the device (the app's match check refused the image header).</summary>
        public const int DeviceMismatch = 403;

        /// <summary>Package validation failed: bad signature, or not the SHA-256 the server announced in Ext/ExpectedSha256.</summary>
        public const int ValidationFailed = 404;

        /// <summary>Package not acceptable (e.g. the server sent no length, so it cannot be staged).</summary>
        public const int NotAcceptable = 405;

        /// <summary>Download authentication failed (HTTP 401/403, TLS certificate refused).</summary>
        public const int AuthenticationFailed = 406;

        /// <summary>Download request timed out (the server stopped sending, every retry).</summary>
        public const int RequestTimeout = 407;

        /// <summary>Not implemented.</summary>
        public const int NotImplemented = 408;

        /// <summary>Undefined error (flash failure while staging).</summary>
        public const int UndefinedError = 409;

        /// <summary>Update failed: the new image did not boot, or failed its health check and was reverted.</summary>
        public const int UpdateFailed = 410;

        /// <summary>Malformed or bad URL (not http(s), plain http to a non-loopback host without opt-in, HTTP 404/410).</summary>
        public const int BadUrl = 411;

        /// <summary>Download server error (HTTP 5xx on every retry).</summary>
        public const int ServerError = 500;

        /// <summary>Download failed: the image is larger than the slot.</summary>
        public const int DownloadOutOfMemory = 501;

        /// <summary>Update failed: out of memory.</summary>
        public const int UpdateOutOfMemory = 502;

        /// <summary>Download failed: network (connection lost or refused on every retry).</summary>
        public const int NetworkFailed = 503;

        /// <summary>True for 200 and the vendor success range 250-299.</summary>
        /// <param name="code">A result code.</param>
        public static bool IsSuccess(int code)
        {
            return code == Success || (code >= 250 && code <= 299);
        }
    }
}

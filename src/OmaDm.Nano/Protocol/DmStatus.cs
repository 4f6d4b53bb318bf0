namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// DM 2.0 status codes carried in Package#3 "sc" (issue 3, docs/PROTOCOL.md §3.1).
    /// HTTP-like values; constants rather than an enum because handlers may return any code.
    /// </summary>
    public static class DmStatus
    {
        /// <summary>Command done.</summary>
        public const int Ok = 200;
        /// <summary>Asynchronous EXEC accepted; the result follows as a Generic Alert.</summary>
        public const int Accepted = 202;
        /// <summary>GET with ?cv= whose validator matched: no data.</summary>
        public const int NotModified = 304;
        /// <summary>Malformed command or argument.</summary>
        public const int BadRequest = 400;
        /// <summary>The server has no ACL entry on that MO instance.</summary>
        public const int Unauthorized = 401;
        /// <summary>The server's ACL entry lacks the right.</summary>
        public const int Forbidden = 403;
        /// <summary>No such node or instance.</summary>
        public const int NotFound = 404;
        /// <summary>Command not allowed on that node (e.g. deleting a permanent node).</summary>
        public const int NotAllowed = 405;
        /// <summary>Not acceptable: e.g. SHOW without a user-interaction handler.</summary>
        public const int NotAcceptable = 406;
        /// <summary>Too large (argument, body).</summary>
        public const int TooLarge = 413;
        /// <summary>Media type the target cannot take.</summary>
        public const int UnsupportedMediaType = 415;
        /// <summary>Device error.</summary>
        public const int DeviceError = 500;
        /// <summary>Unknown or unsupported command (also SUB/UNSUB, by decision).</summary>
        public const int NotImplemented = 501;

        /// <summary>True for 2xx and 304: the command had its intended effect.</summary>
        /// <param name="status">A status code.</param>
        public static bool IsSuccess(int status)
        {
            return (status >= 200 && status < 300) || status == NotModified;
        }
    }
}

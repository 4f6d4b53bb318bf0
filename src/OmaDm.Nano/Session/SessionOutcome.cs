using OmaDm.Nano.Json;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Session
{
    /// <summary>What one session did: result, counters and, for aborts, the detail to log.</summary>
    public sealed class SessionOutcome
    {
        /// <summary>How the session ended.</summary>
        public SessionResult Result { get; internal set; }

        /// <summary>HTTP status of the last DM exchange, or 0 when none arrived.</summary>
        public int HttpStatus { get; internal set; }

        /// <summary>Transport result of the failing exchange (meaningful with <see cref="SessionResult.TransportFailed"/>).</summary>
        public TransportResult Transport { get; internal set; }

        /// <summary>Package#2s read.</summary>
        public int Packages { get; internal set; }

        /// <summary>Commands run (all packages).</summary>
        public int Commands { get; internal set; }

        /// <summary>Tokenizer error of a malformed Package#2.</summary>
        public JsonError JsonError { get; internal set; }

        /// <summary>Byte offset of the problem in a malformed Package#2, or -1.</summary>
        public long ErrorOffset { get; internal set; } = -1;

        /// <summary>Generic Alerts the server accepted in Package#1 (removed from the queue).</summary>
        public int AlertsDelivered { get; internal set; }

        /// <summary>URI the last package went to (SrvURI or the last CONT).</summary>
        public string LastUri { get; internal set; }

        /// <summary>A one-line description for logs and the CLI's stderr.</summary>
        public string Describe()
        {
            switch (Result)
            {
                case SessionResult.Completed: return "completed: " + Packages.ToString() + " package(s), " + Commands.ToString() + " command(s)";
                case SessionResult.HttpError: return "aborted: server answered HTTP " + HttpStatus.ToString();
                case SessionResult.TransportFailed: return "aborted: transport failed (" + TransportName(Transport) + ")";
                case SessionResult.MalformedPackage: return "aborted: malformed Package#2 at byte " + ErrorOffset.ToString() + " (JSON error " + ((int)JsonError).ToString() + ")";
                case SessionResult.BadMediaType: return "aborted: Package#2 has a wrong Content-Type";
                case SessionResult.PackageTooLarge: return "aborted: Package#2 larger than " + SessionLimits.MaxPackage2Bytes.ToString() + " bytes";
                case SessionResult.TooManyCommands: return "aborted: more than " + SessionLimits.MaxCommandsPerPackage.ToString() + " commands in a package";
                case SessionResult.TooManyPackages: return "aborted: more than " + SessionLimits.MaxPackagesPerSession.ToString() + " packages";
                case SessionResult.Timeout: return "aborted: session took longer than " + SessionLimits.MaxSessionMs.ToString() + " ms";
                case SessionResult.NotConfigured: return "not started: no usable DM account (server URI missing or insecure)";
                case SessionResult.StorageFailed: return "aborted: record store commit failed";
                case SessionResult.InternalError: return "aborted: internal error in the client";
                default: return "result " + ((int)Result).ToString();
            }
        }

        private static string TransportName(TransportResult result)
        {
            switch (result)
            {
                case TransportResult.ConnectFailed: return "connect failed";
                case TransportResult.Timeout: return "timeout";
                case TransportResult.TlsFailed: return "TLS failed";
                case TransportResult.RequestTooLarge: return "request too large";
                case TransportResult.ConnectionLost: return "connection lost";
                case TransportResult.BadRequest: return "bad request";
                default: return ((int)result).ToString();
            }
        }
    }
}

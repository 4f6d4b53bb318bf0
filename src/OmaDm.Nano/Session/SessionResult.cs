namespace OmaDm.Nano.Session
{
    /// <summary>How a DM session ended. Logged and shown by the CLI: never renumber.</summary>
    public enum SessionResult
    {
        /// <summary>The server sent END; everything was committed.</summary>
        Completed = 0,
        /// <summary>The server answered a package with an HTTP status other than 200 (see <see cref="SessionOutcome.HttpStatus"/>).</summary>
        HttpError = 1,
        /// <summary>No response: connect, TLS, timeout or connection lost (see <see cref="SessionOutcome.Transport"/>).</summary>
        TransportFailed = 2,
        /// <summary>Package#2 was not valid JSON or not a Package#2 object.</summary>
        MalformedPackage = 3,
        /// <summary>Package#2 came with another Content-Type.</summary>
        BadMediaType = 4,
        /// <summary>Package#2 over <see cref="SessionLimits.MaxPackage2Bytes"/>.</summary>
        PackageTooLarge = 5,
        /// <summary>Package#2 over <see cref="SessionLimits.MaxCommandsPerPackage"/>.</summary>
        TooManyCommands = 6,
        /// <summary>More than <see cref="SessionLimits.MaxPackagesPerSession"/> packages.</summary>
        TooManyPackages = 7,
        /// <summary>Session over <see cref="SessionLimits.MaxSessionMs"/>.</summary>
        Timeout = 8,
        /// <summary>No usable DM Account (missing SrvURI, or plain http to a non-loopback host without opt-in).</summary>
        NotConfigured = 9,
        /// <summary>The record store could not commit.</summary>
        StorageFailed = 10,
        /// <summary>An unexpected error inside the client; committed state is kept.</summary>
        InternalError = 11
    }
}

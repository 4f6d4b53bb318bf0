namespace OmaDm.Nano.Protocol
{
    /// <summary>What <see cref="Package2Reader.ReadNext"/> found. Logged by number: never renumber.</summary>
    public enum Package2ReadResult
    {
        /// <summary>The command object holds the next command (check its SyntaxStatus).</summary>
        Command = 0,
        /// <summary>The package is complete and well formed; no more commands.</summary>
        EndOfPackage = 1,
        /// <summary>Not valid JSON or not a Package#2 object: abort the session.</summary>
        Malformed = 2,
        /// <summary>The body exceeded the byte limit: abort the session.</summary>
        TooLarge = 3,
        /// <summary>More commands than allowed in one package: abort the session.</summary>
        TooManyCommands = 4,
        /// <summary>The stream failed (connection dropped mid-body): abort the session.</summary>
        ReadFailed = 5
    }
}

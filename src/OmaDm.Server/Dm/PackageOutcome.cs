namespace OmaDm.Server.Dm;

/// <summary>What the DM endpoint answers: an HTTP status plus, on 200, the Package#2 body.</summary>
/// <param name="HttpStatus">200, or 400/409 for a package the server cannot accept.</param>
/// <param name="Body">Package#2 JSON (UTF-8) on 200; null otherwise.</param>
/// <param name="Error">Short reason for a non-200 answer (returned as text/plain).</param>
/// <param name="Ended">True when the Package#2 carries END (the session is over).</param>
public sealed record PackageOutcome(int HttpStatus, byte[]? Body, string? Error, bool Ended)
{
    /// <summary>A rejection with a reason.</summary>
    public static PackageOutcome Reject(int status, string error) => new(status, null, error, false);
}

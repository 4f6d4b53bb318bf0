namespace OmaDm.Server.Repository;

/// <summary>Result of <see cref="ByteRange.TryParse"/>.</summary>
public enum RangeParse
{
    /// <summary>No usable Range header: serve the whole content (200).</summary>
    None = 0,
    /// <summary>A range inside the content: serve 206.</summary>
    Satisfiable = 1,
    /// <summary>A range past the end: answer 416.</summary>
    Unsatisfiable = 2,
}

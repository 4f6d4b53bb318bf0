namespace OmaDm.Server.Commands;

/// <summary>Life of a queued command. Stored as text in <c>commands.state</c>.</summary>
public enum CommandState
{
    /// <summary>Waiting for the device's next session.</summary>
    Queued = 0,
    /// <summary>Sent in a Package#2; waiting for its status in the Package#3.</summary>
    Sent = 1,
    /// <summary>Status received and stored (any status code, including failures).</summary>
    Done = 2,
    /// <summary>Sent, but the session ended without a status (device reset, new Package#1, END sent with it).</summary>
    Lost = 3,
    /// <summary>Cancelled before it was sent.</summary>
    Cancelled = 4,
}

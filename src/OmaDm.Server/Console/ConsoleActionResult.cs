namespace OmaDm.Server.WebConsole;

/// <summary>Outcome of a console action: success with an optional id, or a message for the user.</summary>
/// <param name="Ok">Whether the action happened.</param>
/// <param name="Message">What to tell the user.</param>
/// <param name="Id">Id of what was created, when something was.</param>
public sealed record ConsoleActionResult(bool Ok, string Message, string? Id = null)
{
    /// <summary>A success.</summary>
    public static ConsoleActionResult Success(string message, string? id = null) => new(true, message, id);

    /// <summary>A refusal with a reason.</summary>
    public static ConsoleActionResult Fail(string message) => new(false, message);
}

namespace OmaDm.Server.Commands;

/// <summary>Command names and shape checks for what the admin API may queue (docs/PROTOCOL.md §3).</summary>
public static class DmCommands
{
    /// <summary>Longest argument (bytes of UTF-8); the client answers 413 above 1024.</summary>
    public const int MaxArgumentBytes = 1024;

    /// <summary>Placeholder replaced by the repository base URL (e.g. <c>https://host:port</c>) when the command is sent.</summary>
    public const string RepoPlaceholder = "${repo}";

    /// <summary>Checks a command's name and argument count (not URI syntax: the device answers that with 400).</summary>
    public static bool TryValidate(IReadOnlyList<string>? command, out string error)
    {
        error = "";
        if (command is null || command.Count == 0 || string.IsNullOrEmpty(command[0]))
        {
            error = "command must be a non-empty array of strings";
            return false;
        }
        foreach (var arg in command)
        {
            if (arg is null)
            {
                error = "arguments must be strings";
                return false;
            }
            if (System.Text.Encoding.UTF8.GetByteCount(arg) > MaxArgumentBytes)
            {
                error = "argument longer than " + MaxArgumentBytes + " bytes";
                return false;
            }
        }
        int args = command.Count - 1;
        (int min, int max) = command[0] switch
        {
            "GET" => (1, 1),
            "HGET" => (1, 2),
            "HPUT" or "HPOST" => (2, 2),
            "DELETE" => (1, 1),
            "EXEC" => (1, 3),
            "SHOW" => (1, 1),
            "CONT" => (1, 1),
            "END" => (0, 0),
            "DEFAULT" => (2, 2),
            _ => (-1, -1),
        };
        if (min < 0)
        {
            error = "unknown command '" + command[0] + "' (GET, HGET, HPUT, HPOST, DELETE, EXEC, SHOW, CONT, END, DEFAULT)";
            return false;
        }
        if (args < min || args > max)
        {
            error = command[0] + " takes " + (min == max ? min.ToString() : min + ".." + max) + " argument(s)";
            return false;
        }
        return true;
    }
}

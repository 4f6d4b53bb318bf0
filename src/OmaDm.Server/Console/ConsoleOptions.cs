namespace OmaDm.Server.WebConsole;

/// <summary>Settings of the web console (bound from the server's options).</summary>
public sealed class ConsoleOptions
{
    /// <summary>Shortest password the console accepts; a shorter one disables the login.</summary>
    public const int MinPasswordChars = 8;

    /// <summary>Largest firmware image the upload form accepts, in bytes (ESP32 app slots are at most a few MB).</summary>
    public const long MaxUploadBytes = 16L * 1024 * 1024;

    /// <summary>URL prefix of every console page.</summary>
    public const string PathPrefix = "/console";

    /// <summary>The console password; null or shorter than <see cref="MinPasswordChars"/> means nobody can log in.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds between automatic refreshes of live pages (campaigns, devices); 0 disables refresh.</summary>
    public int RefreshSeconds { get; set; } = 2;

    /// <summary>How long a login lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

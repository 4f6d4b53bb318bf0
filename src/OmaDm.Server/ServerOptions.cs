namespace OmaDm.Server;

/// <summary>Everything the server needs to start; filled from the command line or by tests.</summary>
public sealed class ServerOptions
{
    /// <summary>Largest DM package body accepted (bytes); bigger bodies get 413. Matches the client's Package#2 limit.</summary>
    public const int DefaultMaxPackageBytes = 1024 * 1024;

    /// <summary>Commands sent per Package#2; keeps a package small for a 110 KB device heap.</summary>
    public const int DefaultMaxCommandsPerPackage = 32;

    /// <summary>Largest HPUT/HPOST upload kept per request (bytes); bigger uploads get 413.</summary>
    public const long DefaultMaxUploadBytes = 4L * 1024 * 1024;

    /// <summary>Largest blob or firmware image the admin API accepts (bytes).</summary>
    public const long DefaultMaxBlobBytes = 64L * 1024 * 1024;

    /// <summary>Addresses Kestrel listens on (e.g. <c>http://127.0.0.1:0</c>); several separated by ';'.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>SQLite file path, or a connection string starting <c>Host=</c> for PostgreSQL (not implemented yet).</summary>
    public string Database { get; set; } = "omadm.db";

    /// <summary>Folder for repository blobs; defaults to <c>&lt;db file&gt;.blobs</c> next to the database.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Bearer token for <c>/api/</c>; a random one is generated (and printed) when null.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Password for the web console login (console helper); null disables the console login.</summary>
    public string? ConsolePassword { get; set; }

    /// <summary>Allows plain HTTP on non-loopback addresses (development only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>PFX certificate for HTTPS endpoints; Kestrel's defaults apply when null.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Enrols unknown devices on their first Package#1 with the Basic password they present (dev/demo only).</summary>
    public bool AutoEnrol { get; set; }

    /// <summary>Largest DM package body (bytes).</summary>
    public int MaxPackageBytes { get; set; } = DefaultMaxPackageBytes;

    /// <summary>Largest number of commands per Package#2.</summary>
    public int MaxCommandsPerPackage { get; set; } = DefaultMaxCommandsPerPackage;

    /// <summary>Package#2s per session before the server sends END (the client's own limit is 100).</summary>
    public int MaxPackagesPerSession { get; set; } = 50;

    /// <summary>Largest HPUT/HPOST upload (bytes).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Uploads kept per device (HPOST adds one each time); beyond it the sink answers 507 until an admin deletes some.</summary>
    public int MaxUploadsPerDevice { get; set; } = 1000;

    /// <summary>Largest blob/firmware upload through the admin API (bytes).</summary>
    public long MaxBlobBytes { get; set; } = DefaultMaxBlobBytes;

    /// <summary>Enables <see cref="Repository.RepositoryFaults"/> (demo and tests only; never on by default).</summary>
    public bool EnableFaultInjection { get; set; }

    /// <summary>Base URL devices use to reach the repository; derived from each DM request when null.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>PBKDF2 iterations for device passwords (lower only in load tests).</summary>
    public int PasswordIterations { get; set; } = Devices.PasswordHasher.DefaultIterations;

    /// <summary>Server id put in DM Notifications (must equal the devices' DMAcc SrvID).</summary>
    public string ServerId { get; set; } = "omadm-server";

    /// <summary>Failed device authentications per remote address and minute before it gets 429 (see <see cref="Dm.AuthThrottle"/>).</summary>
    public int MaxAuthFailuresPerMinute { get; set; } = 30;

    /// <summary>Writes request logs to the console (off in tests).</summary>
    public bool Verbose { get; set; }
}

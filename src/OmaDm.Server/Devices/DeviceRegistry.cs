using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Devices;

/// <summary>
/// Enrolled devices: credentials (salted PBKDF2 hash), notification address and secret, and what
/// each device last reported (DevInfo, MOS list, MO values from GET results).
/// </summary>
public sealed class DeviceRegistry
{
    /// <summary>Longest DevID accepted (characters); DevIDs key every table and appear in URLs.</summary>
    public const int MaxDevIdChars = 128;

    /// <summary>Longest password accepted (characters).</summary>
    public const int MaxPasswordChars = 256;

    /// <summary>How long a verified password skips PBKDF2 again (a session's later packages are cheap).</summary>
    public static readonly TimeSpan AuthCacheLifetime = TimeSpan.FromMinutes(5);

    private readonly IServerDatabase _db;
    private readonly int _iterations;
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (byte[] Tag, long ExpiresAt)> _authCache = new(StringComparer.Ordinal);

    /// <summary>Creates the registry over <paramref name="db"/>.</summary>
    public DeviceRegistry(IServerDatabase db, ServerOptions options)
    {
        _db = db;
        _iterations = options.PasswordIterations;
    }

    /// <summary>Whether <paramref name="devId"/> is acceptable as a device key (printable ASCII, no '/', bounded).</summary>
    public static bool IsValidDevId(string? devId)
    {
        if (string.IsNullOrEmpty(devId) || devId.Length > MaxDevIdChars)
        {
            return false;
        }
        foreach (var ch in devId)
        {
            if (ch <= ' ' || ch > '~' || ch == '/' || ch == '\\' || ch == '?' || ch == '#' || ch == '%')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Enrols a device or replaces its credentials. <paramref name="authName"/> defaults to the DevID.
    /// Another user name cannot contain ':' (RFC 7617); the DevID itself may (<c>MAC:...</c>), see
    /// <see cref="Dm.HttpBasic.TryParse(string?, string?, out string, out string)"/>.
    /// </summary>
    public EnrolResult Enrol(string devId, string password, string? authName = null, string? notificationSecret = null, bool autoEnrolled = false)
    {
        authName ??= devId;
        if (!IsValidDevId(devId) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordChars
            || authName.Length == 0 || authName.Length > MaxDevIdChars || (authName.Contains(':') && authName != devId) || (notificationSecret?.Length ?? 0) > MaxPasswordChars)
        {
            return EnrolResult.Invalid;
        }
        var (salt, hash) = PasswordHasher.Hash(password, _iterations);
        _authCache.TryRemove(devId, out _);
        return _db.Write((c, t) =>
        {
            var exists = Sql.Scalar(c, t, "SELECT 1 FROM devices WHERE dev_id = @p0", devId) is not null;
            if (exists)
            {
                Sql.Exec(c, t, "UPDATE devices SET auth_name=@p1, pw_salt=@p2, pw_hash=@p3, pw_iterations=@p4, noti_secret=COALESCE(@p5, noti_secret) WHERE dev_id=@p0",
                    devId, authName, salt, hash, _iterations, notificationSecret);
                return EnrolResult.Updated;
            }
            Sql.Exec(c, t, "INSERT INTO devices (dev_id, auth_name, pw_salt, pw_hash, pw_iterations, noti_secret, auto_enrolled, created_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7)",
                devId, authName, salt, hash, _iterations, notificationSecret, autoEnrolled ? 1 : 0, Sql.Now());
            return EnrolResult.Created;
        });
    }

    /// <summary>Checks HTTP Basic credentials for <paramref name="devId"/>; false for unknown devices, wrong user or password.</summary>
    public bool Authenticate(string devId, string authName, string password)
    {
        if (!IsValidDevId(devId) || password.Length > MaxPasswordChars || authName.Length > MaxDevIdChars)
        {
            return false;
        }
        var tag = CacheTag(devId, authName, password);
        if (_authCache.TryGetValue(devId, out var cached) && cached.ExpiresAt > Environment.TickCount64
            && CryptographicOperations.FixedTimeEquals(cached.Tag, tag))
        {
            return true;
        }
        var row = _db.Read(c => Sql.Query(c, null, "SELECT auth_name, pw_salt, pw_hash, pw_iterations FROM devices WHERE dev_id=@p0",
            r => (Name: r.GetString(0), Salt: r.Bytes(1)!, Hash: r.Bytes(2)!, Iter: r.I32(3)), devId)).FirstOrDefault();
        if (row.Name is null)
        {
            // Same work as a real check so response time does not reveal which DevIDs exist.
            PasswordHasher.Verify(password, new byte[PasswordHasher.SaltBytes], new byte[PasswordHasher.HashBytes], _iterations);
            return false;
        }
        var ok = PasswordHasher.Verify(password, row.Salt, row.Hash, row.Iter)
            & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(row.Name), Encoding.UTF8.GetBytes(authName));
        if (ok)
        {
            _authCache[devId] = (tag, Environment.TickCount64 + (long)AuthCacheLifetime.TotalMilliseconds);
        }
        return ok;
    }

    /// <summary>Whether the device is enrolled.</summary>
    public bool Exists(string devId) => _db.Read(c => Sql.Scalar(c, null, "SELECT 1 FROM devices WHERE dev_id=@p0", devId) is not null);

    /// <summary>One device, or null.</summary>
    public DeviceRecord? Get(string devId) =>
        _db.Read(c => Sql.Query(c, null, SelectDevice + " WHERE dev_id=@p0", Map, devId)).FirstOrDefault();

    /// <summary>Every device ordered by DevID.</summary>
    public IReadOnlyList<DeviceRecord> List() => _db.Read(c => Sql.Query(c, null, SelectDevice + " ORDER BY dev_id", Map));

    /// <summary>Removes a device and everything it owns (queue, results, sessions, alerts); true when it existed.</summary>
    public bool Delete(string devId)
    {
        _authCache.TryRemove(devId, out _);
        return _db.Write((c, t) =>
        {
            Sql.Exec(c, t, "DELETE FROM blobs WHERE dev_id=@p0", devId);
            return Sql.Exec(c, t, "DELETE FROM devices WHERE dev_id=@p0", devId) > 0;
        });
    }

    /// <summary>Sets (or clears, with null host) the UDP address DM Notifications go to.</summary>
    public bool SetNotificationAddress(string devId, string? host, int? port) =>
        _db.Write((c, t) => Sql.Exec(c, t, "UPDATE devices SET noti_host=@p1, noti_port=@p2 WHERE dev_id=@p0", devId, host, port) > 0);

    /// <summary>Sets the notification secret (the DMAcc notification secret of the device).</summary>
    public bool SetNotificationSecret(string devId, string? secret) =>
        _db.Write((c, t) => Sql.Exec(c, t, "UPDATE devices SET noti_secret=@p1 WHERE dev_id=@p0", devId, secret) > 0);

    /// <summary>The notification secret, or null (only the notification sender needs it).</summary>
    public string? GetNotificationSecret(string devId) =>
        _db.Read(c => Sql.Scalar(c, null, "SELECT noti_secret FROM devices WHERE dev_id=@p0", devId) as string);

    /// <summary>Next NOTIFICATION-ID for the device (monotonic, never 0).</summary>
    public long NextNotificationId(string devId) => _db.Write((c, t) =>
        Convert.ToInt64(Sql.Scalar(c, t, "UPDATE devices SET noti_counter = noti_counter + 1 WHERE dev_id=@p0 RETURNING noti_counter", devId) ?? 0L));

    /// <summary>Records the poll interval the server asked the device to use.</summary>
    public bool RecordPollInterval(string devId, int seconds) =>
        _db.Write((c, t) => Sql.Exec(c, t, "UPDATE devices SET poll_interval_s=@p1 WHERE dev_id=@p0", devId, seconds) > 0);

    /// <summary>Stored GET results of a device: ClientURI → JSON value.</summary>
    public IReadOnlyList<(string Uri, string ValueJson, DateTimeOffset UpdatedAt)> GetMoValues(string devId) =>
        _db.Read(c => Sql.Query(c, null, "SELECT uri, value_json, updated_at FROM mo_values WHERE dev_id=@p0 ORDER BY uri",
            r => (r.GetString(0), r.GetString(1), Sql.Time(r.I64(2))), devId));

    internal static void RecordSeen(DbConnection c, DbTransaction t, string devId, string? address) =>
        Sql.Exec(c, t, "UPDATE devices SET last_seen_at=@p1, last_address=@p2 WHERE dev_id=@p0", devId, Sql.Now(), address);

    internal static void RecordMos(DbConnection c, DbTransaction t, string devId, string mosJson) =>
        Sql.Exec(c, t, "UPDATE devices SET mos_json=@p1 WHERE dev_id=@p0", devId, mosJson);

    internal static void RecordMoValue(DbConnection c, DbTransaction t, string devId, string uri, string valueJson) =>
        Sql.Exec(c, t, "INSERT INTO mo_values (dev_id, uri, value_json, updated_at) VALUES (@p0,@p1,@p2,@p3) ON CONFLICT (dev_id, uri) DO UPDATE SET value_json=excluded.value_json, updated_at=excluded.updated_at",
            devId, uri, valueJson, Sql.Now());

    internal static void RecordDevInfo(DbConnection c, DbTransaction t, string devId, string? devInfoJson, string? firmwareVersion)
    {
        if (devInfoJson is not null)
        {
            Sql.Exec(c, t, "UPDATE devices SET devinfo_json=@p1 WHERE dev_id=@p0", devId, devInfoJson);
        }
        if (firmwareVersion is not null)
        {
            Sql.Exec(c, t, "UPDATE devices SET fw_version=@p1 WHERE dev_id=@p0", devId, firmwareVersion);
        }
    }

    private const string SelectDevice = "SELECT dev_id, auth_name, fw_version, devinfo_json, mos_json, noti_host, noti_port, CASE WHEN noti_secret IS NULL THEN 0 ELSE 1 END, poll_interval_s, auto_enrolled, created_at, last_seen_at, last_address FROM devices";

    private static DeviceRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Int(6), r.I64(7) != 0, r.Int(8),
        r.I64(9) != 0, Sql.Time(r.I64(10)), r.Long(11) is long seen ? Sql.Time(seen) : null, r.Str(12));

    private byte[] CacheTag(string devId, string authName, string password) =>
        HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(devId + "\n" + authName + "\n" + password));
}

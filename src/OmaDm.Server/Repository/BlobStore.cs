using System.Security.Cryptography;
using System.Text;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Repository;

/// <summary>
/// Data Repository content: files in a folder (named by a hash of the logical name, so names
/// never reach the file system) with metadata rows. Writes go to a temp file and are renamed
/// into place, so a reader never sees a partial blob.
/// </summary>
public sealed class BlobStore
{
    /// <summary>Longest logical blob name (characters).</summary>
    public const int MaxNameChars = 200;

    private readonly IServerDatabase _db;
    private readonly string _folder;

    /// <summary>Creates the store in <paramref name="folder"/> (created when absent).</summary>
    public BlobStore(IServerDatabase db, string folder)
    {
        _db = db;
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Whether <paramref name="name"/> is a valid public blob name: 1..200 of [A-Za-z0-9._-], not starting with '.'.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameChars && name[0] != '.'
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-');

    /// <summary>Stores (or replaces) a blob from a stream of at most <paramref name="maxBytes"/>; null when the content is larger.</summary>
    public async Task<BlobInfo?> PutAsync(string name, Stream content, string contentType, string kind, string? devId, long maxBytes, CancellationToken cancel = default)
    {
        var target = FilePath(name);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        long length = 0;
        string sha;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancel)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        var info = new BlobInfo(name, length, sha, contentType, kind, devId, DateTimeOffset.FromUnixTimeMilliseconds(Sql.Now()));
        _db.Write((c, t) => Sql.Exec(c, t,
            "INSERT INTO blobs (name, length, sha256, content_type, kind, dev_id, created_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6) " +
            "ON CONFLICT (name) DO UPDATE SET length=excluded.length, sha256=excluded.sha256, content_type=excluded.content_type, kind=excluded.kind, dev_id=excluded.dev_id, created_at=excluded.created_at",
            name, length, sha, contentType, kind, devId, info.CreatedAt.ToUnixTimeMilliseconds()));
        return info;
    }

    /// <summary>Stores a small blob from bytes.</summary>
    public Task<BlobInfo?> PutAsync(string name, byte[] content, string contentType, string kind, string? devId = null) =>
        PutAsync(name, new MemoryStream(content), contentType, kind, devId, long.MaxValue);

    /// <summary>Stores a text value served as <c>text/plain</c> (HGET into a leaf).</summary>
    public Task<BlobInfo?> PutTextAsync(string name, string text) =>
        PutAsync(name, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", "value");

    /// <summary>Metadata, or null.</summary>
    public BlobInfo? Get(string name) => _db.Read(c => Sql.Query(c, null, Select + " WHERE name=@p0", Map, name)).FirstOrDefault();

    /// <summary>Blobs of one kind (all when null), optionally of one device.</summary>
    public IReadOnlyList<BlobInfo> List(string? kind = null, string? devId = null) => _db.Read(c => Sql.Query(c, null,
        // Conditions are left out rather than "@p IS NULL OR ...": PostgreSQL cannot type an untyped NULL parameter.
        Select + " WHERE " + (kind is null ? "@p0 = @p0" : "kind=@p0") + " AND " + (devId is null ? "@p1 = @p1" : "dev_id=@p1") + " ORDER BY name",
        Map, kind ?? "", devId ?? ""));

    /// <summary>Number of uploads a device has stored.</summary>
    public int CountUploads(string devId) =>
        Convert.ToInt32(_db.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM blobs WHERE kind='upload' AND dev_id=@p0", devId)));

    /// <summary>Opens a blob's content for reading, or null.</summary>
    public Stream? OpenRead(string name)
    {
        var path = FilePath(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
    }

    /// <summary>Deletes a blob that no firmware entry references; true when deleted.</summary>
    public bool Delete(string name)
    {
        var deleted = _db.Write((c, t) =>
            Sql.Scalar(c, t, "SELECT 1 FROM firmware WHERE blob_name=@p0", name) is null && Sql.Exec(c, t, "DELETE FROM blobs WHERE name=@p0", name) > 0);
        if (deleted)
        {
            File.Delete(FilePath(name));
        }
        return deleted;
    }

    private string FilePath(string name) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))));

    private const string Select = "SELECT name, length, sha256, content_type, kind, dev_id, created_at FROM blobs";

    private static BlobInfo Map(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.I64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Str(5), Sql.Time(r.I64(6)));
}

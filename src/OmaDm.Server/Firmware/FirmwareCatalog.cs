using System.Security.Cryptography;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Repository;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Firmware;

/// <summary>
/// Firmware images served by the repository. An upload is either an MCUboot image (version read
/// from its header, SHA-256 TLV checked against the hashed bytes, nothing after the TLV area) or a
/// raw binary the server packs with <see cref="McuBootImageWriter"/> (hash-only, unsigned).
/// </summary>
public sealed class FirmwareCatalog
{
    private readonly IServerDatabase _db;
    private readonly BlobStore _blobs;
    private readonly ServerOptions _options;

    /// <summary>Creates the catalogue.</summary>
    public FirmwareCatalog(IServerDatabase db, BlobStore blobs, ServerOptions options)
    {
        _db = db;
        _blobs = blobs;
        _options = options;
    }

    /// <summary>
    /// Adds an upload: an MCUboot image when it starts with the MCUboot magic (then
    /// <paramref name="version"/> must be null or equal to the header's), otherwise a raw binary
    /// packed with <paramref name="version"/> (required, "1.2.3" or "1.2.3+4").
    /// </summary>
    public async Task<FirmwareUploadResult> AddAsync(string name, Stream content, string? version, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            return FirmwareUploadResult.Fail("a name of 1..128 characters is required");
        }
        var data = await ReadBoundedAsync(content, _options.MaxBlobBytes, cancel);
        if (data is null)
        {
            return FirmwareUploadResult.Fail("image larger than " + _options.MaxBlobBytes + " bytes");
        }
        if (data.Length == 0)
        {
            return FirmwareUploadResult.Fail("empty upload");
        }
        bool packed = false;
        if (data.Length < 4 || McuBootHeader.ReadUInt32(data, 0) != McuBootHeader.Magic)
        {
            if (!ImageVersion.TryParse(version, out var v))
            {
                return FirmwareUploadResult.Fail("not an MCUboot image: give a version (e.g. 1.1.0) to pack the raw binary");
            }
            data = McuBootImageWriter.Pack(data, v);
            packed = true;
        }
        var check = Verify(data, out var header);
        if (check is not null)
        {
            return FirmwareUploadResult.Fail(check);
        }
        var headerVersion = header!.VersionText;
        if (!packed && version is not null && ImageVersion.TryParse(version, out var asked) && asked.ToString() != headerVersion)
        {
            return FirmwareUploadResult.Fail($"the image header says {headerVersion}, not {asked}");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        var blobName = "fw-" + headerVersion.Replace('+', '_') + "-" + sha[..12] + ".bin";
        await _blobs.PutAsync(blobName, data, "application/octet-stream", "firmware");
        var id = _db.Write((c, t) =>
        {
            var existing = Sql.Scalar(c, t, "SELECT id FROM firmware WHERE sha256=@p0", sha);
            if (existing is not null)
            {
                return Convert.ToInt64(existing);
            }
            return Convert.ToInt64(Sql.Scalar(c, t,
                "INSERT INTO firmware (name, version, blob_name, image_size, sha256, packed_by_server, created_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6) RETURNING id",
                name, headerVersion, blobName, data.Length, sha, packed ? 1 : 0, Sql.Now()));
        });
        return new FirmwareUploadResult(Get(id), null);
    }

    /// <summary>Checks an MCUboot image; null when valid, else the reason.</summary>
    public static string? Verify(byte[] image, out McuBootHeader? header)
    {
        var parse = McuBootHeader.TryParse(image, 0, out header);
        if (parse != SlotResult.Success)
        {
            return "bad MCUboot header (" + parse + ")";
        }
        long hashed = header.HashedLength;
        if (hashed + McuBootTlv.HeaderBytes > image.Length)
        {
            return "image shorter than its header says";
        }
        int tlvTotal = McuBootHeader.ReadUInt16(image, (int)hashed + 2);
        if (hashed + tlvTotal != image.Length)
        {
            return "TLV area does not end the image (truncated or trailing bytes)";
        }
        var found = McuBootTlv.Find(image, (int)hashed, tlvTotal, McuBootTlv.TypeSha256, out var at, out var length);
        if (found != SlotResult.Success || at < 0 || length != McuBootTlv.Sha256Bytes)
        {
            return "no valid SHA-256 TLV";
        }
        var digest = SHA256.HashData(image.AsSpan(0, (int)hashed));
        if (!CryptographicOperations.FixedTimeEquals(digest, image.AsSpan(at, length)))
        {
            return "SHA-256 TLV does not match the image";
        }
        return null;
    }

    /// <summary>Every image, newest first.</summary>
    public IReadOnlyList<FirmwareImage> List() => _db.Read(c => Sql.Query(c, null, Select + " ORDER BY id DESC", Map));

    /// <summary>One image, or null.</summary>
    public FirmwareImage? Get(long id) => _db.Read(c => Sql.Query(c, null, Select + " WHERE id=@p0", Map, id)).FirstOrDefault();

    /// <summary>Deletes an image no campaign uses; true when deleted.</summary>
    public bool Delete(long id)
    {
        var blob = _db.Write((c, t) =>
        {
            if (Sql.Scalar(c, t, "SELECT 1 FROM campaigns WHERE firmware_id=@p0", id) is not null)
            {
                return null;
            }
            var name = Sql.Scalar(c, t, "SELECT blob_name FROM firmware WHERE id=@p0", id) as string;
            Sql.Exec(c, t, "DELETE FROM firmware WHERE id=@p0", id);
            return name;
        });
        if (blob is not null)
        {
            _blobs.Delete(blob);
        }
        return blob is not null;
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long max, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private const string Select = "SELECT id, name, version, blob_name, image_size, sha256, packed_by_server, created_at FROM firmware";

    private static FirmwareImage Map(System.Data.Common.DbDataReader r) =>
        new(r.I64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.I64(4), r.GetString(5), r.I64(6) != 0, Sql.Time(r.I64(7)));
}

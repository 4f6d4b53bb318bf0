namespace OmaDm.Server.Repository;

/// <summary>Metadata of one stored blob.</summary>
/// <param name="Name">Logical name (URL path under <c>/repo/blobs/</c> for public blobs).</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="ContentType">Media type served with it.</param>
/// <param name="Kind"><c>blob</c>, <c>firmware</c>, <c>value</c> (public) or <c>upload</c> (device data, admin only).</param>
/// <param name="DevId">Owning device for uploads, else null.</param>
/// <param name="CreatedAt">Store time.</param>
public sealed record BlobInfo(string Name, long Length, string Sha256, string ContentType, string Kind, string? DevId, DateTimeOffset CreatedAt)
{
    /// <summary>Strong entity tag: derived from the content hash, so equal content has equal tags.</summary>
    public string ETag => "\"" + Sha256[..32] + "\"";
}

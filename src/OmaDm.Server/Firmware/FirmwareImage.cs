namespace OmaDm.Server.Firmware;

/// <summary>One image in the firmware catalogue.</summary>
/// <param name="Id">Catalogue id.</param>
/// <param name="Name">Label (upload file name).</param>
/// <param name="Version">MCUboot header version, <c>major.minor.revision+build</c> (what DevInfo/FwV reports).</param>
/// <param name="BlobName">Repository blob serving it: <c>/repo/blobs/{BlobName}</c>.</param>
/// <param name="ImageSize">Size of the whole image file in bytes.</param>
/// <param name="Sha256">Hex SHA-256 of the whole file (the blob's ETag source).</param>
/// <param name="PackedByServer">True when a raw binary was uploaded and the server wrapped it.</param>
/// <param name="CreatedAt">Upload time.</param>
public sealed record FirmwareImage(long Id, string Name, string Version, string BlobName, long ImageSize, string Sha256, bool PackedByServer, DateTimeOffset CreatedAt);

namespace OmaDm.Server.WebConsole;

/// <summary>A firmware image in the catalogue.</summary>
/// <param name="Id">Catalogue id.</param>
/// <param name="Version">Version from the image header.</param>
/// <param name="SizeBytes">Image size in bytes.</param>
/// <param name="Sha256">SHA-256 of the image, lowercase hex.</param>
/// <param name="Name">File name or label given at upload.</param>
/// <param name="Added">When it was added.</param>
public sealed record ConsoleImage(string Id, string Version, long SizeBytes, string Sha256, string Name, DateTimeOffset Added);

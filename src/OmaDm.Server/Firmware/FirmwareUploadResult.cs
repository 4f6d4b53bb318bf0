namespace OmaDm.Server.Firmware;

/// <summary>Outcome of a catalogue upload: the image, or why it was refused.</summary>
/// <param name="Image">The stored image, or null.</param>
/// <param name="Error">Reason for refusal (bad magic, hash mismatch, too large, ...), or null.</param>
public sealed record FirmwareUploadResult(FirmwareImage? Image, string? Error)
{
    /// <summary>A refusal.</summary>
    public static FirmwareUploadResult Fail(string error) => new(null, error);
}

namespace OmaDm.Server.WebConsole;

/// <summary>
/// What the console reads and changes. The server implements it over its own services
/// (<see cref="ServerConsoleBackend"/>); tests can script it. Every method is safe to call
/// concurrently; ids are opaque strings the console only echoes back.
/// </summary>
public interface IConsoleBackend
{
    /// <summary>Every known device, in a stable order.</summary>
    Task<IReadOnlyList<ConsoleDevice>> ListDevicesAsync(CancellationToken cancellationToken);

    /// <summary>One device with MO values, recent sessions and its queue; null when unknown.</summary>
    Task<ConsoleDeviceDetail?> GetDeviceAsync(string devId, CancellationToken cancellationToken);

    /// <summary>Queues a DM command (name and arguments) for the device's next session.</summary>
    Task<ConsoleActionResult> QueueCommandAsync(string devId, IReadOnlyList<string> command, CancellationToken cancellationToken);

    /// <summary>Firmware images in the catalogue, newest first.</summary>
    Task<IReadOnlyList<ConsoleImage>> ListImagesAsync(CancellationToken cancellationToken);

    /// <summary>Adds an uploaded image (an MCUboot image, or a raw binary with <paramref name="version"/> to pack).</summary>
    Task<ConsoleActionResult> UploadImageAsync(string fileName, Stream content, string? version, CancellationToken cancellationToken);

    /// <summary>Campaigns, newest first.</summary>
    Task<IReadOnlyList<ConsoleCampaign>> ListCampaignsAsync(CancellationToken cancellationToken);

    /// <summary>One campaign with the state of each of its devices; null when unknown.</summary>
    Task<ConsoleCampaignDetail?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Creates and starts a campaign; on success <see cref="ConsoleActionResult.Id"/> is its id.</summary>
    Task<ConsoleActionResult> StartCampaignAsync(ConsoleCampaignRequest request, CancellationToken cancellationToken);

    /// <summary>Pauses, resumes, retries the failed devices of, or cancels a campaign.</summary>
    Task<ConsoleActionResult> CampaignActionAsync(string campaignId, ConsoleCampaignAction action, CancellationToken cancellationToken);
}

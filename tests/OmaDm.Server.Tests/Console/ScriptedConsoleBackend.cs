using OmaDm.Server.WebConsole;

namespace OmaDm.Server.Tests.WebConsole;

/// <summary>
/// A console backend with scripted data: campaigns advance with the clock (every device gains
/// <see cref="PercentPerSecond"/> per second), so a browser can watch one complete without devices.
/// </summary>
internal sealed class ScriptedConsoleBackend : IConsoleBackend
{
    public const int PercentPerSecond = 60;

    private readonly object _gate = new();
    private readonly List<ConsoleDevice> _devices;
    private readonly List<ConsoleImage> _images = new();
    private readonly List<(ConsoleCampaign Campaign, DateTimeOffset Started, bool Cancelled)> _campaigns = new();

    public ScriptedConsoleBackend(params string[] devIds)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _devices = devIds.Select(id => new ConsoleDevice(id, "idle", "1.0.0", now)).ToList();
        _images.Add(new ConsoleImage("img-1", "1.1.0", 123_456, new string('a', 64), "app-1.1.0.bin", now));
    }

    public List<ConsoleCampaignAction> Actions { get; } = new();

    public Task<IReadOnlyList<ConsoleDevice>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ConsoleDevice>>(_devices.ToList());
        }
    }

    public Task<ConsoleDeviceDetail?> GetDeviceAsync(string devId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ConsoleDevice? d = _devices.FirstOrDefault(x => x.DevId == devId);
            if (d is null)
            {
                return Task.FromResult<ConsoleDeviceDetail?>(null);
            }
            var values = new[] { new ConsoleMoValue("urn:oma:mo:oma-dm-devinfo:1.0//FwV", d.FirmwareVersion ?? "", d.LastSeen) };
            var sessions = new[] { new ConsoleSession(d.LastSeen ?? DateTimeOffset.UtcNow, "completed", "1 command") };
            var queue = new[] { new ConsoleQueuedCommand("[\"GET\",\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"]", "done", 200, DateTimeOffset.UtcNow) };
            return Task.FromResult<ConsoleDeviceDetail?>(new ConsoleDeviceDetail(d, values, sessions, queue,
                new[] { new ConsoleAlert(DateTimeOffset.UtcNow, "org.openmobilealliance.dm.firmwareupdate.update", "urn:oma:mo:oma-fumo:1.0//Update", "200") }));
        }
    }

    public List<string[]> Queued { get; } = new();

    public Task<ConsoleActionResult> QueueCommandAsync(string devId, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_devices.All(d => d.DevId != devId))
            {
                return Task.FromResult(ConsoleActionResult.Fail("Unknown device."));
            }
            if (command[0] == "GET" && command.Count != 2)
            {
                return Task.FromResult(ConsoleActionResult.Fail("GET takes 1 argument(s)"));
            }
            Queued.Add(command.ToArray());
            return Task.FromResult(ConsoleActionResult.Success("queued", Queued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task<IReadOnlyList<ConsoleImage>> ListImagesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ConsoleImage>>(_images.ToList());
        }
    }

    public async Task<ConsoleActionResult> UploadImageAsync(string fileName, Stream content, string? version, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (version is null)
        {
            return ConsoleActionResult.Fail("Not an MCUboot image: give a version to pack a raw binary.");
        }
        lock (_gate)
        {
            string id = "img-" + (_images.Count + 1);
            _images.Insert(0, new ConsoleImage(id, version, buffer.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())), fileName, DateTimeOffset.UtcNow));
            return ConsoleActionResult.Success("added", id);
        }
    }

    public Task<IReadOnlyList<ConsoleCampaign>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ConsoleCampaign>>(_campaigns.Select(c => Snapshot(c).Campaign).Reverse().ToList());
        }
    }

    public Task<ConsoleCampaignDetail?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            int index = _campaigns.FindIndex(c => c.Campaign.Id == campaignId);
            return Task.FromResult(index < 0 ? null : Snapshot(_campaigns[index]));
        }
    }

    public Task<ConsoleActionResult> StartCampaignAsync(ConsoleCampaignRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ConsoleImage? image = _images.FirstOrDefault(i => i.Id == request.ImageId);
            if (image is null)
            {
                return Task.FromResult(ConsoleActionResult.Fail("Unknown image."));
            }
            string id = "c" + (_campaigns.Count + 1);
            _campaigns.Add((new ConsoleCampaign(id, request.Name, image.Version, "running", _devices.Count, 0, 0, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, false));
            return Task.FromResult(ConsoleActionResult.Success("started", id));
        }
    }

    public Task<ConsoleActionResult> CampaignActionAsync(string campaignId, ConsoleCampaignAction action, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Actions.Add(action);
            int index = _campaigns.FindIndex(c => c.Campaign.Id == campaignId);
            if (index < 0)
            {
                return Task.FromResult(ConsoleActionResult.Fail("Unknown campaign."));
            }
            if (action == ConsoleCampaignAction.Cancel)
            {
                _campaigns[index] = _campaigns[index] with { Cancelled = true };
            }
            return Task.FromResult(ConsoleActionResult.Success("ok"));
        }
    }

    private ConsoleCampaignDetail Snapshot((ConsoleCampaign Campaign, DateTimeOffset Started, bool Cancelled) c)
    {
        double seconds = (DateTimeOffset.UtcNow - c.Started).TotalSeconds;
        int percent = (int)Math.Min(100, seconds * PercentPerSecond);
        bool done = percent >= 100;
        var devices = _devices.Select(d => new ConsoleCampaignDevice(d.DevId, done ? "updated" : "downloading", percent,
            done ? c.Campaign.ImageVersion : d.FirmwareVersion, done ? 200 : null)).ToList();
        string state = c.Cancelled ? "cancelled" : done ? "completed" : "running";
        ConsoleCampaign campaign = c.Campaign with { State = state, Succeeded = done ? devices.Count : 0 };
        return new ConsoleCampaignDetail(campaign, devices);
    }
}

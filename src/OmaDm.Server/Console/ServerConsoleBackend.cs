using System.Globalization;
using System.Text.Json;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Firmware;

namespace OmaDm.Server.WebConsole;

/// <summary>The console's view of the real server: reads and changes go through the server's own services.</summary>
public sealed class ServerConsoleBackend : IConsoleBackend
{
    /// <summary>Rows shown per list on the device page (the page stays small).</summary>
    public const int MaxRowsPerList = 50;

    /// <summary>Sessions shown on the device page (a polling device has many; the newest matter).</summary>
    public const int MaxSessionRows = 20;

    private readonly DeviceRegistry _devices;
    private readonly GroupService _groups;
    private readonly CommandQueue _queue;
    private readonly SessionHistory _history;
    private readonly FirmwareCatalog _catalog;
    private readonly CampaignService _campaigns;

    /// <summary>Creates the backend over the server's services.</summary>
    public ServerConsoleBackend(DeviceRegistry devices, GroupService groups, CommandQueue queue, SessionHistory history,
        FirmwareCatalog catalog, CampaignService campaigns)
    {
        _devices = devices;
        _groups = groups;
        _queue = queue;
        _history = history;
        _catalog = catalog;
        _campaigns = campaigns;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsoleDevice>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string> busy = ActiveCampaignStates();
        IReadOnlyList<ConsoleDevice> list = _devices.List().Select(d => ToConsole(d, busy)).ToList();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public Task<ConsoleDeviceDetail?> GetDeviceAsync(string devId, CancellationToken cancellationToken)
    {
        if (!DeviceRegistry.IsValidDevId(devId) || _devices.Get(devId) is not DeviceRecord record)
        {
            return Task.FromResult<ConsoleDeviceDetail?>(null);
        }
        var values = _devices.GetMoValues(devId).Take(MaxRowsPerList * 4)
            .Select(v => new ConsoleMoValue(v.Uri, ValueText(v.ValueJson), v.UpdatedAt)).ToList();
        var sessions = _history.Sessions(devId, MaxSessionRows).Select(s => new ConsoleSession(s.StartedAt,
            s.State + (s.Note is null ? "" : ": " + s.Note),
            string.Create(CultureInfo.InvariantCulture, $"{s.Packages} package(s), {s.Statuses} status(es){(s.TriggerAlert is null ? "" : ", " + s.TriggerAlert)}"))).ToList();
        var queue = _queue.List(devId, null, MaxRowsPerList).Select(q => new ConsoleQueuedCommand(
            JsonSerializer.Serialize(q.Command), q.State.ToString().ToLowerInvariant(), q.StatusCode, q.CreatedAt)).ToList();
        var alerts = _history.Alerts(devId, MaxRowsPerList).Select(a => new ConsoleAlert(
            a.ReceivedAt, a.Alert.AlertType, a.Alert.SourceUri, a.Alert.Data)).ToList();
        ConsoleDevice device = ToConsole(record, ActiveCampaignStates());
        return Task.FromResult<ConsoleDeviceDetail?>(new ConsoleDeviceDetail(device, values, sessions, queue, alerts));
    }

    /// <inheritdoc />
    public Task<ConsoleActionResult> QueueCommandAsync(string devId, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        if (!DmCommands.TryValidate(command, out string error))
        {
            return Task.FromResult(ConsoleActionResult.Fail(error));
        }
        long? id = DeviceRegistry.IsValidDevId(devId) ? _queue.Enqueue(devId, command, "console") : null;
        return Task.FromResult(id is null
            ? ConsoleActionResult.Fail("Unknown device.")
            : ConsoleActionResult.Success("queued", id.Value.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsoleImage>> ListImagesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ConsoleImage> list = _catalog.List().Select(ToConsole).ToList();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public async Task<ConsoleActionResult> UploadImageAsync(string fileName, Stream content, string? version, CancellationToken cancellationToken)
    {
        FirmwareUploadResult result = await _catalog.AddAsync(fileName, content, version, cancellationToken);
        return result.Image is null
            ? ConsoleActionResult.Fail(result.Error ?? "upload refused")
            : ConsoleActionResult.Success("added " + result.Image.Version, result.Image.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsoleCampaign>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ConsoleCampaign> list = _campaigns.List().Select(ToConsole).ToList();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public Task<ConsoleCampaignDetail?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(campaignId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || _campaigns.Get(id) is not CampaignInfo info)
        {
            return Task.FromResult<ConsoleCampaignDetail?>(null);
        }
        var devices = _campaigns.Devices(id).Select(d => new ConsoleCampaignDevice(
            d.DevId, d.State.ToDisplayText(), d.PercentDone, d.FirmwareVersion, d.ResultCode)).ToList();
        return Task.FromResult<ConsoleCampaignDetail?>(new ConsoleCampaignDetail(ToConsole(info), devices));
    }

    /// <inheritdoc />
    public Task<ConsoleActionResult> StartCampaignAsync(ConsoleCampaignRequest request, CancellationToken cancellationToken)
    {
        if (!long.TryParse(request.ImageId, NumberStyles.None, CultureInfo.InvariantCulture, out long imageId) || _catalog.Get(imageId) is null)
        {
            return Task.FromResult(ConsoleActionResult.Fail("Unknown image."));
        }
        long? groupId = null;
        if (!string.IsNullOrEmpty(request.Group))
        {
            GroupRecord? group = _groups.List().FirstOrDefault(g => g.Name == request.Group);
            if (group is null)
            {
                return Task.FromResult(ConsoleActionResult.Fail("Unknown group."));
            }
            groupId = group.Id;
        }
        (long? id, string? error) = _campaigns.Start(new CampaignRequest(request.Name, imageId, groupId, request.WaveSize, request.FailureThresholdPercent));
        return Task.FromResult(id is null
            ? ConsoleActionResult.Fail(error ?? "The campaign could not start.")
            : ConsoleActionResult.Success("started", id.Value.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public Task<ConsoleActionResult> CampaignActionAsync(string campaignId, ConsoleCampaignAction action, CancellationToken cancellationToken)
    {
        if (!long.TryParse(campaignId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || _campaigns.Get(id) is null)
        {
            return Task.FromResult(ConsoleActionResult.Fail("Unknown campaign."));
        }
        ConsoleActionResult result = action switch
        {
            ConsoleCampaignAction.Pause => _campaigns.Pause(id) ? ConsoleActionResult.Success("paused") : ConsoleActionResult.Fail("Only a running campaign can be paused."),
            ConsoleCampaignAction.Resume => _campaigns.Resume(id) ? ConsoleActionResult.Success("resumed") : ConsoleActionResult.Fail("Only a paused campaign can be resumed."),
            ConsoleCampaignAction.Retry => _campaigns.Retry(id) is int n and > 0
                ? ConsoleActionResult.Success(n.ToString(CultureInfo.InvariantCulture) + " device(s) retried")
                : ConsoleActionResult.Fail("No failed device to retry."),
            ConsoleCampaignAction.Cancel => _campaigns.Cancel(id) ? ConsoleActionResult.Success("cancelled") : ConsoleActionResult.Fail("The campaign is already finished."),
            _ => ConsoleActionResult.Fail("Unknown action."),
        };
        return Task.FromResult(result);
    }

    /// <summary>Device → state in the newest running/paused campaign that has not finished with it.</summary>
    private Dictionary<string, string> ActiveCampaignStates()
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CampaignInfo c in _campaigns.List().Where(c => c.State is CampaignState.Running or CampaignState.Paused))
        {
            foreach (CampaignDevice d in _campaigns.Devices(c.Id))
            {
                if (d.State is CampaignDeviceState.Queued or CampaignDeviceState.Downloading or CampaignDeviceState.Updating or CampaignDeviceState.Failed)
                {
                    states.TryAdd(d.DevId, d.State.ToDisplayText());
                }
            }
        }
        return states;
    }

    private ConsoleDevice ToConsole(DeviceRecord d, Dictionary<string, string> busy)
    {
        string state = busy.TryGetValue(d.DevId, out string? s) ? s : d.LastSeenAt is null ? "never seen" : "idle";
        return new ConsoleDevice(d.DevId, state, d.FirmwareVersion, d.LastSeenAt);
    }

    private static ConsoleImage ToConsole(FirmwareImage i) =>
        new(i.Id.ToString(CultureInfo.InvariantCulture), i.Version, i.ImageSize, i.Sha256, i.Name, i.CreatedAt);

    private static ConsoleCampaign ToConsole(CampaignInfo c) =>
        new(c.Id.ToString(CultureInfo.InvariantCulture), c.Name, c.FirmwareVersion, StateText(c.State), c.Total, c.Updated, c.Failed, c.CreatedAt);

    private static string StateText(CampaignState state) => state switch
    {
        CampaignState.Running => "running",
        CampaignState.Paused => "paused",
        CampaignState.Completed => "completed",
        CampaignState.Cancelled => "cancelled",
        _ => "unknown",
    };

    /// <summary>A JSON string value shows without quotes; anything else as its JSON text.</summary>
    private static string ValueText(string json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}

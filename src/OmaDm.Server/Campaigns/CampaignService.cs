using System.Collections.Concurrent;
using System.Data.Common;
using OmaDm.Server.Commands;
using OmaDm.Server.Repository;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Campaigns;

/// <summary>
/// Firmware campaigns: a group (or every device) updated to one catalogue image in waves. Device
/// states move on statuses and FUMO alerts the session service reports (see
/// <see cref="Dm.IDmSessionObserver"/>); a lost session or a failure is retried until
/// <see cref="CampaignRequest.MaxAttempts"/>; the campaign pauses when the failed share of finished
/// devices exceeds its threshold.
/// </summary>
public sealed partial class CampaignService
{
    /// <summary>FUMO instance prefix used when a request names none: the single instance (empty MIID).</summary>
    public const string DefaultFumoUri = "urn:oma:mo:oma-fumo:1.0/";

    /// <summary>ClientURI of the firmware version leaf, read back after a successful update.</summary>
    public const string FwVUri = "urn:oma:mo:oma-dm-devinfo:1.0//FwV";

    private readonly IServerDatabase _db;
    private readonly DownloadTracker _tracker;
    private readonly ConcurrentQueue<string> _toWake = new();

    /// <summary>Creates the service.</summary>
    public CampaignService(IServerDatabase db, DownloadTracker tracker)
    {
        _db = db;
        _tracker = tracker;
    }

    /// <summary>Raised (outside transactions) for each device that got campaign commands and should be woken up.</summary>
    public event Action<string>? WakeDevice;

    /// <summary>Creates and starts a campaign; returns its id, or an error message.</summary>
    public (long? Id, string? Error) Start(CampaignRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 128)
        {
            return (null, "name required (at most 128 characters)");
        }
        if (request.WaveSize < 0 || request.FailureThresholdPercent is < 0 or > 100 || request.MaxAttempts is < 1 or > 20)
        {
            return (null, "wave size >= 0, failure threshold 0..100 %, attempts 1..20");
        }
        var fumo = request.FumoUri.TrimEnd();
        if (!(fumo.StartsWith("urn:oma:mo:", StringComparison.Ordinal) || fumo.StartsWith("oma:mo:", StringComparison.Ordinal)) || fumo.Count(ch => ch == '/') != 1)
        {
            return (null, "FUMO URI must be MOID/MIID, e.g. " + DefaultFumoUri);
        }
        var result = _db.Write<(long?, string?)>((c, t) =>
        {
            if (Sql.Scalar(c, t, "SELECT 1 FROM firmware WHERE id=@p0", request.FirmwareId) is null)
            {
                return (null, "no such firmware image");
            }
            List<string> devices = request.GroupId is long g
                ? Sql.Query(c, t, "SELECT dev_id FROM group_members WHERE group_id=@p0 ORDER BY dev_id", r => r.GetString(0), g)
                : Sql.Query(c, t, "SELECT dev_id FROM devices ORDER BY dev_id", r => r.GetString(0));
            if (devices.Count == 0)
            {
                return (null, "the target has no devices");
            }
            var now = Sql.Now();
            var id = Convert.ToInt64(Sql.Scalar(c, t,
                "INSERT INTO campaigns (name, group_id, firmware_id, wave_size, failure_threshold_percent, max_attempts, flow, fumo_uri, state, current_wave, created_at, updated_at) " +
                "VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,'Running',0,@p8,@p8) RETURNING id",
                request.Name, request.GroupId, request.FirmwareId, request.WaveSize, request.FailureThresholdPercent, request.MaxAttempts,
                request.Flow.ToString(), fumo, now));
            int size = request.WaveSize == 0 ? devices.Count : request.WaveSize;
            for (int i = 0; i < devices.Count; i++)
            {
                Sql.Exec(c, t, "INSERT INTO campaign_devices (campaign_id, dev_id, wave, state, updated_at) VALUES (@p0,@p1,@p2,'Pending',@p3)",
                    id, devices[i], i / size + 1, now);
            }
            Advance(c, t, id);
            return (id, null);
        });
        FlushWakeUps();
        return result;
    }

    /// <summary>Every campaign, newest first.</summary>
    public IReadOnlyList<CampaignInfo> List() => _db.Read(c => Sql.Query(c, null, SelectCampaign + " ORDER BY c.id DESC", MapCampaign));

    /// <summary>One campaign, or null.</summary>
    public CampaignInfo? Get(long id) => _db.Read(c => Sql.Query(c, null, SelectCampaign + " WHERE c.id=@p0", MapCampaign, id)).FirstOrDefault();

    /// <summary>Each device of a campaign with its state, ordered by wave then DevID; empty when unknown.</summary>
    public IReadOnlyList<CampaignDevice> Devices(long id) => _db.Read(c =>
    {
        var blob = Sql.Scalar(c, null, "SELECT f.blob_name || '|' || f.image_size FROM campaigns c JOIN firmware f ON f.id=c.firmware_id WHERE c.id=@p0", id) as string;
        var parts = blob?.Split('|');
        return Sql.Query(c, null,
            "SELECT cd.dev_id, cd.wave, cd.state, cd.progress, cd.result_code, cd.attempts, d.fw_version, cd.detail, cd.updated_at FROM campaign_devices cd " +
            "JOIN devices d ON d.dev_id=cd.dev_id WHERE cd.campaign_id=@p0 ORDER BY cd.wave, cd.dev_id",
            r =>
            {
                var state = Enum.Parse<CampaignDeviceState>(r.GetString(2));
                int? progress = r.Int(3);
                if (parts is not null && state is CampaignDeviceState.Downloading or CampaignDeviceState.Updating)
                {
                    var served = _tracker.HighestOffset(r.GetString(0), parts[0]);
                    var size = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    if (served is long s && size > 0)
                    {
                        progress = Math.Max(progress ?? 0, (int)Math.Min(100, s * 100 / size));
                    }
                }
                else if (state == CampaignDeviceState.Updated)
                {
                    progress = 100;
                }
                return new CampaignDevice(r.GetString(0), r.I32(1), state, progress, r.Int(4), r.I32(5), r.Str(6), r.Str(7), Sql.Time(r.I64(8)));
            }, id);
    });

    /// <summary>Stops new waves from starting; true when the campaign was running.</summary>
    public bool Pause(long id) => _db.Write((c, t) =>
        Sql.Exec(c, t, "UPDATE campaigns SET state='Paused', note='paused by operator', updated_at=@p1 WHERE id=@p0 AND state='Running'", id, Sql.Now()) > 0);

    /// <summary>Resumes a paused campaign; true when it was paused.</summary>
    public bool Resume(long id)
    {
        var ok = _db.Write((c, t) =>
        {
            if (Sql.Exec(c, t, "UPDATE campaigns SET state='Running', note=NULL, updated_at=@p1 WHERE id=@p0 AND state='Paused'", id, Sql.Now()) == 0)
            {
                return false;
            }
            Advance(c, t, id, ignoreThreshold: true);
            return true;
        });
        FlushWakeUps();
        return ok;
    }

    /// <summary>Retries every failed device (attempts reset) and sets the campaign running; returns how many devices were retried.</summary>
    public int Retry(long id)
    {
        var n = _db.Write((c, t) =>
        {
            var state = Sql.Scalar(c, t, "SELECT state FROM campaigns WHERE id=@p0", id) as string;
            if (state is null || state == nameof(CampaignState.Cancelled))
            {
                return 0;
            }
            var failed = Sql.Query(c, t, "SELECT dev_id FROM campaign_devices WHERE campaign_id=@p0 AND state='Failed'", r => r.GetString(0), id);
            foreach (var dev in failed)
            {
                Sql.Exec(c, t, "UPDATE campaign_devices SET attempts=0, result_code=NULL, progress=NULL, detail='retry requested', updated_at=@p2 WHERE campaign_id=@p0 AND dev_id=@p1", id, dev, Sql.Now());
                StartDevice(c, t, id, dev);
            }
            Sql.Exec(c, t, "UPDATE campaigns SET state='Running', note=NULL, updated_at=@p1 WHERE id=@p0", id, Sql.Now());
            Advance(c, t, id, ignoreThreshold: true);
            return failed.Count;
        });
        FlushWakeUps();
        return n;
    }

    /// <summary>Cancels a campaign: unsent commands are cancelled, unfinished devices marked cancelled; true when it was active.</summary>
    public bool Cancel(long id) => _db.Write((c, t) =>
    {
        if (Sql.Exec(c, t, "UPDATE campaigns SET state='Cancelled', updated_at=@p1 WHERE id=@p0 AND state IN ('Running','Paused')", id, Sql.Now()) == 0)
        {
            return false;
        }
        Sql.Exec(c, t, "UPDATE commands SET state='Cancelled', done_at=@p1 WHERE campaign_id=@p0 AND state='Queued'", id, Sql.Now());
        Sql.Exec(c, t, "UPDATE campaign_devices SET state='Cancelled', detail='campaign cancelled', updated_at=@p1 WHERE campaign_id=@p0 AND state NOT IN ('Updated','Failed')", id, Sql.Now());
        return true;
    });

    private void FlushWakeUps()
    {
        while (_toWake.TryDequeue(out var dev))
        {
            WakeDevice?.Invoke(dev);
        }
    }

    private const string SelectCampaign =
        "SELECT c.id, c.name, c.group_id, c.firmware_id, f.version, c.wave_size, c.failure_threshold_percent, c.max_attempts, c.flow, c.fumo_uri, c.state, c.current_wave, " +
        "(SELECT COALESCE(MAX(wave),0) FROM campaign_devices d WHERE d.campaign_id=c.id), " +
        "(SELECT COUNT(*) FROM campaign_devices d WHERE d.campaign_id=c.id), " +
        "(SELECT COUNT(*) FROM campaign_devices d WHERE d.campaign_id=c.id AND d.state='Updated'), " +
        "(SELECT COUNT(*) FROM campaign_devices d WHERE d.campaign_id=c.id AND d.state='Failed'), c.note, c.created_at, c.updated_at " +
        "FROM campaigns c JOIN firmware f ON f.id=c.firmware_id";

    private static CampaignInfo MapCampaign(DbDataReader r) => new(
        r.I64(0), r.GetString(1), r.Long(2), r.I64(3), r.GetString(4), r.I32(5), r.I32(6), r.I32(7),
        Enum.Parse<FumoFlow>(r.GetString(8)), r.GetString(9), Enum.Parse<CampaignState>(r.GetString(10)), r.I32(11), r.I32(12),
        r.I32(13), r.I32(14), r.I32(15), r.Str(16), Sql.Time(r.I64(17)), Sql.Time(r.I64(18)));
}

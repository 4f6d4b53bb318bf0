using System.Data.Common;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Dm;
using OmaDm.Server.Repository;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Campaigns;

public sealed partial class CampaignService : IDmSessionObserver
{
    /// <summary>Prefix of the FUMO result alert types (download, update, downloadandupdate).</summary>
    public const string FumoAlertPrefix = "org.openmobilealliance.dm.firmwareupdate.";

    private sealed record Active(long CampaignId, string DevId, CampaignDeviceState State, int Attempts, int MaxAttempts, long? FirstCommandId,
        string? Correlator, FumoFlow Flow, string FumoUri);

    /// <inheritdoc />
    public void OnAlert(DbConnection c, DbTransaction t, string devId, DmAlert alert)
    {
        if (!alert.AlertType.StartsWith(FumoAlertPrefix, StringComparison.Ordinal))
        {
            return;
        }
        var kind = alert.AlertType[FumoAlertPrefix.Length..];
        var active = (alert.Correlator is null ? null : FindActive(c, t, devId, "cd.correlator=@p1", alert.Correlator))
            ?? FindActive(c, t, devId, "cd.state IN ('Queued','Downloading','Updating') AND @p1 = @p1", "");
        if (active is null || IsFinal(active.State))
        {
            return;
        }
        var code = alert.ResultCode;
        bool final = kind == "update" || kind == "downloadandupdate";
        if (code is >= 200 and < 300)
        {
            if (!final)
            {
                SetState(c, t, active, CampaignDeviceState.Updating, code, "downloaded");
                return;
            }
            SetState(c, t, active, CampaignDeviceState.Updated, code, "FUMO reported " + code);
            CommandQueue.Insert(c, t, devId, ["GET", FwVUri], "campaign:" + active.CampaignId, active.CampaignId);
            Advance(c, t, active.CampaignId);
            return;
        }
        Fail(c, t, active, code, $"FUMO {kind} alert result {alert.Data}");
    }

    /// <inheritdoc />
    public void OnStatus(DbConnection c, DbTransaction t, string devId, long commandId, long? campaignId, IReadOnlyList<string> command, int statusCode, JsonElement status)
    {
        if (command[0] == "GET" && statusCode == 200)
        {
            RecordReportedProgress(c, t, devId, status);
        }
        if (campaignId is not long id)
        {
            return;
        }
        var active = FindActive(c, t, devId, "cd.campaign_id=@p1", id);
        if (active is null || IsFinal(active.State) || commandId < (active.FirstCommandId ?? long.MaxValue))
        {
            return; // a status of an earlier attempt, or of the FwV read-back
        }
        bool ok = statusCode is 200 or 202;
        if (!ok)
        {
            Fail(c, t, active, statusCode, $"{command[0]} answered {statusCode}");
            return;
        }
        var target = command.Count > 1 ? command[^1] : "";
        if (command[0] == "HGET" && target.EndsWith("/Update/PkgData", StringComparison.Ordinal))
        {
            SetState(c, t, active, CampaignDeviceState.Updating, null, "image in the slot");
            CommandQueue.Insert(c, t, devId, ["EXEC", active.FumoUri + "/Update", "", active.Correlator ?? ""], "campaign:" + id, id);
        }
        else if (command[0] == "HGET")
        {
            SetState(c, t, active, CampaignDeviceState.Downloading, null, "package URL set");
        }
        else if (command[0] == "EXEC")
        {
            var next = active.Flow == FumoFlow.Update ? CampaignDeviceState.Updating : CampaignDeviceState.Downloading;
            SetState(c, t, active, next, null, "EXEC accepted (" + statusCode + ")");
        }
    }

    /// <summary>A GET of FUMO <c>Ext/Progress</c> (any queue source) updates the active campaign device's % done.</summary>
    private static void RecordReportedProgress(DbConnection c, DbTransaction t, string devId, JsonElement status)
    {
        if (!status.TryGetProperty("URI", out var uris) || !status.TryGetProperty("Data", out var data))
        {
            return;
        }
        for (int i = 0; i < uris.GetArrayLength() && i < data.GetArrayLength(); i++)
        {
            if (uris[i].GetString() is { } uri && uri.EndsWith("/Ext/Progress", StringComparison.Ordinal)
                && (uri.StartsWith("urn:oma:mo:oma-fumo:", StringComparison.Ordinal) || uri.StartsWith("oma:mo:oma-fumo:", StringComparison.Ordinal))
                && data[i].ValueKind == JsonValueKind.Number && data[i].TryGetInt32(out var percent) && percent is >= 0 and <= 100)
            {
                Sql.Exec(c, t,
                    "UPDATE campaign_devices SET progress=@p1, updated_at=@p2 WHERE dev_id=@p0 AND state IN ('Downloading','Updating') " +
                    "AND campaign_id IN (SELECT id FROM campaigns WHERE state IN ('Running','Paused'))", devId, percent, Sql.Now());
            }
        }
    }

    /// <inheritdoc />
    public void OnCommandLost(DbConnection c, DbTransaction t, string devId, long commandId, long? campaignId)
    {
        if (campaignId is not long id)
        {
            return;
        }
        var active = FindActive(c, t, devId, "cd.campaign_id=@p1", id);
        if (active is null || IsFinal(active.State) || commandId < (active.FirstCommandId ?? long.MaxValue))
        {
            return;
        }
        Fail(c, t, active, null, "session ended before the device answered");
    }

    /// <inheritdoc />
    public void AfterPackage(string devId) => FlushWakeUps();

    private void Fail(DbConnection c, DbTransaction t, Active active, int? code, string detail)
    {
        // Drop whatever of this attempt is still unsent (e.g. the EXEC after a failed HGET).
        Sql.Exec(c, t, "UPDATE commands SET state='Cancelled', done_at=@p2 WHERE campaign_id=@p0 AND dev_id=@p1 AND state='Queued'",
            active.CampaignId, active.DevId, Sql.Now());
        if (active.Attempts < active.MaxAttempts && CampaignIsActive(c, t, active.CampaignId))
        {
            Sql.Exec(c, t, "UPDATE campaign_devices SET result_code=@p2, detail=@p3 WHERE campaign_id=@p0 AND dev_id=@p1",
                active.CampaignId, active.DevId, code, detail + "; retrying");
            StartDevice(c, t, active.CampaignId, active.DevId);
            return;
        }
        SetState(c, t, active, CampaignDeviceState.Failed, code, detail);
        Advance(c, t, active.CampaignId);
    }

    private void StartDevice(DbConnection c, DbTransaction t, long campaignId, string devId)
    {
        var row = Sql.Query(c, t,
            "SELECT c.flow, c.fumo_uri, f.blob_name, cd.attempts FROM campaigns c JOIN firmware f ON f.id=c.firmware_id JOIN campaign_devices cd ON cd.campaign_id=c.id " +
            "WHERE c.id=@p0 AND cd.dev_id=@p1",
            r => (Flow: Enum.Parse<FumoFlow>(r.GetString(0)), Fumo: r.GetString(1), Blob: r.GetString(2), Attempts: r.I32(3)), campaignId, devId).First();
        int attempt = row.Attempts + 1;
        var source = "campaign:" + campaignId;
        var devQuery = "?" + RepositoryEndpoints.DeviceQuery + "=" + Uri.EscapeDataString(devId);
        long first;
        if (row.Flow == FumoFlow.Update)
        {
            first = CommandQueue.Insert(c, t, devId, ["HGET", DmCommands.RepoPlaceholder + "/repo/blobs/" + row.Blob + devQuery, row.Fumo + "/Update/PkgData"], source, campaignId);
        }
        else
        {
            first = CommandQueue.Insert(c, t, devId, ["HGET", DmCommands.RepoPlaceholder + "/repo/fwurl/" + row.Blob + devQuery, row.Fumo + "/DownloadAndUpdate/PkgURL"], source, campaignId);
            CommandQueue.Insert(c, t, devId, ["EXEC", row.Fumo + "/DownloadAndUpdate", "", Correlator(campaignId, first)], source, campaignId);
        }
        var correlator = Correlator(campaignId, first);
        Sql.Exec(c, t,
            "UPDATE campaign_devices SET state='Queued', attempts=@p2, correlator=@p3, first_command_id=@p4, progress=NULL, updated_at=@p5 WHERE campaign_id=@p0 AND dev_id=@p1",
            campaignId, devId, attempt, correlator, first, Sql.Now());
        _toWake.Enqueue(devId);
    }

    // Unique per attempt (the first command id of the attempt): an alert of an older attempt never matches.
    private static string Correlator(long campaignId, long firstCommandId) => "c" + campaignId + "-" + firstCommandId;

    private void Advance(DbConnection c, DbTransaction t, long campaignId, bool ignoreThreshold = false)
    {
        var campaign = Sql.Query(c, t, "SELECT state, current_wave, failure_threshold_percent FROM campaigns WHERE id=@p0",
            r => (State: r.GetString(0), Wave: r.I32(1), Threshold: r.I32(2)), campaignId).FirstOrDefault();
        if (campaign.State != nameof(CampaignState.Running))
        {
            return;
        }
        var counts = Sql.Query(c, t, "SELECT state, COUNT(*) FROM campaign_devices WHERE campaign_id=@p0 GROUP BY state",
            r => (State: r.GetString(0), Count: r.I32(1)), campaignId).ToDictionary(x => x.State, x => x.Count);
        int failed = counts.GetValueOrDefault(nameof(CampaignDeviceState.Failed));
        int finished = failed + counts.GetValueOrDefault(nameof(CampaignDeviceState.Updated));
        if (!ignoreThreshold && failed > 0 && failed * 100 > campaign.Threshold * finished)
        {
            Sql.Exec(c, t, "UPDATE campaigns SET state='Paused', note=@p1, updated_at=@p2 WHERE id=@p0",
                campaignId, $"failure threshold {campaign.Threshold}% crossed: {failed} of {finished} finished devices failed", Sql.Now());
            return;
        }
        int wave = campaign.Wave;
        while (true)
        {
            bool waveOpen = wave > 0 && Sql.Scalar(c, t,
                "SELECT 1 FROM campaign_devices WHERE campaign_id=@p0 AND wave<=@p1 AND state NOT IN ('Updated','Failed','Cancelled')", campaignId, wave) is not null;
            if (waveOpen)
            {
                break;
            }
            var next = Sql.Query(c, t, "SELECT dev_id FROM campaign_devices WHERE campaign_id=@p0 AND wave=@p1 AND state='Pending' ORDER BY dev_id",
                r => r.GetString(0), campaignId, wave + 1);
            if (next.Count == 0)
            {
                bool anyLater = Sql.Scalar(c, t, "SELECT 1 FROM campaign_devices WHERE campaign_id=@p0 AND wave>@p1", campaignId, wave + 1) is not null;
                if (!anyLater)
                {
                    Sql.Exec(c, t, "UPDATE campaigns SET state='Completed', current_wave=@p1, updated_at=@p2 WHERE id=@p0", campaignId, Math.Max(wave, 1), Sql.Now());
                    return;
                }
                wave++;
                continue;
            }
            wave++;
            foreach (var dev in next)
            {
                StartDevice(c, t, campaignId, dev);
            }
        }
        Sql.Exec(c, t, "UPDATE campaigns SET current_wave=@p1, updated_at=@p2 WHERE id=@p0", campaignId, wave, Sql.Now());
    }

    private static Active? FindActive(DbConnection c, DbTransaction t, string devId, string condition, object? arg) =>
        Sql.Query(c, t,
            "SELECT cd.campaign_id, cd.dev_id, cd.state, cd.attempts, c.max_attempts, cd.first_command_id, cd.correlator, c.flow, c.fumo_uri " +
            "FROM campaign_devices cd JOIN campaigns c ON c.id=cd.campaign_id WHERE cd.dev_id=@p0 AND c.state IN ('Running','Paused','Completed') AND " + condition +
            " ORDER BY cd.campaign_id DESC LIMIT 1",
            r => new Active(r.I64(0), r.GetString(1), Enum.Parse<CampaignDeviceState>(r.GetString(2)), r.I32(3), r.I32(4), r.Long(5),
                r.Str(6), Enum.Parse<FumoFlow>(r.GetString(7)), r.GetString(8)), devId, arg).FirstOrDefault();

    private static bool CampaignIsActive(DbConnection c, DbTransaction t, long campaignId) =>
        Sql.Scalar(c, t, "SELECT 1 FROM campaigns WHERE id=@p0 AND state IN ('Running','Paused')", campaignId) is not null;

    private static bool IsFinal(CampaignDeviceState s) =>
        s is CampaignDeviceState.Updated or CampaignDeviceState.Failed or CampaignDeviceState.Cancelled or CampaignDeviceState.Pending;

    private static void SetState(DbConnection c, DbTransaction t, Active active, CampaignDeviceState state, int? code, string detail) =>
        Sql.Exec(c, t, "UPDATE campaign_devices SET state=@p2, result_code=COALESCE(@p3, result_code), detail=@p4, updated_at=@p5 WHERE campaign_id=@p0 AND dev_id=@p1",
            active.CampaignId, active.DevId, state.ToString(), code, detail, Sql.Now());
}

using System.Data.Common;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Dm;

public sealed partial class DmSessionService
{
    private static bool TryReadPackage1(JsonElement root, out string? mosJson, out List<DmAlert> alerts, out string error)
    {
        mosJson = null;
        alerts = [];
        error = "";
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "Package#1 must be a JSON object";
            return false;
        }
        if (root.TryGetProperty("MOS", out var mos))
        {
            if (mos.ValueKind != JsonValueKind.Array || mos.GetArrayLength() > MaxMosEntries)
            {
                error = "MOS must be an array of at most " + MaxMosEntries + " objects";
                return false;
            }
            foreach (var entry in mos.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("MOID", out var moid) || moid.ValueKind != JsonValueKind.String)
                {
                    error = "each MOS entry must be an object with a string MOID";
                    return false;
                }
                if (entry.TryGetProperty("MIID", out var miid) && (miid.ValueKind != JsonValueKind.Array || miid.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String)))
                {
                    error = "MIID must be an array of strings";
                    return false;
                }
            }
            mosJson = mos.GetRawText();
        }
        return TryReadAlerts(root, alerts, ref error);
    }

    private static bool TryReadPackage3(JsonElement root, out List<JsonElement> statuses, out List<DmAlert> alerts, out string error)
    {
        statuses = [];
        alerts = [];
        error = "";
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Status", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            error = "Package#3 must be an object with a Status array";
            return false;
        }
        foreach (var s in list.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object || !s.TryGetProperty("sc", out var sc) || sc.ValueKind != JsonValueKind.Number || !sc.TryGetInt32(out var code) || code < 100 || code > 999)
            {
                error = "each status must be an object with an integer sc";
                return false;
            }
            bool hasUri = s.TryGetProperty("URI", out var uris);
            bool hasData = s.TryGetProperty("Data", out var data);
            if ((hasUri && uris.ValueKind != JsonValueKind.Array) || (hasData && data.ValueKind != JsonValueKind.Array)
                || (hasUri && uris.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String))
                || (hasUri && hasData && uris.GetArrayLength() != data.GetArrayLength()))
            {
                error = "URI and Data must be parallel arrays, URI of strings";
                return false;
            }
            statuses.Add(s);
        }
        return TryReadAlerts(root, alerts, ref error);
    }

    private static bool TryReadAlerts(JsonElement root, List<DmAlert> alerts, ref string error)
    {
        if (!root.TryGetProperty("Alert", out var list))
        {
            return true;
        }
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxAlertsPerPackage)
        {
            error = "Alert must be an array of at most " + MaxAlertsPerPackage + " objects";
            return false;
        }
        foreach (var a in list.EnumerateArray())
        {
            if (!DmAlert.TryParse(a, out var alert))
            {
                error = "each alert must be an object with a string AlertType and string fields";
                return false;
            }
            alerts.Add(alert);
        }
        return true;
    }

    private void RecordAlerts(DbConnection c, DbTransaction t, string devId, long sessionId, IEnumerable<DmAlert> alerts)
    {
        foreach (var a in alerts)
        {
            // At-least-once delivery (PROTOCOL §6): a repeat with the same correlator is kept for the record but not acted on twice.
            bool duplicate = a.Correlator is not null && Sql.Scalar(c, t,
                "SELECT 1 FROM alerts WHERE dev_id=@p0 AND alert_type=@p1 AND COALESCE(source_uri,'')=COALESCE(@p2,'') AND correlator=@p3 AND duplicate=0",
                devId, a.AlertType, a.SourceUri, a.Correlator) is not null;
            Sql.Exec(c, t,
                "INSERT INTO alerts (dev_id, session_id, received_at, alert_type, source_uri, target_uri, mark, data_type, data, correlator, duplicate) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10)",
                devId, sessionId, Sql.Now(), a.AlertType, a.SourceUri, a.TargetUri, a.Mark, a.DataType, a.Data, a.Correlator, duplicate ? 1 : 0);
            if (!duplicate)
            {
                foreach (var o in _observers)
                {
                    o.OnAlert(c, t, devId, a);
                }
            }
        }
    }

    private void RecordStatus(DbConnection c, DbTransaction t, string devId, long commandId, JsonElement status)
    {
        var row = Sql.Query(c, t, "SELECT cmd_json, campaign_id FROM commands WHERE id=@p0 AND dev_id=@p1",
            r => (Command: JsonSerializer.Deserialize<string[]>(r.GetString(0))!, CampaignId: r.Long(1)), commandId, devId).FirstOrDefault();
        if (row.Command is null)
        {
            return;
        }
        int sc = status.GetProperty("sc").GetInt32();
        CommandQueue.Complete(c, t, commandId, sc, status.GetRawText());
        if (sc == 200 && status.TryGetProperty("URI", out var uris) && status.TryGetProperty("Data", out var data))
        {
            int n = Math.Min(uris.GetArrayLength(), MaxResultsPerStatus);
            for (int i = 0; i < n; i++)
            {
                var uri = uris[i].GetString()!;
                var value = data[i];
                DeviceRegistry.RecordMoValue(c, t, devId, uri, value.GetRawText());
                RecordDevInfo(c, t, devId, uri, value);
            }
        }
        foreach (var o in _observers)
        {
            o.OnStatus(c, t, devId, commandId, row.CampaignId, row.Command, sc, status);
        }
    }

    private static void RecordDevInfo(DbConnection c, DbTransaction t, string devId, string uri, JsonElement value)
    {
        var moid = DmMediaTypes.DevInfoMoid;
        var rest = uri.StartsWith(moid + "/", StringComparison.Ordinal) ? uri[(moid.Length + 1)..]
            : uri.StartsWith(moid[4..] + "/", StringComparison.Ordinal) ? uri[(moid.Length - 3)..] : null;
        if (rest is null)
        {
            return;
        }
        var slash = rest.IndexOf('/');
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        if (path.Length == 0 && value.ValueKind == JsonValueKind.Object)
        {
            string? fwv = value.TryGetProperty("FwV", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            DeviceRegistry.RecordDevInfo(c, t, devId, value.GetRawText(), fwv);
        }
        else if (path == "FwV" && value.ValueKind == JsonValueKind.String)
        {
            DeviceRegistry.RecordDevInfo(c, t, devId, null, value.GetString());
        }
    }
}

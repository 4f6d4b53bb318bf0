using OmaDm.Server.Storage;

namespace OmaDm.Server.Dm;

/// <summary>Read side of sessions and alerts, per device (console device page, admin API).</summary>
public sealed class SessionHistory
{
    private readonly IServerDatabase _db;

    /// <summary>Creates the service.</summary>
    public SessionHistory(IServerDatabase db) => _db = db;

    /// <summary>A device's sessions, newest first.</summary>
    public IReadOnlyList<SessionRecord> Sessions(string devId, int limit = 50) => _db.Read(c => Sql.Query(c, null,
        "SELECT id, dev_id, started_at, ended_at, state, trigger_alert, packages, statuses, remote_address, note FROM sessions WHERE dev_id=@p0 ORDER BY id DESC LIMIT @p1",
        r => new SessionRecord(r.I64(0), r.GetString(1), Sql.Time(r.I64(2)), r.Long(3) is long e ? Sql.Time(e) : null, r.GetString(4), r.Str(5),
            r.I32(6), r.I32(7), r.Str(8), r.Str(9)), devId, limit));

    /// <summary>A device's alerts, newest first.</summary>
    public IReadOnlyList<AlertRecord> Alerts(string devId, int limit = 100) => _db.Read(c => Sql.Query(c, null,
        "SELECT id, dev_id, session_id, received_at, alert_type, source_uri, target_uri, mark, data_type, data, correlator, duplicate FROM alerts WHERE dev_id=@p0 ORDER BY id DESC LIMIT @p1",
        r => new AlertRecord(r.I64(0), r.GetString(1), r.Long(2), Sql.Time(r.I64(3)),
            new DmAlert(r.GetString(4), r.Str(5), r.Str(6), r.Str(7), r.Str(8), r.Str(9), r.Str(10)), r.I64(11) != 0), devId, limit));

    /// <summary>Fleet counters for the status endpoint.</summary>
    public (int Devices, int OpenSessions, long Sessions, int QueuedCommands) Counters() => _db.Read(c => (
        Convert.ToInt32(Sql.Scalar(c, null, "SELECT COUNT(*) FROM devices")),
        Convert.ToInt32(Sql.Scalar(c, null, "SELECT COUNT(*) FROM sessions WHERE state='open'")),
        Convert.ToInt64(Sql.Scalar(c, null, "SELECT COUNT(*) FROM sessions")),
        Convert.ToInt32(Sql.Scalar(c, null, "SELECT COUNT(*) FROM commands WHERE state='Queued'"))));
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Dm;

/// <summary>
/// The server side of a DM session (docs/PROTOCOL.md §2-5) for an already authenticated device:
/// records what a Package#1/#3 carries and builds the next Package#2 from the device's queue.
/// Every package is one write transaction; packages of one device are serialised.
/// </summary>
public sealed partial class DmSessionService
{
    /// <summary>Most MOS entries accepted in a Package#1.</summary>
    public const int MaxMosEntries = 256;

    /// <summary>Most alerts accepted in one package (the client sends at most 16 + the start alert).</summary>
    public const int MaxAlertsPerPackage = 64;

    /// <summary>Most URI/Data pairs stored from one GET status (a wildcard GET can match many instances).</summary>
    public const int MaxResultsPerStatus = 1024;

    private readonly IServerDatabase _db;
    private readonly ServerOptions _options;
    private readonly IEnumerable<IDmSessionObserver> _observers;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _deviceLocks = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public DmSessionService(IServerDatabase db, ServerOptions options, IEnumerable<IDmSessionObserver> observers)
    {
        _db = db;
        _options = options;
        _observers = observers;
    }

    /// <summary>Handles a Package#1 body from an authenticated device; <paramref name="repoBase"/> replaces <c>${repo}</c>.</summary>
    public async Task<PackageOutcome> HandlePackage1Async(string devId, JsonElement root, string? remoteAddress, string repoBase)
    {
        if (!TryReadPackage1(root, out var mosJson, out var alerts, out var error))
        {
            return PackageOutcome.Reject(400, error);
        }
        var gate = _deviceLocks.GetOrAdd(devId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var outcome = _db.Write((c, t) =>
            {
                foreach (var open in Sql.Query(c, t, "SELECT id FROM sessions WHERE dev_id=@p0 AND state='open'", r => r.I64(0), devId))
                {
                    AbortSession(c, t, devId, open, "replaced by a new Package#1");
                }
                var trigger = alerts.Count > 0 && DmMediaTypes.IsSessionStart(alerts[0].AlertType) ? alerts[0] : null;
                var sessionId = Convert.ToInt64(Sql.Scalar(c, t,
                    "INSERT INTO sessions (dev_id, started_at, state, trigger_alert, remote_address, note) VALUES (@p0,@p1,'open',@p2,@p3,@p4) RETURNING id",
                    devId, Sql.Now(), trigger?.AlertType, remoteAddress, trigger?.Data));
                DeviceRegistry.RecordSeen(c, t, devId, remoteAddress);
                if (mosJson is not null)
                {
                    DeviceRegistry.RecordMos(c, t, devId, mosJson);
                }
                RecordAlerts(c, t, devId, sessionId, trigger is null ? alerts : alerts.Skip(1));
                QueueDevInfoWhenUnknown(c, t, devId);
                return NextPackage(c, t, devId, sessionId, repoBase, packagesSoFar: 0);
            });
            NotifyAfter(devId);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Handles a Package#3 body from an authenticated device.</summary>
    public async Task<PackageOutcome> HandlePackage3Async(string devId, JsonElement root, string? remoteAddress, string repoBase)
    {
        if (!TryReadPackage3(root, out var statuses, out var alerts, out var error))
        {
            return PackageOutcome.Reject(400, error);
        }
        var gate = _deviceLocks.GetOrAdd(devId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var outcome = _db.Write((c, t) =>
            {
                var session = Sql.Query(c, t, "SELECT id, pending_json, packages FROM sessions WHERE dev_id=@p0 AND state='open' ORDER BY id DESC LIMIT 1",
                    r => (Id: r.I64(0), Pending: r.Str(1), Packages: r.I32(2)), devId).FirstOrDefault();
                if (session.Pending is null)
                {
                    return PackageOutcome.Reject(409, "no open session for this device: start with a Package#1");
                }
                DeviceRegistry.RecordSeen(c, t, devId, remoteAddress);
                var pending = JsonSerializer.Deserialize<long[]>(session.Pending) ?? [];
                int matched = Math.Min(pending.Length, statuses.Count);
                for (int i = 0; i < matched; i++)
                {
                    RecordStatus(c, t, devId, pending[i], statuses[i]);
                }
                Sql.Exec(c, t, "UPDATE sessions SET statuses = statuses + @p1 WHERE id=@p0", session.Id, matched);
                RecordAlerts(c, t, devId, session.Id, alerts);
                if (statuses.Count != pending.Length)
                {
                    AbortSession(c, t, devId, session.Id, $"Package#3 carried {statuses.Count} statuses for {pending.Length} commands");
                    return PackageOutcome.Reject(400, $"expected {pending.Length} statuses, got {statuses.Count}");
                }
                return NextPackage(c, t, devId, session.Id, repoBase, session.Packages);
            });
            NotifyAfter(devId);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Aborts sessions whose last package is older than <paramref name="idle"/> (the device reset or
    /// lost its network): their unanswered commands become Lost, so campaigns retry them and the
    /// open-session count stays true. Returns how many sessions were aborted.
    /// </summary>
    public int SweepStaleSessions(TimeSpan idle)
    {
        var cutoff = Sql.Now() - (long)idle.TotalMilliseconds;
        var stale = _db.Read(c => Sql.Query(c, null,
            "SELECT s.id, s.dev_id FROM sessions s WHERE s.state='open' AND s.started_at <= @p0 AND NOT EXISTS " +
            "(SELECT 1 FROM commands m WHERE m.session_id=s.id AND m.sent_at > @p0)",
            r => (Id: r.I64(0), DevId: r.GetString(1)), cutoff));
        int aborted = 0;
        foreach (var (id, devId) in stale)
        {
            var gate = _deviceLocks.GetOrAdd(devId, _ => new SemaphoreSlim(1, 1));
            gate.Wait();
            try
            {
                aborted += _db.Write((c, t) =>
                {
                    if (Sql.Scalar(c, t, "SELECT 1 FROM sessions WHERE id=@p0 AND state='open'", id) is null)
                    {
                        return 0; // a package arrived meanwhile and closed or replaced it
                    }
                    AbortSession(c, t, devId, id, "no package for " + (int)idle.TotalMinutes + " min");
                    return 1;
                });
            }
            finally
            {
                gate.Release();
            }
            NotifyAfter(devId);
        }
        return aborted;
    }

    private PackageOutcome NextPackage(DbConnection c, DbTransaction t, string devId, long sessionId, string repoBase, int packagesSoFar)
    {
        var commands = packagesSoFar >= _options.MaxPackagesPerSession
            ? []
            : CommandQueue.TakeForPackage(c, t, devId, sessionId, _options.MaxCommandsPerPackage);
        bool ended = commands.Count == 0 || commands[^1].Command[0] == "END";
        var expecting = commands.Where(x => x.Command[0] != "END").Select(x => x.Id).ToArray();
        if (ended)
        {
            // Statuses of commands sent with END never come back (PROTOCOL §3.3): END travels alone, so this is empty.
            Sql.Exec(c, t, "UPDATE sessions SET state='ended', ended_at=@p1, packages=packages+1, pending_json=NULL WHERE id=@p0", sessionId, Sql.Now());
            foreach (var id in expecting)
            {
                Sql.Exec(c, t, "UPDATE commands SET state='Lost', done_at=@p1 WHERE id=@p0", id, Sql.Now());
            }
        }
        else
        {
            Sql.Exec(c, t, "UPDATE sessions SET packages=packages+1, pending_json=@p1 WHERE id=@p0", sessionId, JsonSerializer.Serialize(expecting));
        }
        var body = WritePackage2(commands.Select(x => x.Command), ended && (commands.Count == 0 || commands[^1].Command[0] != "END"), repoBase);
        return new PackageOutcome(200, body, null, ended);
    }

    private static byte[] WritePackage2(IEnumerable<string[]> commands, bool appendEnd, string repoBase)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("CMD");
            foreach (var command in commands)
            {
                w.WriteStartArray();
                foreach (var arg in command)
                {
                    w.WriteStringValue(arg.Replace(DmCommands.RepoPlaceholder, repoBase, StringComparison.Ordinal));
                }
                w.WriteEndArray();
            }
            if (appendEnd)
            {
                w.WriteStartArray();
                w.WriteStringValue("END");
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private void AbortSession(DbConnection c, DbTransaction t, string devId, long sessionId, string reason)
    {
        Sql.Exec(c, t, "UPDATE sessions SET state='aborted', ended_at=@p1, note=@p2, pending_json=NULL WHERE id=@p0", sessionId, Sql.Now(), reason);
        foreach (var (id, campaignId) in CommandQueue.MarkLost(c, t, sessionId))
        {
            foreach (var o in _observers)
            {
                o.OnCommandLost(c, t, devId, id, campaignId);
            }
        }
    }

    private void NotifyAfter(string devId)
    {
        foreach (var o in _observers)
        {
            o.AfterPackage(devId);
        }
    }

    private static void QueueDevInfoWhenUnknown(DbConnection c, DbTransaction t, string devId)
    {
        bool known = Sql.Scalar(c, t, "SELECT 1 FROM devices WHERE dev_id=@p0 AND devinfo_json IS NOT NULL", devId) is not null;
        bool queued = Sql.Scalar(c, t, "SELECT 1 FROM commands WHERE dev_id=@p0 AND source='server' AND state='Queued'", devId) is not null;
        if (!known && !queued)
        {
            CommandQueue.Insert(c, t, devId, ["GET", DmMediaTypes.DevInfoMoid + "/*"], "server", null);
        }
    }
}

using System.Data.Common;
using System.Text.Json;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Commands;

/// <summary>
/// Per-device command queues. Commands are sent in queue order in the device's next session;
/// each one's status (and GET results) is stored on the command row. Group commands fan out to
/// one row per member at queue time.
/// </summary>
public sealed class CommandQueue
{
    private readonly IServerDatabase _db;

    /// <summary>Creates the queue over <paramref name="db"/>.</summary>
    public CommandQueue(IServerDatabase db) => _db = db;

    /// <summary>Raised after commands were queued for a device (the notification sender wakes it up).</summary>
    public event Action<string>? Queued;

    /// <summary>Queues a command for one device; null when the device is unknown. Throws ArgumentException when the command is malformed.</summary>
    public long? Enqueue(string devId, IReadOnlyList<string> command, string source = "admin", long? campaignId = null)
    {
        Validate(command);
        var id = _db.Write((c, t) =>
            Sql.Scalar(c, t, "SELECT 1 FROM devices WHERE dev_id=@p0", devId) is null ? (long?)null : Insert(c, t, devId, command, source, campaignId));
        if (id is not null)
        {
            Queued?.Invoke(devId);
        }
        return id;
    }

    /// <summary>Queues a command for every member of a group; returns the command ids (empty when the group is empty or unknown).</summary>
    public IReadOnlyList<long> EnqueueForGroup(long groupId, IReadOnlyList<string> command)
    {
        Validate(command);
        var created = _db.Write((c, t) =>
        {
            var members = Sql.Query(c, t, "SELECT dev_id FROM group_members WHERE group_id=@p0 ORDER BY dev_id", r => r.GetString(0), groupId);
            return members.Select(m => (m, Insert(c, t, m, command, "group:" + groupId, null))).ToList();
        });
        foreach (var (dev, _) in created)
        {
            Queued?.Invoke(dev);
        }
        return created.Select(x => x.Item2).ToList();
    }

    /// <summary>A device's commands, newest first, optionally only one state; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<QueuedCommand> List(string devId, CommandState? state = null, int limit = 200) =>
        _db.Read(c => Sql.Query(c, null,
            Select + " WHERE dev_id=@p0 AND " + (state is null ? "@p1 = @p1" : "state=@p1") + " ORDER BY id DESC LIMIT @p2", Map, devId, state?.ToString() ?? "", limit));

    /// <summary>One command, or null.</summary>
    public QueuedCommand? Get(long id) => _db.Read(c => Sql.Query(c, null, Select + " WHERE id=@p0", Map, id)).FirstOrDefault();

    /// <summary>Commands a campaign queued, oldest first.</summary>
    public IReadOnlyList<QueuedCommand> ListForCampaign(long campaignId) =>
        _db.Read(c => Sql.Query(c, null, Select + " WHERE campaign_id=@p0 ORDER BY id", Map, campaignId));

    /// <summary>Cancels a command that was not sent yet; true when cancelled.</summary>
    public bool Cancel(long id) => _db.Write((c, t) =>
        Sql.Exec(c, t, "UPDATE commands SET state='Cancelled', done_at=@p1 WHERE id=@p0 AND state='Queued'", id, Sql.Now()) > 0);

    /// <summary>Number of queued (unsent) commands for a device.</summary>
    public int PendingCount(string devId) =>
        Convert.ToInt32(_db.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM commands WHERE dev_id=@p0 AND state='Queued'", devId)));

    internal static long Insert(DbConnection c, DbTransaction t, string devId, IReadOnlyList<string> command, string source, long? campaignId) =>
        Convert.ToInt64(Sql.Scalar(c, t,
            "INSERT INTO commands (dev_id, cmd_json, state, source, campaign_id, created_at) VALUES (@p0,@p1,'Queued',@p2,@p3,@p4) RETURNING id",
            devId, JsonSerializer.Serialize(command), source, campaignId, Sql.Now()));

    /// <summary>Takes the next queued commands for a Package#2: up to <paramref name="max"/>, stopping before END (END travels alone).</summary>
    internal static List<(long Id, string[] Command, long? CampaignId)> TakeForPackage(DbConnection c, DbTransaction t, string devId, long sessionId, int max)
    {
        var rows = Sql.Query(c, t, "SELECT id, cmd_json, campaign_id FROM commands WHERE dev_id=@p0 AND state='Queued' ORDER BY id LIMIT @p1",
            r => (Id: r.I64(0), Command: JsonSerializer.Deserialize<string[]>(r.GetString(1))!, CampaignId: r.Long(2)), devId, max);
        var taken = new List<(long, string[], long?)>();
        foreach (var row in rows)
        {
            if (row.Command[0] == "END" && taken.Count > 0)
            {
                break;
            }
            taken.Add(row);
            var isEnd = row.Command[0] == "END";
            Sql.Exec(c, t, "UPDATE commands SET state=@p1, session_id=@p2, sent_at=@p3, done_at=@p4 WHERE id=@p0",
                row.Id, isEnd ? nameof(CommandState.Done) : nameof(CommandState.Sent), sessionId, Sql.Now(), isEnd ? Sql.Now() : null);
            if (isEnd)
            {
                break;
            }
        }
        return taken;
    }

    internal static void Complete(DbConnection c, DbTransaction t, long id, int statusCode, string statusJson) =>
        Sql.Exec(c, t, "UPDATE commands SET state='Done', status_code=@p1, status_json=@p2, done_at=@p3 WHERE id=@p0 AND state='Sent'",
            id, statusCode, statusJson, Sql.Now());

    /// <summary>Marks every command still waiting for a status in a session as lost; returns them.</summary>
    internal static List<(long Id, long? CampaignId)> MarkLost(DbConnection c, DbTransaction t, long sessionId)
    {
        var lost = Sql.Query(c, t, "SELECT id, campaign_id FROM commands WHERE session_id=@p0 AND state='Sent'", r => (r.I64(0), r.Long(1)), sessionId);
        Sql.Exec(c, t, "UPDATE commands SET state='Lost', done_at=@p1 WHERE session_id=@p0 AND state='Sent'", sessionId, Sql.Now());
        return lost;
    }

    private static void Validate(IReadOnlyList<string> command)
    {
        if (!DmCommands.TryValidate(command, out var error))
        {
            throw new ArgumentException(error, nameof(command));
        }
    }

    private const string Select = "SELECT id, dev_id, cmd_json, state, source, campaign_id, session_id, status_code, status_json, created_at, sent_at, done_at FROM commands";

    private static QueuedCommand Map(DbDataReader r) => new(
        r.I64(0), r.GetString(1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!, Enum.Parse<CommandState>(r.GetString(3)),
        r.GetString(4), r.Long(5), r.Long(6), r.Int(7), r.Str(8), Sql.Time(r.I64(9)),
        r.Long(10) is long s ? Sql.Time(s) : null, r.Long(11) is long d ? Sql.Time(d) : null);
}

using OmaDm.Server.Storage;

namespace OmaDm.Server.Devices;

/// <summary>Groups of devices.</summary>
public sealed class GroupService
{
    /// <summary>Longest group name (characters).</summary>
    public const int MaxNameChars = 128;

    private readonly IServerDatabase _db;

    /// <summary>Creates the service over <paramref name="db"/>.</summary>
    public GroupService(IServerDatabase db) => _db = db;

    /// <summary>Creates a group (or returns the existing one with that name); null when the name is invalid.</summary>
    public long? Create(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameChars)
        {
            return null;
        }
        return _db.Write((c, t) =>
        {
            var existing = Sql.Scalar(c, t, "SELECT id FROM groups WHERE name=@p0", name);
            if (existing is not null)
            {
                return Convert.ToInt64(existing);
            }
            return Convert.ToInt64(Sql.Scalar(c, t, "INSERT INTO groups (name, created_at) VALUES (@p0,@p1) RETURNING id", name, Sql.Now()));
        });
    }

    /// <summary>All groups with member counts.</summary>
    public IReadOnlyList<GroupRecord> List() => _db.Read(c => Sql.Query(c, null,
        "SELECT g.id, g.name, (SELECT COUNT(*) FROM group_members m WHERE m.group_id=g.id) FROM groups g ORDER BY g.name",
        r => new GroupRecord(r.I64(0), r.GetString(1), r.I32(2))));

    /// <summary>One group, or null.</summary>
    public GroupRecord? Get(long id) => _db.Read(c => Sql.Query(c, null,
        "SELECT g.id, g.name, (SELECT COUNT(*) FROM group_members m WHERE m.group_id=g.id) FROM groups g WHERE g.id=@p0",
        r => new GroupRecord(r.I64(0), r.GetString(1), r.I32(2)), id)).FirstOrDefault();

    /// <summary>Adds an enrolled device to a group; false when the group or device does not exist.</summary>
    public bool AddMember(long groupId, string devId) => _db.Write((c, t) =>
    {
        if (Sql.Scalar(c, t, "SELECT 1 FROM groups WHERE id=@p0", groupId) is null || Sql.Scalar(c, t, "SELECT 1 FROM devices WHERE dev_id=@p0", devId) is null)
        {
            return false;
        }
        Sql.Exec(c, t, "INSERT INTO group_members (group_id, dev_id) VALUES (@p0,@p1) ON CONFLICT DO NOTHING", groupId, devId);
        return true;
    });

    /// <summary>Removes a device from a group; true when it was a member.</summary>
    public bool RemoveMember(long groupId, string devId) =>
        _db.Write((c, t) => Sql.Exec(c, t, "DELETE FROM group_members WHERE group_id=@p0 AND dev_id=@p1", groupId, devId) > 0);

    /// <summary>DevIDs in a group, sorted.</summary>
    public IReadOnlyList<string> Members(long groupId) =>
        _db.Read(c => Sql.Query(c, null, "SELECT dev_id FROM group_members WHERE group_id=@p0 ORDER BY dev_id", r => r.GetString(0), groupId));

    /// <summary>Deletes a group that no campaign references; true when deleted.</summary>
    public bool Delete(long groupId) => _db.Write((c, t) =>
    {
        if (Sql.Scalar(c, t, "SELECT 1 FROM campaigns WHERE group_id=@p0", groupId) is not null)
        {
            return false;
        }
        return Sql.Exec(c, t, "DELETE FROM groups WHERE id=@p0", groupId) > 0;
    });
}

using Microsoft.Data.Sqlite;
using OmaDm.Server.Storage;

namespace OmaDm.Server.Tests.Storage;

[TestClass]
public sealed class SqliteMigrationTests
{
    private static string TempDb() => Path.Combine(Path.GetTempPath(), "omadm-server-tests", Guid.NewGuid().ToString("N"), "m.db");

    [TestMethod]
    public void Open_NewFile_CreatesSchemaAndRecordsEveryVersion()
    {
        var path = TempDb();

        var db = new SqliteServerDatabase(path);

        Assert.AreEqual(SqliteMigrations.Scripts.Count, db.SchemaVersion);
        var versions = db.Read(c => Sql.Query(c, null, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
        CollectionAssert.AreEqual(Enumerable.Range(1, SqliteMigrations.Scripts.Count).ToList(), versions);
        SqliteConnection.ClearAllPools();
    }

    [TestMethod]
    public void Open_Twice_DoesNotReapplyAndKeepsData()
    {
        var path = TempDb();
        var first = new SqliteServerDatabase(path);
        first.Write((c, t) => Sql.Exec(c, t, "INSERT INTO groups (name, created_at) VALUES ('g', 0)"));

        var second = new SqliteServerDatabase(path);

        Assert.AreEqual(1, Convert.ToInt32(second.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM groups"))));
        Assert.AreEqual(SqliteMigrations.Scripts.Count, Convert.ToInt32(second.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM schema_version"))));
        SqliteConnection.ClearAllPools();
    }

    [TestMethod]
    public void Open_DatabaseFromNewerServer_Refuses()
    {
        var path = TempDb();
        var db = new SqliteServerDatabase(path);
        db.Write((c, t) => Sql.Exec(c, t, "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)"));

        Assert.ThrowsExactly<InvalidOperationException>(() => new SqliteServerDatabase(path));
        SqliteConnection.ClearAllPools();
    }

    [TestMethod]
    public void Write_Throwing_RollsBack()
    {
        var db = new SqliteServerDatabase(TempDb());

        Assert.ThrowsExactly<InvalidOperationException>(() => db.Write<int>((c, t) =>
        {
            Sql.Exec(c, t, "INSERT INTO groups (name, created_at) VALUES ('g', 0)");
            throw new InvalidOperationException("boom");
        }));

        Assert.AreEqual(0, Convert.ToInt32(db.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM groups"))));
        SqliteConnection.ClearAllPools();
    }
}

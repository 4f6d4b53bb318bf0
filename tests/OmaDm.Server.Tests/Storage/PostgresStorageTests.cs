using OmaDm.Server.Storage;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Storage;

/// <summary>PostgreSQL store specifics; needs <c>OMADM_TEST_POSTGRES</c> (the rest of the suite runs on it too when set).</summary>
[TestClass]
public sealed class PostgresStorageTests
{
    [TestMethod]
    public async Task Migrations_SameVersionCountAsSqlite_AndIdempotent()
    {
        if (TestServer.Postgres is null)
        {
            Assert.Inconclusive("set " + TestServer.PostgresVariable + " to run against PostgreSQL");
        }
        Assert.HasCount(SqliteMigrations.Scripts.Count, PostgresMigrations.Scripts, "both engines share one schema version numbering");
        await using var server = await TestServer.StartAsync();
        var connection = server.Server.Options.Database;

        using var again = new PostgresServerDatabase(connection);

        Assert.AreEqual("postgresql", server.Service<IServerDatabase>().Engine);
        Assert.AreEqual(PostgresMigrations.Scripts.Count, again.SchemaVersion);
        Assert.AreEqual(PostgresMigrations.Scripts.Count, Convert.ToInt32(again.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM schema_version"))));
    }

    [TestMethod]
    public async Task Write_Throwing_RollsBack()
    {
        if (TestServer.Postgres is null)
        {
            Assert.Inconclusive("set " + TestServer.PostgresVariable + " to run against PostgreSQL");
        }
        await using var server = await TestServer.StartAsync();
        var db = server.Service<IServerDatabase>();

        Assert.ThrowsExactly<InvalidOperationException>(() => db.Write<int>((c, t) =>
        {
            Sql.Exec(c, t, "INSERT INTO groups (name, created_at) VALUES ('g', 0)");
            throw new InvalidOperationException("boom");
        }));

        Assert.AreEqual(0, Convert.ToInt32(db.Read(c => Sql.Scalar(c, null, "SELECT COUNT(*) FROM groups"))));
    }
}

using System.Data.Common;
using Npgsql;

namespace OmaDm.Server.Storage;

/// <summary>
/// PostgreSQL store (Npgsql) for fleets beyond one machine. Every write transaction first takes one
/// transaction-level advisory lock, so writes are serialised across all server processes sharing
/// the database: the services' read-then-write logic keeps the single-writer semantics it has on
/// SQLite. Reads run in parallel.
/// </summary>
public sealed class PostgresServerDatabase : IServerDatabase, IDisposable
{
    /// <summary>Advisory lock key shared by every OmaDm server process ("OMADM" in ASCII).</summary>
    public const long WriteLockKey = 0x4F4D41444D;

    private readonly NpgsqlDataSource _source;

    /// <summary>Connects with <paramref name="connectionString"/> (<c>Host=...;Database=...;Username=...</c>) and applies pending migrations.</summary>
    public PostgresServerDatabase(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        SchemaVersion = Migrate();
    }

    /// <inheritdoc />
    public string Engine => "postgresql";

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public T Read<T>(Func<DbConnection, T> read)
    {
        using var c = _source.OpenConnection();
        return read(c);
    }

    /// <inheritdoc />
    public T Write<T>(Func<DbConnection, DbTransaction, T> write)
    {
        using var c = _source.OpenConnection();
        using var t = c.BeginTransaction();
        Sql.Exec(c, t, "SELECT pg_advisory_xact_lock(@p0)", WriteLockKey);
        var result = write(c, t);
        t.Commit();
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private int Migrate()
    {
        return Write((c, t) =>
        {
            Sql.Exec(c, t, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at BIGINT NOT NULL)");
            var current = Convert.ToInt32(Sql.Scalar(c, t, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0);
            if (current > PostgresMigrations.Scripts.Count)
            {
                throw new InvalidOperationException($"database schema version {current} is newer than this server ({PostgresMigrations.Scripts.Count})");
            }
            for (int v = current; v < PostgresMigrations.Scripts.Count; v++)
            {
                Sql.Exec(c, t, PostgresMigrations.Scripts[v]);
                Sql.Exec(c, t, "INSERT INTO schema_version (version, applied_at) VALUES (@p0, @p1)", v + 1, Sql.Now());
            }
            return PostgresMigrations.Scripts.Count;
        });
    }
}

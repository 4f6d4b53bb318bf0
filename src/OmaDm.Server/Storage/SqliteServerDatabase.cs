using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OmaDm.Server.Storage;

/// <summary>
/// SQLite file store (WAL journal). Reads run in parallel on pooled connections; writes are
/// serialised in-process by one gate so SQLite never has to arbitrate writers (no SQLITE_BUSY
/// under load), and each write is one IMMEDIATE transaction.
/// </summary>
public sealed class SqliteServerDatabase : IServerDatabase
{
    private readonly string _connectionString;
    private readonly Lock _writeGate = new();

    /// <summary>Opens (creating when absent) the database file and applies pending migrations.</summary>
    public SqliteServerDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        FilePath = full;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using (var c = Open())
        {
            Sql.Exec(c, null, "PRAGMA journal_mode=WAL;");
        }
        SchemaVersion = Migrate();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public string Engine => "sqlite";

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public T Read<T>(Func<DbConnection, T> read)
    {
        using var c = Open();
        return read(c);
    }

    /// <inheritdoc />
    public T Write<T>(Func<DbConnection, DbTransaction, T> write)
    {
        lock (_writeGate)
        {
            using var c = Open();
            using var t = c.BeginTransaction(deferred: false);
            var result = write(c, t);
            t.Commit();
            return result;
        }
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return c;
    }

    private int Migrate()
    {
        return Write((c, t) =>
        {
            Sql.Exec(c, t, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)");
            var current = Convert.ToInt32(Sql.Scalar(c, t, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0);
            if (current > SqliteMigrations.Scripts.Count)
            {
                throw new InvalidOperationException($"database schema version {current} is newer than this server ({SqliteMigrations.Scripts.Count})");
            }
            for (int v = current; v < SqliteMigrations.Scripts.Count; v++)
            {
                Sql.Exec(c, t, SqliteMigrations.Scripts[v]);
                Sql.Exec(c, t, "INSERT INTO schema_version (version, applied_at) VALUES (@p0, @p1)", v + 1, Sql.Now());
            }
            return SqliteMigrations.Scripts.Count;
        });
    }
}

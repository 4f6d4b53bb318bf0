using System.Data.Common;

namespace OmaDm.Server.Storage;

/// <summary>Small helpers over ADO.NET so services stay short: parameters as (name, value) pairs.</summary>
public static class Sql
{
    /// <summary>Creates a command with parameters named <c>@p0</c>, <c>@p1</c>, ... in argument order.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (int i = 0; i < args.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = args[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>Executes a statement; returns rows affected.</summary>
    public static int Exec(DbConnection c, DbTransaction? t, string sql, params object?[] args)
    {
        using var command = Command(c, t, sql, args);
        return command.ExecuteNonQuery();
    }

    /// <summary>Executes a scalar query; null when no row or NULL.</summary>
    public static object? Scalar(DbConnection c, DbTransaction? t, string sql, params object?[] args)
    {
        using var command = Command(c, t, sql, args);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Maps every row of a query.</summary>
    public static List<T> Query<T>(DbConnection c, DbTransaction? t, string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        using var command = Command(c, t, sql, args);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }
        return list;
    }

    /// <summary>Reads a nullable string column.</summary>
    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Reads a nullable integer column as 64 bits (any integer width the engine returns).</summary>
    public static long? Long(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a nullable integer column as 32 bits.</summary>
    public static int? Int(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads an integer column (INTEGER, BIGINT, a COUNT) as 64 bits, whatever width the engine returns.</summary>
    public static long I64(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads an integer column as 32 bits; throws OverflowException when it does not fit.</summary>
    public static int I32(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a nullable blob column.</summary>
    public static byte[]? Bytes(this DbDataReader r, int i) => r.IsDBNull(i) ? null : (byte[])r.GetValue(i);

    /// <summary>Unix time in milliseconds, the timestamp form every table uses.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Converts a stored timestamp.</summary>
    public static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}

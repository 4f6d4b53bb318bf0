using System.Data.Common;

namespace OmaDm.Server.Storage;

/// <summary>
/// The relational store behind every service. Services write portable SQL (named <c>@p</c>
/// parameters, <c>INSERT ... RETURNING</c>, <c>ON CONFLICT</c>) so another engine only needs its
/// own implementation of this interface plus its migrations.
/// </summary>
public interface IServerDatabase
{
    /// <summary>Engine name ("sqlite", "postgresql").</summary>
    string Engine { get; }

    /// <summary>Runs a read on its own connection.</summary>
    T Read<T>(Func<DbConnection, T> read);

    /// <summary>Runs writes in one transaction; commits when <paramref name="write"/> returns, rolls back when it throws.</summary>
    T Write<T>(Func<DbConnection, DbTransaction, T> write);

    /// <summary>Current schema version (after migrations).</summary>
    int SchemaVersion { get; }
}

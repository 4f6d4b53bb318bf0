using System.Data.Common;
using System.Text.Json;

namespace OmaDm.Server.Dm;

/// <summary>
/// Hooks the session service calls inside the transaction that records a package, so state
/// derived from it (campaign progress) commits atomically with it. Implementations may queue
/// commands with <see cref="Commands.CommandQueue"/>'s transaction-level helpers; they must not
/// open their own write transaction.
/// </summary>
public interface IDmSessionObserver
{
    /// <summary>A Generic Alert arrived (duplicates by DevID+AlertType+SourceURI+Correlator are not reported).</summary>
    void OnAlert(DbConnection c, DbTransaction t, string devId, DmAlert alert);

    /// <summary>A status arrived for a command this server sent.</summary>
    void OnStatus(DbConnection c, DbTransaction t, string devId, long commandId, long? campaignId, IReadOnlyList<string> command, int statusCode, JsonElement status);

    /// <summary>A sent command will never get a status (session replaced or broken).</summary>
    void OnCommandLost(DbConnection c, DbTransaction t, string devId, long commandId, long? campaignId);

    /// <summary>Called after every package was committed (outside the transaction), e.g. to push live updates.</summary>
    void AfterPackage(string devId);
}

namespace OmaDm.Server.Commands;

/// <summary>One command in a device's queue with its outcome.</summary>
/// <param name="Id">Queue id (ascending = send order).</param>
/// <param name="DevId">Owning device.</param>
/// <param name="Command">The command array as queued (name, arguments); <c>${repo}</c> is replaced when sent.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Source">Who queued it: <c>admin</c>, <c>group:&lt;id&gt;</c>, <c>campaign:&lt;id&gt;</c>, <c>server</c>.</param>
/// <param name="CampaignId">Campaign that queued it, or null.</param>
/// <param name="SessionId">Session that carried it, or null.</param>
/// <param name="StatusCode">The <c>sc</c> of its status, or null.</param>
/// <param name="StatusJson">The whole status object as received, or null.</param>
/// <param name="CreatedAt">Queue time.</param>
/// <param name="SentAt">Send time, or null.</param>
/// <param name="DoneAt">Time its status arrived (or it was lost/cancelled), or null.</param>
public sealed record QueuedCommand(
    long Id,
    string DevId,
    IReadOnlyList<string> Command,
    CommandState State,
    string Source,
    long? CampaignId,
    long? SessionId,
    int? StatusCode,
    string? StatusJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DoneAt);

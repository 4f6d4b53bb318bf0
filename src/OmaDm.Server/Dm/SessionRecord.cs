namespace OmaDm.Server.Dm;

/// <summary>One DM session as the server saw it.</summary>
/// <param name="Id">Session id.</param>
/// <param name="DevId">Device.</param>
/// <param name="StartedAt">Package#1 time.</param>
/// <param name="EndedAt">END or abort time; null while open.</param>
/// <param name="State"><c>open</c>, <c>ended</c> (END sent) or <c>aborted</c>.</param>
/// <param name="TriggerAlert">Session-start alert type, or null.</param>
/// <param name="Packages">Package#2s sent.</param>
/// <param name="Statuses">Statuses received.</param>
/// <param name="RemoteAddress">Client address.</param>
/// <param name="Note">Why it aborted, or the notification id for server-initiated sessions.</param>
public sealed record SessionRecord(long Id, string DevId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string State, string? TriggerAlert,
    int Packages, int Statuses, string? RemoteAddress, string? Note);

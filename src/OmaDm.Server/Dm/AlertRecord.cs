namespace OmaDm.Server.Dm;

/// <summary>A stored alert.</summary>
/// <param name="Id">Alert id.</param>
/// <param name="DevId">Device.</param>
/// <param name="SessionId">Session that carried it.</param>
/// <param name="ReceivedAt">Arrival time.</param>
/// <param name="Alert">The alert fields.</param>
/// <param name="Duplicate">True when it repeated an earlier alert (same type, source and correlator) and was not acted on.</param>
public sealed record AlertRecord(long Id, string DevId, long? SessionId, DateTimeOffset ReceivedAt, DmAlert Alert, bool Duplicate);

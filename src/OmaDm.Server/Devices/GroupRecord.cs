namespace OmaDm.Server.Devices;

/// <summary>A named set of devices (command fan-out and campaign targets).</summary>
/// <param name="Id">Group id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="MemberCount">Number of devices in it.</param>
public sealed record GroupRecord(long Id, string Name, int MemberCount);

namespace OmaDm.Server.Admin;

/// <summary>JSON bodies the admin API accepts (nested so the API surface stays in one place).</summary>
public static class AdminRequests
{
    /// <summary><c>POST /api/devices</c>: enrol a device or replace its credentials.</summary>
    /// <param name="DevId">DevInfo DevID.</param>
    /// <param name="Password">HTTP Basic password the device will present (stored hashed).</param>
    /// <param name="AuthName">Basic user name; defaults to DevId.</param>
    /// <param name="NotificationSecret">DMAcc notification secret (HMAC key for Package#0), optional.</param>
    /// <param name="NotificationHost">UDP host for DM Notifications, optional.</param>
    /// <param name="NotificationPort">UDP port for DM Notifications, optional.</param>
    public sealed record Enrol(string DevId, string Password, string? AuthName = null, string? NotificationSecret = null, string? NotificationHost = null, int? NotificationPort = null);

    /// <summary><c>POST .../commands</c>: a command array such as <c>["GET","urn:oma:mo:oma-dm-devinfo:1.0//FwV"]</c>.</summary>
    /// <param name="Command">Name then arguments.</param>
    public sealed record QueueCommand(string[] Command);

    /// <summary><c>POST /api/groups</c>.</summary>
    /// <param name="Name">Group name.</param>
    public sealed record Group(string Name);

    /// <summary><c>POST /api/groups/{id}/members</c>.</summary>
    /// <param name="DevId">Device to add.</param>
    public sealed record Member(string DevId);

    /// <summary><c>PUT /api/devices/{id}/notification</c>: UDP address (null host clears) and/or secret.</summary>
    /// <param name="Host">Host name or IP.</param>
    /// <param name="Port">UDP port.</param>
    /// <param name="Secret">New notification secret, or null to keep.</param>
    public sealed record Notification(string? Host, int? Port, string? Secret = null);

    /// <summary><c>POST /api/devices/{id}/poll-interval</c>.</summary>
    /// <param name="Seconds">New interval.</param>
    public sealed record PollInterval(int Seconds);

    /// <summary><c>POST /api/devices/{id}/values</c>: set a leaf through HGET.</summary>
    /// <param name="Uri">ClientURI of the leaf.</param>
    /// <param name="Value">Text form of the value.</param>
    public sealed record SetValue(string Uri, string Value);

    /// <summary><c>POST /api/faults/drop</c> (only with fault injection enabled).</summary>
    /// <param name="DevId">Device whose downloads are cut.</param>
    /// <param name="Offset">Absolute byte offset to cut at.</param>
    /// <param name="Times">How many downloads to cut.</param>
    public sealed record DropFault(string DevId, long Offset, int Times = 1);
}

using System;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Operations on a node (in its definition) or granted to a server (in an instance ACL).
    /// A command needs the right in both. Flags; never renumber.
    /// </summary>
    [Flags]
    public enum AccessRights
    {
        /// <summary>Nothing allowed.</summary>
        None = 0,
        /// <summary>GET, HPUT, HPOST (reading).</summary>
        Get = 1,
        /// <summary>HGET into an existing node (replacing its value).</summary>
        Replace = 2,
        /// <summary>HGET creating a dynamic node or instance.</summary>
        Add = 4,
        /// <summary>DELETE of a dynamic node or instance.</summary>
        Delete = 8,
        /// <summary>EXEC.</summary>
        Exec = 16,
        /// <summary>Every operation.</summary>
        All = Get | Replace | Add | Delete | Exec
    }
}

using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// What a session needs from one DM Account instance (urn:oma:mo:oma-dm-dmacc): where to go,
    /// who we are there, and the secret that signs its notifications.
    /// </summary>
    /// <remarks>Credentials stay in RAM only as long as the app keeps this object; never logged.</remarks>
    public sealed class DmAccount
    {
        /// <summary>SrvID: the server id used for ACLs and notifications.</summary>
        public string ServerId;

        /// <summary>SrvURI: where Package#1 goes.</summary>
        public string ServerUri;

        /// <summary>HTTP Basic user name, or null for no Authorization header.</summary>
        public string UserName;

        /// <summary>HTTP Basic password.</summary>
        public string Password;

        /// <summary>Key of the notification digest (UTF-8 bytes of this text), or null: notifications are then refused.</summary>
        public string NotificationSecret;

        /// <summary>Explicit opt-in to plain http to non-loopback hosts (off by default: secure by default).</summary>
        public bool AllowInsecure;

        /// <summary>True when <see cref="ServerUri"/> is usable under the secure-by-default rule.</summary>
        public bool IsUsable
        {
            get { return ServerId != null && ServerId.Length > 0 && UrlRules.IsAllowed(ServerUri, AllowInsecure); }
        }
    }
}

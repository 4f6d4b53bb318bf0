using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Objects
{
    /// <summary>
    /// Typed view of one DM Account instance for the session: server id and URI, HTTP credentials,
    /// notification secret, insecure opt-in. Reads the tree each time (no copy of secrets is kept).
    /// </summary>
    public sealed class DmAccountEntry
    {
        /// <summary>A view over <paramref name="instance"/> (a DMAcc instance).</summary>
        public DmAccountEntry(MoInstance instance)
        {
            if (instance == null)
            {
                throw new System.ArgumentNullException("instance");
            }
            Instance = instance;
        }

        /// <summary>The underlying instance.</summary>
        public MoInstance Instance { get; private set; }

        /// <summary>SrvID, or null.</summary>
        public string ServerId { get { return Instance.GetText("SrvID"); } }

        /// <summary>SrvURI, or null.</summary>
        public string ServerUri { get { return Instance.GetText("SrvURI"); } }

        /// <summary>Transport (HTTP Basic) user name: Name of the Auth entry whose Type is Trsp; null when none.</summary>
        public string UserName { get { return AuthValue(DmAccountMo.AuthTransport, "Name"); } }

        /// <summary>Transport (HTTP Basic) password: Secret of the Trsp Auth entry; null when none.</summary>
        public string Password { get { return AuthValue(DmAccountMo.AuthTransport, "Secret"); } }

        /// <summary>DM Notification HMAC secret: Secret of the Noti Auth entry; null when none.</summary>
        public string NotificationSecret { get { return AuthValue(DmAccountMo.AuthNotification, "Secret"); } }

        /// <summary>Bootstrap key: Secret of the Bootstrap Auth entry; null when none.</summary>
        public string BootstrapSecret { get { return AuthValue(DmAccountMo.AuthBootstrap, "Secret"); } }

        /// <summary>Ext/AllowInsecure: explicit opt-in to plain http to non-loopback hosts (false when unset).</summary>
        public bool AllowInsecure
        {
            get
            {
                bool value;
                return Instance.TryGetBoolean("Ext/AllowInsecure", out value) && value;
            }
        }

        private string AuthValue(string type, string leaf)
        {
            string[] names = Instance.GetChildNames("Auth");
            for (int i = 0; i < names.Length; i++)
            {
                if (Instance.GetText("Auth/" + names[i] + "/Type") == type)
                {
                    return Instance.GetText("Auth/" + names[i] + "/" + leaf);
                }
            }
            return null;
        }
    }
}

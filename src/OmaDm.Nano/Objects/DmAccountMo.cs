using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Objects
{
    /// <summary>
    /// DM Account MO (<c>urn:oma:mo:oma-dm-dmacc:1.2</c>, also answering to <c>:2.0</c>): SrvID, SrvURI, Name,
    /// Perm/&lt;x&gt;/MOID, Auth/&lt;x&gt;/{Type, Name, Secret}, Push/&lt;x&gt;/{ConType, Addr}, Ext/&lt;x&gt; and
    /// Ext/AllowInsecure. Instances are <see cref="InstanceLifetime.Stored"/> (bootstrap creates them) and
    /// belong to the server named by their SrvID (see <see cref="MoType.OwnerServerIdPath"/>).
    /// </summary>
    /// <remarks>
    /// Auth entries say what they are for in <c>Type</c>: <see cref="AuthTransport"/> (HTTP Basic user name and
    /// password), <see cref="AuthNotification"/> (HMAC secret of DM Notifications), <see cref="AuthBootstrap"/>
    /// (bootstrap keys). Auth <c>Name</c> and <c>Secret</c> are secret nodes: never returned by GET, HPUT or
    /// HPOST (left out of objects; addressed directly → 405), but a server may replace them.
    /// SrvID and Ext/AllowInsecure are read-only for servers: only bootstrap or app code sets them.
    /// </remarks>
    public static class DmAccountMo
    {
        /// <summary>The DMAcc MOID this client lists.</summary>
        public const string Moid = "urn:oma:mo:oma-dm-dmacc:1.2";

        /// <summary>The DM 2.0 MOID accepted on input as the same type.</summary>
        public const string MoidV2 = "urn:oma:mo:oma-dm-dmacc:2.0";

        /// <summary>DDF URL listed in Package#1.</summary>
        public const string DdfUrl = "http://www.openmobilealliance.org/tech/omna/dm/dmacc/OMA-DM-DMAcc-DDF-V1_2.ddf";

        /// <summary>MIID of the account created by bootstrap.</summary>
        public const string DefaultMiid = "acc1";

        /// <summary>Auth Type of the HTTP transport credentials.</summary>
        public const string AuthTransport = "Trsp";

        /// <summary>Auth Type of the notification digest secret.</summary>
        public const string AuthNotification = "Noti";

        /// <summary>Auth Type of bootstrap keys.</summary>
        public const string AuthBootstrap = "Bootstrap";

        /// <summary>Most accounts: one per DM server the device talks to.</summary>
        public const int MaxAccounts = 4;

        /// <summary>Largest credential, in bytes: room for long tokens, small for RAM.</summary>
        public const int MaxSecretBytes = 256;

        /// <summary>The DMAcc type definition.</summary>
        public static MoType CreateType()
        {
            MoType type = new MoType(Moid, DdfUrl);
            type.AddAlias(MoidV2);
            type.MaxInstances = MaxAccounts;
            type.MiidPrefix = "acc";
            type.OwnerServerIdPath = "SrvID";
            MoNode root = type.Root;
            const AccessRights readWrite = AccessRights.Get | AccessRights.Replace;
            const AccessRights dynamic = AccessRights.Get | AccessRights.Add | AccessRights.Delete;
            root.Add(MoNode.Leaf("SrvID", NodeFormat.Chr, AccessRights.Get));
            root.Add(MoNode.Leaf("SrvURI", NodeFormat.Chr, readWrite));
            root.Add(MoNode.Leaf("Name", NodeFormat.Chr, readWrite));

            MoNode perm = root.Add(MoNode.Interior("Perm", AccessRights.Get));
            perm.Add(MoNode.Placeholder(NodeFormat.Node, dynamic)).Add(MoNode.Leaf("MOID", NodeFormat.Chr, readWrite));

            MoNode auth = root.Add(MoNode.Interior("Auth", AccessRights.Get))
                .Add(MoNode.Placeholder(NodeFormat.Node, dynamic));
            auth.Add(MoNode.Leaf("Type", NodeFormat.Chr, readWrite));
            MoNode name = auth.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Replace));
            name.IsSecret = true;
            name.MaxValueBytes = MaxSecretBytes;
            MoNode secret = auth.Add(MoNode.Leaf("Secret", NodeFormat.Chr, AccessRights.Replace));
            secret.IsSecret = true;
            secret.MaxValueBytes = MaxSecretBytes;

            MoNode push = root.Add(MoNode.Interior("Push", AccessRights.Get))
                .Add(MoNode.Placeholder(NodeFormat.Node, dynamic));
            push.Add(MoNode.Leaf("ConType", NodeFormat.Chr, readWrite));
            push.Add(MoNode.Leaf("Addr", NodeFormat.Chr, readWrite));

            MoNode ext = root.Add(MoNode.Interior("Ext", AccessRights.Get));
            ext.Add(MoNode.Leaf("AllowInsecure", NodeFormat.Bool, AccessRights.Get)).DefaultText = "false";
            ext.Add(MoNode.Placeholder(NodeFormat.Chr, AccessRights.All & ~AccessRights.Exec));
            return type;
        }

        /// <summary>Registers the DMAcc type in <paramref name="tree"/> (instances come from <see cref="ManagementTree.Load"/> or <see cref="Create"/>).</summary>
        public static MoType Register(ManagementTree tree)
        {
            MoType type = CreateType();
            tree.Register(type);
            return type;
        }

        /// <summary>
        /// Creates (or overwrites) a stored account from bootstrap settings; staged until the tree commits.
        /// Credentials go to Auth/Trsp (Type Trsp: Name, Secret) and Auth/Noti (Type Noti: Secret).
        /// </summary>
        /// <param name="tree">Tree with the DMAcc type registered.</param>
        /// <param name="miid">Instance id, usually <see cref="DefaultMiid"/>.</param>
        /// <param name="serverId">SrvID (required).</param>
        /// <param name="serverUri">SrvURI (required).</param>
        /// <param name="userName">HTTP Basic user name, or null.</param>
        /// <param name="password">HTTP Basic password, or null.</param>
        /// <param name="notificationSecret">Notification HMAC secret, or null.</param>
        /// <param name="allowInsecure">Opt-in to plain http to non-loopback hosts.</param>
        /// <returns>The account accessor.</returns>
        /// <exception cref="System.ArgumentException">A value is missing or refused by the node's format or size bound.</exception>
        public static DmAccountEntry Create(ManagementTree tree, string miid, string serverId, string serverUri,
            string userName, string password, string notificationSecret, bool allowInsecure)
        {
            if (serverId == null || serverId.Length == 0 || serverUri == null || serverUri.Length == 0)
            {
                throw new System.ArgumentException("serverId and serverUri are required");
            }
            MoInstance instance = tree.AddInstance(Moid, miid, InstanceLifetime.Stored);
            Check(instance.SetText("SrvID", serverId));
            Check(instance.SetText("SrvURI", serverUri));
            Check(instance.SetBoolean("Ext/AllowInsecure", allowInsecure));
            if (userName != null || password != null)
            {
                Check(instance.SetText("Auth/" + AuthTransport + "/Type", AuthTransport));
                if (userName != null)
                {
                    Check(instance.SetText("Auth/" + AuthTransport + "/Name", userName));
                }
                if (password != null)
                {
                    Check(instance.SetText("Auth/" + AuthTransport + "/Secret", password));
                }
            }
            if (notificationSecret != null)
            {
                Check(instance.SetText("Auth/" + AuthNotification + "/Type", AuthNotification));
                Check(instance.SetText("Auth/" + AuthNotification + "/Secret", notificationSecret));
            }
            return new DmAccountEntry(instance);
        }

        /// <summary>Number of DM Accounts in the tree.</summary>
        public static int Count(ManagementTree tree)
        {
            return tree.InstanceCount(Moid);
        }

        /// <summary>An account by position (creation order).</summary>
        public static DmAccountEntry At(ManagementTree tree, int index)
        {
            return new DmAccountEntry(tree.InstanceAt(Moid, index));
        }

        /// <summary>The account whose SrvID is <paramref name="serverId"/>, or null.</summary>
        public static DmAccountEntry Find(ManagementTree tree, string serverId)
        {
            int count = tree.InstanceCount(Moid);
            for (int i = 0; i < count; i++)
            {
                MoInstance instance = tree.InstanceAt(Moid, i);
                if (serverId != null && serverId == instance.GetText("SrvID"))
                {
                    return new DmAccountEntry(instance);
                }
            }
            return null;
        }

        private static void Check(int status)
        {
            if (status != 200)
            {
                throw new System.ArgumentException("DM Account value refused: " + status.ToString());
            }
        }
    }
}

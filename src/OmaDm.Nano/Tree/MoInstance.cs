using System.Collections;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// One instance (MIID) of an MO type: its nodes and values, its ACL and its cache validator.
    /// Obtain it from <see cref="ManagementTree.AddInstance(string, string)"/> or <see cref="ManagementTree.FindInstance"/>.
    /// </summary>
    /// <remarks>
    /// The value methods (<see cref="SetText"/>, <see cref="GetText"/>, ...) are for app code: they skip the
    /// ACL and the nodes' access rights, but still validate formats and sizes. Writes are staged in the
    /// record store and become durable at the next <see cref="ManagementTree.Commit"/>.
    /// </remarks>
    public sealed partial class MoInstance
    {
        private readonly ManagementTree _tree;
        private readonly Hashtable _acl = new Hashtable(); // server id (string) → AccessRights
        private readonly TreeNode _root;
        private int _nodeCount;
        private int _generation = 1;
        private string _cacheValidator;
        private int _cacheValidatorGeneration;
        private uint _cacheValidatorHash;

        internal MoInstance(ManagementTree tree, MoType type, string miid, InstanceLifetime lifetime)
        {
            _tree = tree;
            Type = type;
            Miid = miid;
            Lifetime = lifetime;
            _root = new TreeNode("", type.Root, null);
            _nodeCount = 1;
            CreatePermanentChildren(_root);
        }

        /// <summary>The MO type.</summary>
        public MoType Type { get; private set; }

        /// <summary>The MOID (urn: form).</summary>
        public string Moid { get { return Type.Moid; } }

        /// <summary>The instance id.</summary>
        public string Miid { get; private set; }

        /// <summary>Whether the instance is re-added by app code or restored from the store.</summary>
        public InstanceLifetime Lifetime { get; private set; }

        /// <summary>Nodes in the instance, root included (bounded by <see cref="TreeLimits.MaxNodesPerInstance"/>).</summary>
        public int NodeCount { get { return _nodeCount; } }

        /// <summary>
        /// The cache validator: changes on every write to the instance, on every boot, and whenever a value
        /// supplied by a <see cref="ValueGetter"/> changes. Form: "&lt;boot epoch&gt;-&lt;write generation&gt;",
        /// plus "-&lt;hash of getter values&gt;" for instances with getter-backed leaves. A GET with
        /// <c>?cv=</c> equal to it answers 304.
        /// </summary>
        /// <remarks>Reading it calls every getter of the instance once (to hash their current values).</remarks>
        public string CacheValidator
        {
            get
            {
                uint hash = FnvOffset;
                bool hooks = HashGetterValues(_root, ref hash);
                if (_cacheValidator == null || _cacheValidatorGeneration != _generation || _cacheValidatorHash != hash)
                {
                    // Built once per change, not once per GET.
                    _cacheValidator = hooks
                        ? _tree.Epoch + "-" + _generation.ToString() + "-" + ManagementTree.Hex8(hash)
                        : _tree.Epoch + "-" + _generation.ToString();
                    _cacheValidatorGeneration = _generation;
                    _cacheValidatorHash = hash;
                }
                return _cacheValidator;
            }
        }

        private const uint FnvOffset = 2166136261;
        private const uint FnvPrime = 16777619;

        /// <summary>FNV-1a over the paths' names and values of getter-backed leaves; false when there are none.</summary>
        private bool HashGetterValues(TreeNode node, ref uint hash)
        {
            if (node.Children == null)
            {
                if (node.Definition.Getter == null)
                {
                    return false;
                }
                byte[] value = ReadValue(node);
                hash = (hash ^ (uint)(value == null ? 0 : value.Length + 1)) * FnvPrime;
                if (value != null)
                {
                    for (int i = 0; i < value.Length; i++)
                    {
                        hash = (hash ^ value[i]) * FnvPrime;
                    }
                }
                return true;
            }
            bool any = false;
            for (int i = 0; i < node.Children.Count; i++)
            {
                any |= HashGetterValues((TreeNode)node.Children[i], ref hash);
            }
            return any;
        }

        /// <summary>
        /// Changes the cache validator without a write (e.g. when something outside the tree that a GET
        /// reflects changed; getter values are already covered by the validator's hash).
        /// </summary>
        public void MarkChanged()
        {
            _generation++;
        }

        /// <summary>
        /// Grants <paramref name="serverId"/> exactly <paramref name="rights"/> on this instance
        /// (<see cref="AccessRights.None"/> lists the server with no rights: its commands get 403).
        /// </summary>
        /// <remarks>
        /// While the ACL is empty every identified server has every right the nodes allow; once any entry
        /// exists, unlisted servers get 403. The ACL is not persisted: app or bootstrap code sets it at boot.
        /// </remarks>
        public void SetAccess(string serverId, AccessRights rights)
        {
            if (serverId == null || serverId.Length == 0)
            {
                throw new System.ArgumentException("serverId");
            }
            _acl[serverId] = rights;
        }

        /// <summary>Removes every ACL entry (back to "any identified server").</summary>
        public void ClearAccess()
        {
            _acl.Clear();
        }

        /// <summary>True when the ACL has at least one entry.</summary>
        public bool HasAcl { get { return _acl.Count > 0; } }

        /// <summary>
        /// Rights the ACL grants <paramref name="serverId"/>: None for no identity or an unlisted server; while the
        /// ACL is empty, All (or, for types with <see cref="MoType.OwnerServerIdPath"/>, All for the owner only).
        /// </summary>
        public AccessRights GetAccess(string serverId)
        {
            if (serverId == null || serverId.Length == 0)
            {
                return AccessRights.None;
            }
            if (_acl.Count == 0)
            {
                string ownerPath = Type.OwnerServerIdPath;
                return ownerPath == null || serverId == GetText(ownerPath) ? AccessRights.All : AccessRights.None;
            }
            object entry = _acl[serverId];
            return entry == null ? AccessRights.None : (AccessRights)entry;
        }

        /// <summary>401 without a server identity, 403 when the ACL does not grant <paramref name="right"/>, else 200.</summary>
        internal int CheckAccess(string serverId, AccessRights right)
        {
            if (serverId == null || serverId.Length == 0)
            {
                return TreeStatus.Unauthorized;
            }
            return (GetAccess(serverId) & right) == right ? TreeStatus.Ok : TreeStatus.Forbidden;
        }

        internal TreeNode Root { get { return _root; } }

        internal ManagementTree Tree { get { return _tree; } }
    }
}

using OmaDm.Nano.Addressing;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Tree
{
    public sealed partial class ManagementTree
    {
        private const string ValuePrefix = "mo/";
        private const string NodePrefix = "mo-n/";
        private const string InstancePrefix = "mo-i/";

        /// <summary>True while values are being restored: writes then neither stage store changes nor call hooks.</summary>
        internal bool IsLoading { get; private set; }

        /// <summary>True when writes are staged and not yet committed.</summary>
        public bool HasPendingChanges { get { return _store.HasPendingChanges; } }

        /// <summary>
        /// Restores stored instances, dynamic nodes and leaf values of the registered types from the
        /// (already loaded) record store. Records of unregistered types and invalid values are skipped.
        /// </summary>
        /// <returns><see cref="StoreResult.Success"/>, or <see cref="StoreResult.NotLoaded"/> when the store was not loaded.</returns>
        public StoreResult Load()
        {
            if (!_store.IsLoaded)
            {
                return StoreResult.NotLoaded;
            }
            IsLoading = true;
            try
            {
                string[] keys = _store.Keys(InstancePrefix);
                for (int i = 0; i < keys.Length; i++)
                {
                    string rest = keys[i].Substring(InstancePrefix.Length);
                    int slash = rest.IndexOf('/');
                    if (slash <= 0)
                    {
                        continue;
                    }
                    string miid = rest.Substring(slash + 1);
                    TypeEntry entry = FindEntry(rest.Substring(0, slash));
                    if (entry != null && ClientUri.IsValidName(miid) && entry.Find(miid) == null
                        && entry.Instances.Count < entry.Type.MaxInstances)
                    {
                        CreateInstance(entry, miid, InstanceLifetime.Stored);
                    }
                }
                RestoreNodes(_store.Keys(NodePrefix), NodePrefix, false);
                RestoreNodes(_store.Keys(ValuePrefix), ValuePrefix, true);
            }
            finally
            {
                IsLoading = false;
            }
            return StoreResult.Success;
        }

        /// <summary>
        /// Throws away the in-memory state and loads it again from the store: call it after
        /// <c>RecordStore.Rollback()</c> (an aborted package) so the tree matches the committed state.
        /// Stored instances are dropped and restored; static instances keep existing, with permanent nodes only.
        /// </summary>
        public StoreResult Reload()
        {
            for (int t = 0; t < _types.Count; t++)
            {
                TypeEntry entry = (TypeEntry)_types[t];
                for (int i = entry.Instances.Count - 1; i >= 0; i--)
                {
                    MoInstance instance = (MoInstance)entry.Instances[i];
                    if (instance.Lifetime == InstanceLifetime.Stored)
                    {
                        entry.Instances.RemoveAt(i);
                    }
                    else
                    {
                        IsLoading = true;
                        instance.ResetNodes();
                        IsLoading = false;
                    }
                }
            }
            return Load();
        }

        /// <summary>
        /// Makes every staged write durable in one atomic record-store commit. The session calls it once
        /// at the end of each Package#2, never per node write. No-op (Success) when nothing is staged.
        /// </summary>
        public StoreResult Commit()
        {
            if (!_store.HasPendingChanges)
            {
                return StoreResult.Success;
            }
            return _store.Commit();
        }

        private void RestoreNodes(string[] keys, string prefix, bool values)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                string key = keys[i];
                int slash1 = key.IndexOf('/', prefix.Length);
                int slash2 = slash1 < 0 ? -1 : key.IndexOf('/', slash1 + 1);
                if (slash2 < 0)
                {
                    continue;
                }
                TypeEntry entry = FindEntry(key.Substring(prefix.Length, slash1 - prefix.Length));
                MoInstance instance = entry == null ? null : entry.Find(key.Substring(slash1 + 1, slash2 - slash1 - 1));
                string[] segments = ClientUri.SplitPath(key.Substring(slash2 + 1));
                if (instance == null || segments == null || segments.Length == 0)
                {
                    continue;
                }
                TreeNode node;
                if (instance.Ensure(segments, false, out node) != TreeStatus.Ok || !values || node.IsInterior)
                {
                    continue;
                }
                byte[] normalized;
                byte[] value = _store.Get(key);
                if (value != null && MoInstance.CheckValue(node.Definition, value, out normalized) == TreeStatus.Ok)
                {
                    node.Value = normalized;
                }
            }
        }

        internal string ValueKey(MoInstance instance, string path)
        {
            return ValuePrefix + instance.Moid + "/" + instance.Miid + "/" + path;
        }

        internal string NodeKey(MoInstance instance, string path)
        {
            return NodePrefix + instance.Moid + "/" + instance.Miid + "/" + path;
        }

        private static string InstanceKey(string moid, string miid)
        {
            return InstancePrefix + moid + "/" + miid;
        }

        /// <summary>Stages removal of every value and node marker at and below <paramref name="path"/> ("" = whole instance).</summary>
        internal void RemoveKeys(MoInstance instance, string path)
        {
            string valueBase = ValueKey(instance, path);
            string nodeBase = NodeKey(instance, path);
            if (path.Length > 0)
            {
                _store.Remove(valueBase);
                _store.Remove(nodeBase);
                valueBase += "/";
                nodeBase += "/";
            }
            RemoveAll(_store.Keys(valueBase));
            RemoveAll(_store.Keys(nodeBase));
        }

        private void RemoveAll(string[] keys)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                _store.Remove(keys[i]);
            }
        }
    }
}

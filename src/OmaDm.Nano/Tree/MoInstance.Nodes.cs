using System;
using System.Text;

namespace OmaDm.Nano.Tree
{
    public sealed partial class MoInstance
    {
        /// <summary>Nodes a new node following <paramref name="def"/> brings with it (itself + permanent descendants).</summary>
        internal static int CountNew(MoNode def)
        {
            int count = 1;
            for (int i = 0; i < def.ChildCount; i++)
            {
                MoNode child = def.GetChild(i);
                if (child.IsPermanent && !child.IsPlaceholder)
                {
                    count += CountNew(child);
                }
            }
            return count;
        }

        private void CreatePermanentChildren(TreeNode node)
        {
            MoNode def = node.Definition;
            for (int i = 0; i < def.ChildCount; i++)
            {
                MoNode childDef = def.GetChild(i);
                if (childDef.IsPermanent && !childDef.IsPlaceholder)
                {
                    AttachChild(node, childDef.Name, childDef);
                }
            }
        }

        private TreeNode AttachChild(TreeNode parent, string name, MoNode def)
        {
            TreeNode child = new TreeNode(name, def, parent);
            if (!def.IsInterior && def.DefaultText != null)
            {
                child.Value = Encoding.UTF8.GetBytes(def.DefaultText);
            }
            parent.Children.Add(child);
            _nodeCount++;
            if (def.IsInterior)
            {
                if (!def.IsPermanent && !_tree.IsLoading)
                {
                    _tree.Store.Put(_tree.NodeKey(this, child.GetPath()), MarkerValue);
                }
                CreatePermanentChildren(child);
            }
            return child;
        }

        private static readonly byte[] MarkerValue = new byte[] { (byte)'1' };

        /// <summary>The node at the path, or null.</summary>
        internal TreeNode Find(string[] segments)
        {
            TreeNode node = _root;
            for (int i = 0; i < segments.Length && node != null; i++)
            {
                node = node.FindChild(segments[i]);
            }
            return node;
        }

        /// <summary>
        /// Finds or creates the node at <paramref name="segments"/>. Creation follows the definitions
        /// (named child or placeholder) and, when <paramref name="needAdd"/>, needs Add on each created node
        /// (except permanent children, which come with their new parent).
        /// </summary>
        /// <returns>200, 404 (no definition), 405 (Add not allowed, or a leaf on the way), 413 (node limit).</returns>
        internal int Ensure(string[] segments, bool needAdd, out TreeNode node)
        {
            node = _root;
            int depth = 0;
            while (depth < segments.Length)
            {
                TreeNode next = node.FindChild(segments[depth]);
                if (next == null)
                {
                    break;
                }
                node = next;
                depth++;
            }
            if (depth == segments.Length)
            {
                return TreeStatus.Ok;
            }
            // Check the whole chain before creating anything, so a refusal leaves the tree unchanged.
            MoNode def = node.Definition;
            int newNodes = 0;
            for (int i = depth; i < segments.Length; i++)
            {
                bool automatic = i > depth; // permanent children of a node created here come with it
                if (!def.IsInterior)
                {
                    node = null;
                    return TreeStatus.NotFound;
                }
                MoNode childDef = def.FindChild(segments[i]);
                if (childDef == null)
                {
                    node = null;
                    return TreeStatus.NotFound;
                }
                bool comesWithParent = automatic && childDef.IsPermanent && !childDef.IsPlaceholder;
                if (needAdd && !comesWithParent && (childDef.Access & AccessRights.Add) == 0)
                {
                    node = null;
                    return TreeStatus.NotAllowed;
                }
                if (!comesWithParent)
                {
                    newNodes += CountNew(childDef);
                }
                def = childDef;
            }
            if (_nodeCount + newNodes > TreeLimits.MaxNodesPerInstance || !FitsUri(segments))
            {
                node = null;
                return TreeStatus.TooLarge;
            }
            for (int i = depth; i < segments.Length; i++)
            {
                TreeNode existing = node.FindChild(segments[i]);
                node = existing != null ? existing : AttachChild(node, segments[i], node.Definition.FindChild(segments[i]));
            }
            MarkChanged();
            return TreeStatus.Ok;
        }

        /// <summary>
        /// True when the node's ClientURI stays within <see cref="Addressing.ClientUri.MaxClientUriChars"/>: every node
        /// must stay addressable, and its record-store key (the URI plus a short prefix) within the key bound.
        /// </summary>
        internal bool FitsUri(string[] segments)
        {
            return FitsUri(Moid.Length + 1 + Miid.Length, segments);
        }

        /// <summary>Same, with the length of "MOID/MIID" given.</summary>
        internal static bool FitsUri(int uriBase, string[] segments)
        {
            int length = uriBase;
            for (int i = 0; i < segments.Length; i++)
            {
                length += 1 + segments[i].Length;
            }
            return length <= Addressing.ClientUri.MaxClientUriChars;
        }

        /// <summary>Checks a value for a leaf: 405 for interior/stream-sink nodes, 413 over the size, 400 bad format.</summary>
        internal static int CheckValue(MoNode def, byte[] value, out byte[] normalized)
        {
            normalized = null;
            if (def.IsInterior || def.StreamSink != null)
            {
                return TreeStatus.NotAllowed;
            }
            if (value.Length > def.MaxValueBytes)
            {
                return TreeStatus.TooLarge;
            }
            int status;
            normalized = ValueCodec.Validate(def.Format, value, out status);
            return status;
        }

        /// <summary>Validates, asks the setter hook (when <paramref name="useSetter"/>), stores and stages the value.</summary>
        internal int WriteLeaf(TreeNode node, byte[] value, bool useSetter)
        {
            byte[] normalized;
            int status = CheckValue(node.Definition, value, out normalized);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            return StoreLeaf(node, normalized, useSetter);
        }

        /// <summary>Stores an already validated value (setter hook first when asked).</summary>
        internal int StoreLeaf(TreeNode node, byte[] normalized, bool useSetter)
        {
            ValueSetter setter = node.Definition.Setter;
            if (useSetter && setter != null)
            {
                int status;
                try
                {
                    status = setter(this, node.GetPath(), normalized);
                }
                catch (Exception)
                {
                    return TreeStatus.DeviceError;
                }
                if (status != TreeStatus.Ok)
                {
                    return status;
                }
            }
            node.Value = normalized;
            if (!_tree.IsLoading)
            {
                _tree.Store.Put(_tree.ValueKey(this, node.GetPath()), normalized);
                MarkChanged();
            }
            return TreeStatus.Ok;
        }

        /// <summary>Drops a leaf's value (JSON null in an HGET body).</summary>
        internal int ClearLeaf(TreeNode node)
        {
            node.Value = null;
            _tree.Store.Remove(_tree.ValueKey(this, node.GetPath()));
            MarkChanged();
            return TreeStatus.Ok;
        }

        /// <summary>The value a read sees: the getter hook's, else the stored one (null = no value).</summary>
        internal byte[] ReadValue(TreeNode node)
        {
            ValueGetter getter = node.Definition.Getter;
            if (getter != null)
            {
                byte[] supplied;
                try
                {
                    supplied = getter(this, node.GetPath());
                }
                catch (Exception)
                {
                    return null; // a failing platform read is "no value", not a crash of the session
                }
                int status;
                // Hook output is not trusted to match the format: serialization writes int/float/bool raw.
                return supplied == null ? null : ValueCodec.Validate(node.Definition.Format, supplied, out status);
            }
            return node.Value;
        }

        /// <summary>Deletes a dynamic node and its subtree (values and markers unstaged from the store).</summary>
        internal int RemoveNode(TreeNode node)
        {
            if (node.Parent == null || node.Definition.IsPermanent)
            {
                return TreeStatus.NotAllowed;
            }
            string path = node.GetPath();
            _tree.RemoveKeys(this, path);
            node.Parent.Children.Remove(node);
            _nodeCount -= CountSubtree(node);
            MarkChanged();
            return TreeStatus.Ok;
        }

        private static int CountSubtree(TreeNode node)
        {
            int count = 1;
            if (node.Children != null)
            {
                for (int i = 0; i < node.Children.Count; i++)
                {
                    count += CountSubtree((TreeNode)node.Children[i]);
                }
            }
            return count;
        }

        /// <summary>Back to the definition state: permanent nodes only, default values (used by reload).</summary>
        internal void ResetNodes()
        {
            _root.Children.Clear();
            _nodeCount = 1;
            CreatePermanentChildren(_root);
            MarkChanged();
        }
    }
}

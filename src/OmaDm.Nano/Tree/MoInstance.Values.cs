using System.Text;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    public sealed partial class MoInstance
    {
        /// <summary>True when a node exists at <paramref name="path"/> ("" = the root).</summary>
        public bool Exists(string path)
        {
            return FindPath(path) != null;
        }

        /// <summary>
        /// The leaf's value as text (the getter hook's when there is one); null when there is no such leaf
        /// or no value. For <see cref="NodeFormat.Bin"/> use <see cref="GetBytes"/>.
        /// </summary>
        public string GetText(string path)
        {
            byte[] value = GetValueBytes(path);
            return value == null ? null : new string(Encoding.UTF8.GetChars(value));
        }

        /// <summary>A copy of the leaf's value bytes (text form; raw for bin), or null.</summary>
        public byte[] GetBytes(string path)
        {
            byte[] value = GetValueBytes(path);
            if (value == null)
            {
                return null;
            }
            byte[] copy = new byte[value.Length];
            System.Array.Copy(value, copy, value.Length);
            return copy;
        }

        /// <summary>The leaf's value as a 64-bit integer; false when absent or not an integer.</summary>
        public bool TryGetInt64(string path, out long value)
        {
            value = 0;
            byte[] v = GetValueBytes(path);
            if (v == null || !ValueCodec.IsInteger(v))
            {
                return false;
            }
            bool negative = v[0] == '-';
            long result = 0;
            for (int i = negative ? 1 : 0; i < v.Length; i++)
            {
                result = result * 10 - (v[i] - '0'); // accumulate negatively so long.MinValue fits
            }
            value = negative ? result : -result;
            return true;
        }

        /// <summary>The leaf's value as a boolean; false when absent or not "true"/"false".</summary>
        public bool TryGetBoolean(string path, out bool value)
        {
            value = false;
            string text = GetText(path);
            if (text == "true")
            {
                value = true;
                return true;
            }
            return text == "false";
        }

        /// <summary>
        /// Sets a leaf from text, creating dynamic nodes on the way when the definitions allow them.
        /// Skips ACL, access rights and the setter hook (app code is trusted); validates format and size.
        /// </summary>
        /// <returns>200; 400 bad path or value; 404 no such definition; 405 interior or stream-sink node; 413 too large or node limit.</returns>
        public int SetText(string path, string value)
        {
            if (value == null)
            {
                return TreeStatus.BadRequest;
            }
            return SetBytes(path, Encoding.UTF8.GetBytes(value));
        }

        /// <summary>Sets a leaf from bytes (text form; raw bytes for bin). Same rules as <see cref="SetText"/>. The array is kept: do not modify it afterwards.</summary>
        public int SetBytes(string path, byte[] value)
        {
            string[] segments = ClientUri.SplitPath(path == null ? "" : path);
            if (segments == null || segments.Length == 0 || value == null)
            {
                return TreeStatus.BadRequest;
            }
            TreeNode node;
            int status = Ensure(segments, false, out node);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            return WriteLeaf(node, value, false);
        }

        /// <summary>Sets an int leaf.</summary>
        public int SetInt64(string path, long value)
        {
            return SetText(path, value.ToString());
        }

        /// <summary>Sets a bool leaf.</summary>
        public int SetBoolean(string path, bool value)
        {
            return SetText(path, value ? "true" : "false");
        }

        /// <summary>Creates a dynamic node (and its permanent children) at <paramref name="path"/>; 200 when it exists already.</summary>
        /// <returns>200, 400 bad path, 404 no definition, 413 node limit.</returns>
        public int AddNode(string path)
        {
            string[] segments = ClientUri.SplitPath(path == null ? "" : path);
            if (segments == null || segments.Length == 0)
            {
                return TreeStatus.BadRequest;
            }
            TreeNode node;
            return Ensure(segments, false, out node);
        }

        /// <summary>Deletes a dynamic node and everything below it.</summary>
        /// <returns>200, 400 bad path, 404 absent, 405 permanent node.</returns>
        public int DeleteNode(string path)
        {
            string[] segments = ClientUri.SplitPath(path == null ? "" : path);
            if (segments == null || segments.Length == 0)
            {
                return TreeStatus.BadRequest;
            }
            TreeNode node = Find(segments);
            return node == null ? TreeStatus.NotFound : RemoveNode(node);
        }

        /// <summary>Names of the children of the interior node at <paramref name="path"/> (empty when none or not interior).</summary>
        public string[] GetChildNames(string path)
        {
            TreeNode node = FindPath(path);
            if (node == null || node.Children == null)
            {
                return new string[0];
            }
            string[] names = new string[node.Children.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = ((TreeNode)node.Children[i]).Name;
            }
            return names;
        }

        private TreeNode FindPath(string path)
        {
            string[] segments = ClientUri.SplitPath(path == null ? "" : path);
            return segments == null ? null : Find(segments);
        }

        private byte[] GetValueBytes(string path)
        {
            TreeNode node = FindPath(path);
            if (node == null || node.IsInterior)
            {
                return null;
            }
            return ReadValue(node);
        }
    }
}

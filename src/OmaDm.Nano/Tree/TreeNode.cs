using System.Collections;

namespace OmaDm.Nano.Tree
{
    /// <summary>One node of an instance at run time: its definition, value and children.</summary>
    internal sealed class TreeNode
    {
        internal TreeNode(string name, MoNode definition, TreeNode parent)
        {
            Name = name;
            Definition = definition;
            Parent = parent;
            if (definition.IsInterior)
            {
                Children = new ArrayList();
            }
        }

        /// <summary>Actual name (differs from the definition's for placeholder nodes).</summary>
        internal readonly string Name;

        internal readonly MoNode Definition;

        internal readonly TreeNode Parent;

        /// <summary>Of TreeNode, in creation order; null for leaves.</summary>
        internal readonly ArrayList Children;

        /// <summary>Stored value bytes (text form; raw for bin), or null for "no value".</summary>
        internal byte[] Value;

        internal bool IsInterior { get { return Children != null; } }

        internal TreeNode FindChild(string name)
        {
            if (Children == null)
            {
                return null;
            }
            for (int i = 0; i < Children.Count; i++)
            {
                TreeNode child = (TreeNode)Children[i];
                if (child.Name == name)
                {
                    return child;
                }
            }
            return null;
        }

        /// <summary>Path below the instance root ("" for the root).</summary>
        internal string GetPath()
        {
            if (Parent == null)
            {
                return "";
            }
            string parentPath = Parent.GetPath();
            return parentPath.Length == 0 ? Name : parentPath + "/" + Name;
        }
    }
}

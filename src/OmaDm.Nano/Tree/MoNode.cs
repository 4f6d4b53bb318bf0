using System;
using System.Collections;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Definition of one node of an MO type (its DDF entry): name, format, access, permanence and hooks.
    /// Build the definition tree before <see cref="ManagementTree.Register"/>; do not change it afterwards.
    /// </summary>
    /// <remarks>
    /// A node named <see cref="PlaceholderName"/> (<c>&lt;x&gt;</c>) stands for any number of sibling nodes whose
    /// names the server or app chooses (DMAcc <c>Perm/&lt;x&gt;</c>); placeholders are always dynamic.
    /// Permanent nodes exist as long as their parent does and cannot be deleted (405); dynamic nodes are
    /// created by HGET (needs <see cref="AccessRights.Add"/>) or app code and deleted by DELETE.
    /// </remarks>
    public sealed class MoNode
    {
        /// <summary>Name of a placeholder node (any name, any number of siblings).</summary>
        public const string PlaceholderName = "<x>";

        private readonly ArrayList _children; // of MoNode; null for leaves
        private int _maxValueBytes = TreeLimits.DefaultMaxValueBytes;

        /// <summary>A permanent node.</summary>
        /// <param name="name">Node name (a valid ClientURI segment) or <see cref="PlaceholderName"/>.</param>
        /// <param name="format"><see cref="NodeFormat.Node"/> for interior nodes, else the leaf format.</param>
        /// <param name="access">Operations the node allows.</param>
        public MoNode(string name, NodeFormat format, AccessRights access)
        {
            if (name != PlaceholderName && !ClientUri.IsValidName(name))
            {
                throw new ArgumentException("invalid node name");
            }
            Name = name;
            Format = format;
            Access = access;
            IsPermanent = name != PlaceholderName;
            if (format == NodeFormat.Node)
            {
                _children = new ArrayList();
            }
        }

        /// <summary>A permanent interior node.</summary>
        public static MoNode Interior(string name, AccessRights access)
        {
            return new MoNode(name, NodeFormat.Node, access);
        }

        /// <summary>A permanent leaf.</summary>
        public static MoNode Leaf(string name, NodeFormat format, AccessRights access)
        {
            if (format == NodeFormat.Node)
            {
                throw new ArgumentException("a leaf needs a value format");
            }
            return new MoNode(name, format, access);
        }

        /// <summary>A placeholder (<c>&lt;x&gt;</c>) node: dynamic siblings with server-chosen names.</summary>
        public static MoNode Placeholder(NodeFormat format, AccessRights access)
        {
            return new MoNode(PlaceholderName, format, access);
        }

        /// <summary>Node name, or <see cref="PlaceholderName"/>.</summary>
        public string Name { get; private set; }

        /// <summary>Value format; <see cref="NodeFormat.Node"/> for interior nodes.</summary>
        public NodeFormat Format { get; private set; }

        /// <summary>True for interior nodes.</summary>
        public bool IsInterior { get { return Format == NodeFormat.Node; } }

        /// <summary>True for a <c>&lt;x&gt;</c> node.</summary>
        public bool IsPlaceholder { get { return Name == PlaceholderName; } }

        /// <summary>Operations the node allows (whatever the ACL grants).</summary>
        public AccessRights Access { get; set; }

        /// <summary>
        /// True (default for named nodes): created with its parent, never deleted. False: dynamic, created by
        /// HGET or app code, deletable. Placeholders are always dynamic.
        /// </summary>
        public bool IsPermanent { get; set; }

        /// <summary>
        /// True for credentials: never serialized (left out of objects; a GET or HPUT/HPOST addressed at it
        /// answers 405), but writable when <see cref="Access"/> allows Replace.
        /// </summary>
        public bool IsSecret { get; set; }

        /// <summary>Largest value accepted on write, in bytes (1..<see cref="TreeLimits.MaxValueBytesLimit"/>); larger → 413.</summary>
        public int MaxValueBytes
        {
            get { return _maxValueBytes; }
            set
            {
                if (value < 1 || value > TreeLimits.MaxValueBytesLimit)
                {
                    throw new ArgumentOutOfRangeException("value");
                }
                _maxValueBytes = value;
            }
        }

        /// <summary>Initial value (text form) of a permanent leaf when nothing is stored; null for none.</summary>
        public string DefaultText { get; set; }

        /// <summary>EXEC handler; null → EXEC answers 405 even when <see cref="Access"/> has Exec.</summary>
        public ExecHandler ExecHandler { get; set; }

        /// <summary>Stream sink for HGET bodies; when set, the leaf never stores a value.</summary>
        public StreamSinkHandler StreamSink { get; set; }

        /// <summary>Supplies the value on read instead of the stored one; null → stored value.</summary>
        public ValueGetter Getter { get; set; }

        /// <summary>Approves (and observes) writes before they are stored; null → accept.</summary>
        public ValueSetter Setter { get; set; }

        /// <summary>The parent definition, null for an MO root.</summary>
        public MoNode Parent { get; private set; }

        /// <summary>Number of child definitions (0 for leaves).</summary>
        public int ChildCount { get { return _children == null ? 0 : _children.Count; } }

        /// <summary>A child definition by position (definition order = serialization order).</summary>
        public MoNode GetChild(int index)
        {
            return (MoNode)_children[index];
        }

        /// <summary>
        /// The definition a child named <paramref name="name"/> follows: the child with that exact name, else
        /// the placeholder child, else null.
        /// </summary>
        public MoNode FindChild(string name)
        {
            if (_children == null)
            {
                return null;
            }
            MoNode placeholder = null;
            for (int i = 0; i < _children.Count; i++)
            {
                MoNode child = (MoNode)_children[i];
                if (child.Name == name)
                {
                    return child;
                }
                if (child.IsPlaceholder)
                {
                    placeholder = child;
                }
            }
            return placeholder;
        }

        /// <summary>Adds a child definition and returns it (so subtrees can be built inline).</summary>
        /// <exception cref="InvalidOperationException">This node is a leaf, or a child with that name exists.</exception>
        public MoNode Add(MoNode child)
        {
            if (child == null)
            {
                throw new ArgumentNullException("child");
            }
            if (_children == null || child.Parent != null)
            {
                throw new InvalidOperationException("cannot add child");
            }
            for (int i = 0; i < _children.Count; i++)
            {
                if (((MoNode)_children[i]).Name == child.Name)
                {
                    throw new InvalidOperationException("duplicate child");
                }
            }
            child.Parent = this;
            _children.Add(child);
            return child;
        }
    }
}

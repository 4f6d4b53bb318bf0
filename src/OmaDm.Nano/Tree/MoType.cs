using System;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// An MO type: MOID, DDF URL and the node definitions below its root. Register it with
    /// <see cref="ManagementTree.Register"/>, then add instances.
    /// </summary>
    public sealed class MoType
    {
        /// <summary>Most extra MOIDs one type answers to (e.g. DMAcc 1.2 also accepting 2.0).</summary>
        public const int MaxAliases = 4;

        private readonly string[] _aliases = new string[MaxAliases];
        private int _aliasCount;
        private int _maxInstances = TreeLimits.DefaultMaxInstancesPerType;
        private string _miidPrefix = "m";

        /// <summary>A type whose root allows Get only (add Delete to <see cref="Root"/>.Access to let servers delete stored instances).</summary>
        /// <param name="moid">MOID, with or without <c>urn:</c> (stored in <c>urn:</c> form).</param>
        /// <param name="ddfUrl">DDF URL listed in Package#1, or null.</param>
        public MoType(string moid, string ddfUrl)
        {
            string normalized = ClientUri.NormalizeMoid(moid);
            if (normalized == null)
            {
                throw new ArgumentException("invalid MOID");
            }
            Moid = normalized;
            DdfUrl = ddfUrl;
            Root = MoNode.Interior("root", AccessRights.Get);
        }

        /// <summary>The MOID in <c>urn:</c> form (what Package#1 lists and stored keys use).</summary>
        public string Moid { get; private set; }

        /// <summary>DDF URL listed in Package#1 (null → written as "").</summary>
        public string DdfUrl { get; private set; }

        /// <summary>Definition of the instance root (interior); add the top-level nodes here.</summary>
        public MoNode Root { get; private set; }

        /// <summary>Most instances (1..64); more → AddInstance throws, HGET creation answers 413.</summary>
        public int MaxInstances
        {
            get { return _maxInstances; }
            set
            {
                if (value < 1 || value > 64)
                {
                    throw new ArgumentOutOfRangeException("value");
                }
                _maxInstances = value;
            }
        }

        /// <summary>True when HGET without ClientURI may create instances of this type (default false).</summary>
        public bool AllowServerCreate { get; set; }

        /// <summary>
        /// Path of a leaf holding the server id that owns each instance (DMAcc: <c>SrvID</c>), or null. While an
        /// instance's ACL is empty, only that server has rights on it (every right the nodes allow); others get 403.
        /// </summary>
        public string OwnerServerIdPath { get; set; }

        /// <summary>Prefix of MIIDs the client picks for new instances (<c>m</c> → m1, m2, ...).</summary>
        public string MiidPrefix
        {
            get { return _miidPrefix; }
            set
            {
                if (!ClientUri.IsValidName(value))
                {
                    throw new ArgumentException("invalid MIID prefix");
                }
                _miidPrefix = value;
            }
        }

        /// <summary>Lets the type answer to another MOID too (input only; output uses <see cref="Moid"/>).</summary>
        public void AddAlias(string moid)
        {
            string normalized = ClientUri.NormalizeMoid(moid);
            if (normalized == null || _aliasCount == MaxAliases)
            {
                throw new ArgumentException("invalid or too many aliases");
            }
            _aliases[_aliasCount++] = normalized;
        }

        /// <summary>True when <paramref name="moid"/> (urn: form) is <see cref="Moid"/> or an alias.</summary>
        public bool Matches(string moid)
        {
            if (moid == Moid)
            {
                return true;
            }
            for (int i = 0; i < _aliasCount; i++)
            {
                if (_aliases[i] == moid)
                {
                    return true;
                }
            }
            return false;
        }
    }
}

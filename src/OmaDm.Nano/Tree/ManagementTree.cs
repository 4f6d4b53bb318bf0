using System;
using System.Collections;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// The device's management tree: registered MO types, their instances, and the operations the DM
    /// session runs on them (GET, HGET body, HPUT/HPOST serialization, DELETE, EXEC). Every operation
    /// answers a DM status code; none throws for bad network input.
    /// </summary>
    /// <remarks>
    /// Boot order: <c>store.Load()</c> (shared with other users of the store) → <see cref="Register"/> every
    /// type → <see cref="AddInstance(string, string)"/> the static instances → <see cref="Load"/> (restores
    /// stored instances and values). Writes are staged in the record store; the session calls
    /// <see cref="Commit"/> once at the end of each Package#2. Not thread-safe: one session thread uses it.
    /// </remarks>
    public sealed partial class ManagementTree
    {
        private readonly RecordStore _store;
        private readonly ArrayList _types = new ArrayList(); // of TypeEntry, registration order
        private readonly string _epoch;

        /// <summary>A tree that persists through <paramref name="store"/>.</summary>
        public ManagementTree(RecordStore store)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }
            _store = store;
            // Changes on every boot so a validator handed out before a reset never matches after it
            // (values from getter hooks, e.g. FwV, may have changed meanwhile).
            _epoch = Hex8((uint)new Random().Next() ^ (uint)DateTime.UtcNow.Ticks);
        }

        /// <summary>The record store values are persisted through.</summary>
        public RecordStore Store { get { return _store; } }

        /// <summary>Number of registered MO types.</summary>
        public int TypeCount { get { return _types.Count; } }

        /// <summary>A registered type by position (registration order).</summary>
        public MoType TypeAt(int index)
        {
            return ((TypeEntry)_types[index]).Type;
        }

        /// <summary>Registers an MO type. Throws when its MOID (or an alias) is registered already or there are too many types.</summary>
        public void Register(MoType type)
        {
            if (type == null)
            {
                throw new ArgumentNullException("type");
            }
            if (FindEntry(type.Moid) != null || _types.Count == TreeLimits.MaxTypes)
            {
                throw new InvalidOperationException("MO type already registered or too many types");
            }
            _types.Add(new TypeEntry(type));
        }

        /// <summary>The type registered for <paramref name="moid"/> (with or without urn:, aliases too), or null.</summary>
        public MoType FindType(string moid)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            return entry == null ? null : entry.Type;
        }

        /// <summary>Adds a <see cref="InstanceLifetime.Static"/> instance, or returns the existing one with that MIID.</summary>
        public MoInstance AddInstance(string moid, string miid)
        {
            return AddInstance(moid, miid, InstanceLifetime.Static);
        }

        /// <summary>
        /// Adds an instance, or returns the existing one with that MIID. A <see cref="InstanceLifetime.Stored"/>
        /// instance is recorded in the store (staged until <see cref="Commit"/>).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown MOID or invalid MIID.</exception>
        /// <exception cref="InvalidOperationException">The type's <see cref="MoType.MaxInstances"/> is reached.</exception>
        public MoInstance AddInstance(string moid, string miid, InstanceLifetime lifetime)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            if (entry == null || !ClientUri.IsValidName(miid))
            {
                throw new ArgumentException("unknown MOID or invalid MIID");
            }
            MoInstance existing = entry.Find(miid);
            if (existing != null)
            {
                return existing;
            }
            if (entry.Instances.Count >= entry.Type.MaxInstances)
            {
                throw new InvalidOperationException("too many instances");
            }
            return CreateInstance(entry, miid, lifetime);
        }

        /// <summary>The instance with that MOID and MIID, or null.</summary>
        public MoInstance FindInstance(string moid, string miid)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            return entry == null ? null : entry.Find(miid);
        }

        /// <summary>Number of instances of the MOID (0 when not registered).</summary>
        public int InstanceCount(string moid)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            return entry == null ? 0 : entry.Instances.Count;
        }

        /// <summary>An instance of the MOID by position (creation order).</summary>
        public MoInstance InstanceAt(string moid, int index)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            if (entry == null)
            {
                throw new ArgumentException("unknown MOID");
            }
            return (MoInstance)entry.Instances[index];
        }

        /// <summary>Removes an instance and its stored values (app code: no ACL or permanence check). False when absent.</summary>
        public bool RemoveInstance(string moid, string miid)
        {
            TypeEntry entry = FindEntry(ClientUri.NormalizeMoid(moid));
            MoInstance instance = entry == null ? null : entry.Find(miid);
            if (instance == null)
            {
                return false;
            }
            DropInstance(entry, instance);
            return true;
        }

        private MoInstance CreateInstance(TypeEntry entry, string miid, InstanceLifetime lifetime)
        {
            MoInstance instance = new MoInstance(this, entry.Type, miid, lifetime);
            entry.Instances.Add(instance);
            if (lifetime == InstanceLifetime.Stored && !IsLoading)
            {
                _store.Put(InstanceKey(entry.Type.Moid, miid), new byte[] { (byte)'1' });
            }
            return instance;
        }

        private void DropInstance(TypeEntry entry, MoInstance instance)
        {
            RemoveKeys(instance, "");
            _store.Remove(InstanceKey(instance.Moid, instance.Miid));
            entry.Instances.Remove(instance);
        }

        private TypeEntry FindEntry(string normalizedMoid)
        {
            if (normalizedMoid == null)
            {
                return null;
            }
            for (int i = 0; i < _types.Count; i++)
            {
                TypeEntry entry = (TypeEntry)_types[i];
                if (entry.Type.Matches(normalizedMoid))
                {
                    return entry;
                }
            }
            return null;
        }

        /// <summary>Boot epoch, first half of every cache validator.</summary>
        internal string Epoch { get { return _epoch; } }

        /// <summary>Eight lower-case hex digits.</summary>
        internal static string Hex8(uint value)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                chars[i] = digits[(int)(value & 0xF)];
                value >>= 4;
            }
            return new string(chars);
        }
    }
}

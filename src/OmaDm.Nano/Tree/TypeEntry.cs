using System.Collections;

namespace OmaDm.Nano.Tree
{
    /// <summary>A registered MO type and its instances (in creation order).</summary>
    internal sealed class TypeEntry
    {
        internal TypeEntry(MoType type)
        {
            Type = type;
        }

        internal readonly MoType Type;

        /// <summary>Of MoInstance.</summary>
        internal readonly ArrayList Instances = new ArrayList();

        internal MoInstance Find(string miid)
        {
            for (int i = 0; i < Instances.Count; i++)
            {
                MoInstance instance = (MoInstance)Instances[i];
                if (instance.Miid == miid)
                {
                    return instance;
                }
            }
            return null;
        }
    }
}

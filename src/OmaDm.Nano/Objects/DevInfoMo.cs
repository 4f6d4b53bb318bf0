using System.Text;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Objects
{
    /// <summary>
    /// DevInfo MO (<c>urn:oma:mo:oma-dm-devinfo:1.0</c>): DevID, Man, Mod, DmV, Lang, DevType, OEM, FwV, SwV,
    /// HwV and Ext/FreeMem, all read-only and read from <see cref="IDeviceFacts"/> at every GET (nothing stored).
    /// </summary>
    public static class DevInfoMo
    {
        /// <summary>The DevInfo MOID.</summary>
        public const string Moid = "urn:oma:mo:oma-dm-devinfo:1.0";

        /// <summary>DDF URL listed in Package#1.</summary>
        public const string DdfUrl = "http://www.openmobilealliance.org/tech/omna/dm/devinfo/OMA-DM-DevInfo-DDF-V1_0.ddf";

        /// <summary>MIID of the one DevInfo instance.</summary>
        public const string Miid = "devinfo";

        /// <summary>DM protocol version reported in DmV.</summary>
        public const string DmVersion = "2.0";

        /// <summary>The DevInfo type with getters bound to <paramref name="facts"/>.</summary>
        public static MoType CreateType(IDeviceFacts facts)
        {
            if (facts == null)
            {
                throw new System.ArgumentNullException("facts");
            }
            MoType type = new MoType(Moid, DdfUrl);
            type.MaxInstances = 1;
            ValueGetter getter = new FactsReader(facts).Get;
            string[] names = new string[] { "DevID", "Man", "Mod", "DmV", "Lang", "DevType", "OEM", "FwV", "SwV", "HwV" };
            for (int i = 0; i < names.Length; i++)
            {
                type.Root.Add(MoNode.Leaf(names[i], NodeFormat.Chr, AccessRights.Get)).Getter = getter;
            }
            MoNode ext = type.Root.Add(MoNode.Interior("Ext", AccessRights.Get));
            ext.Add(MoNode.Leaf("FreeMem", NodeFormat.Int, AccessRights.Get)).Getter = getter;
            return type;
        }

        /// <summary>Registers the type in <paramref name="tree"/> and adds its static instance <see cref="Miid"/>.</summary>
        public static MoInstance Register(ManagementTree tree, IDeviceFacts facts)
        {
            tree.Register(CreateType(facts));
            return tree.AddInstance(Moid, Miid);
        }

        /// <summary>Maps node paths to the platform's facts.</summary>
        private sealed class FactsReader
        {
            private readonly IDeviceFacts _facts;

            internal FactsReader(IDeviceFacts facts)
            {
                _facts = facts;
            }

            internal byte[] Get(MoInstance instance, string path)
            {
                string value = null;
                // if-chain rather than a string switch: keeps the device build free of compiler-generated hashing helpers
                if (path == "DevID") { value = _facts.DevId; }
                else if (path == "Man") { value = _facts.Manufacturer; }
                else if (path == "Mod") { value = _facts.Model; }
                else if (path == "DmV") { value = DmVersion; }
                else if (path == "Lang") { value = _facts.Language; }
                else if (path == "DevType") { value = _facts.DeviceType; }
                else if (path == "OEM") { value = _facts.Oem; }
                else if (path == "FwV") { value = _facts.FirmwareVersion; }
                else if (path == "SwV") { value = _facts.SoftwareVersion; }
                else if (path == "HwV") { value = _facts.HardwareVersion; }
                else if (path == "Ext/FreeMem")
                {
                    long free = _facts.FreeMemoryBytes;
                    value = free < 0 ? null : free.ToString();
                }
                return value == null ? null : Encoding.UTF8.GetBytes(value);
            }
        }
    }
}

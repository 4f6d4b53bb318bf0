using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tree
{
    public sealed partial class ManagementTree
    {
        private byte[] _base64Scratch; // grown on demand for bin values, reused

        /// <summary>
        /// Writes one <c>{"DDF":..,"MOID":..,"MIID":[..]}</c> object per registered type that has instances,
        /// in registration order: the entries of Package#1's <c>"MOS"</c> array (the caller writes the
        /// property name and the array brackets).
        /// </summary>
        public void WriteMos(JsonWriter writer)
        {
            WriteMos(writer, null);
        }

        /// <summary>
        /// As <see cref="WriteMos(JsonWriter)"/>, listing only instances whose ACL grants
        /// <paramref name="serverId"/> Get (null lists every instance).
        /// </summary>
        public void WriteMos(JsonWriter writer, string serverId)
        {
            for (int t = 0; t < _types.Count; t++)
            {
                TypeEntry entry = (TypeEntry)_types[t];
                bool started = false;
                for (int i = 0; i < entry.Instances.Count; i++)
                {
                    MoInstance instance = (MoInstance)entry.Instances[i];
                    if (serverId != null && (instance.GetAccess(serverId) & AccessRights.Get) == 0)
                    {
                        continue;
                    }
                    if (!started)
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName("DDF");
                        writer.WriteString(entry.Type.DdfUrl == null ? "" : entry.Type.DdfUrl);
                        writer.WritePropertyName("MOID");
                        writer.WriteString(entry.Type.Moid);
                        writer.WritePropertyName("MIID");
                        writer.WriteStartArray();
                        started = true;
                    }
                    writer.WriteString(instance.Miid);
                }
                if (started)
                {
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }
        }

        /// <summary>
        /// Runs a GET and writes its complete status object: <c>{"sc":200,"URI":[..],"Data":[..],"cv":".."}</c>,
        /// <c>{"sc":304}</c> when <c>?cv=</c> matches, or <c>{"sc":4xx}</c>.
        /// </summary>
        /// <remarks>
        /// <c>URI</c> entries carry the concrete MIID. A <c>*</c> MIID gives one URI/Data pair per instance the
        /// server may read that has the node (instances that deny it are left out; 403/404 only when none
        /// matches) and no <c>cv</c>, and <c>?cv=</c> is ignored with it.
        /// Statuses: 401 no server id; 404 unknown MOID/instance/node or empty MIID with zero or several
        /// instances; 403 ACL denies Get; 405 node without Get or secret.
        /// </remarks>
        /// <returns>The status code written.</returns>
        public int WriteGetStatus(ClientUri uri, string serverId, JsonWriter writer)
        {
            int status = uri.IsWildcard ? WriteWildcardGet(uri, serverId, writer) : WriteSingleGet(uri, serverId, writer);
            if (status != TreeStatus.Ok && status != TreeStatus.NotModified)
            {
                WriteStatusOnly(writer, status);
            }
            return status;
        }

        /// <summary>
        /// Checks that <paramref name="uri"/> may be serialized for <paramref name="serverId"/> (HPUT/HPOST) without
        /// writing anything: 200, 400 (wildcard), 401, 403, 404, 405.
        /// </summary>
        public int CanSerialize(ClientUri uri, string serverId)
        {
            MoInstance instance;
            TreeNode node;
            return ResolveReadable(uri, serverId, out instance, out node);
        }

        /// <summary>
        /// Writes the MO serialization of <paramref name="uri"/> (HPUT/HPOST body): a leaf as its JSON value, an
        /// interior node as an object of its readable children. Writes nothing unless the answer is 200.
        /// </summary>
        /// <returns>200, or the <see cref="CanSerialize"/> failure.</returns>
        public int Serialize(ClientUri uri, string serverId, JsonWriter writer)
        {
            MoInstance instance;
            TreeNode node;
            int status = ResolveReadable(uri, serverId, out instance, out node);
            if (status == TreeStatus.Ok)
            {
                WriteNodeValue(writer, instance, node);
            }
            return status;
        }

        private int WriteSingleGet(ClientUri uri, string serverId, JsonWriter writer)
        {
            MoInstance instance;
            TreeNode node;
            int status = ResolveReadable(uri, serverId, out instance, out node);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            string cv = instance.CacheValidator;
            if (uri.CacheValidator != null && uri.CacheValidator == cv)
            {
                WriteStatusOnly(writer, TreeStatus.NotModified);
                return TreeStatus.NotModified;
            }
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(TreeStatus.Ok);
            writer.WritePropertyName("URI");
            writer.WriteStartArray();
            writer.WriteString(ClientUri.Format(instance.Moid, instance.Miid, uri.Path));
            writer.WriteEndArray();
            writer.WritePropertyName("Data");
            writer.WriteStartArray();
            WriteNodeValue(writer, instance, node);
            writer.WriteEndArray();
            writer.WritePropertyName("cv");
            writer.WriteString(cv);
            writer.WriteEndObject();
            return TreeStatus.Ok;
        }

        private int WriteWildcardGet(ClientUri uri, string serverId, JsonWriter writer)
        {
            if (serverId == null || serverId.Length == 0)
            {
                return TreeStatus.Unauthorized;
            }
            TypeEntry entry = FindEntry(uri.Moid);
            if (entry == null)
            {
                return TreeStatus.NotFound;
            }
            int failure = TreeStatus.NotFound;
            int matches = 0;
            for (int i = 0; i < entry.Instances.Count; i++)
            {
                TreeNode node;
                int status = CheckReadable((MoInstance)entry.Instances[i], uri, serverId, out node);
                if (status == TreeStatus.Ok)
                {
                    matches++;
                }
                else if (i == 0 || status == TreeStatus.Forbidden)
                {
                    failure = status;
                }
            }
            if (matches == 0)
            {
                return failure;
            }
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(TreeStatus.Ok);
            for (int pass = 0; pass < 2; pass++)
            {
                writer.WritePropertyName(pass == 0 ? "URI" : "Data");
                writer.WriteStartArray();
                for (int i = 0; i < entry.Instances.Count; i++)
                {
                    MoInstance instance = (MoInstance)entry.Instances[i];
                    TreeNode node;
                    if (CheckReadable(instance, uri, serverId, out node) != TreeStatus.Ok)
                    {
                        continue;
                    }
                    if (pass == 0)
                    {
                        writer.WriteString(ClientUri.Format(instance.Moid, instance.Miid, uri.Path));
                    }
                    else
                    {
                        WriteNodeValue(writer, instance, node);
                    }
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            return TreeStatus.Ok;
        }

        private static void WriteStatusOnly(JsonWriter writer, int status)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(status);
            writer.WriteEndObject();
        }

        /// <summary>401 → instance (400 wildcard, 404) → ACL Get (403) → node (404) → readable (405).</summary>
        private int ResolveReadable(ClientUri uri, string serverId, out MoInstance instance, out TreeNode node)
        {
            node = null;
            int status = ResolveInstance(uri, serverId, out instance);
            return status != TreeStatus.Ok ? status : CheckReadable(instance, uri, serverId, out node);
        }

        private static int CheckReadable(MoInstance instance, ClientUri uri, string serverId, out TreeNode node)
        {
            node = null;
            int status = instance.CheckAccess(serverId, AccessRights.Get);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            node = instance.Find(uri.Segments);
            if (node == null)
            {
                return TreeStatus.NotFound;
            }
            return IsReadable(node.Definition) ? TreeStatus.Ok : TreeStatus.NotAllowed;
        }

        private static bool IsReadable(MoNode def)
        {
            return !def.IsSecret && (def.Access & AccessRights.Get) != 0;
        }

        /// <summary>
        /// The instance a non-wildcard URI names: 401 without server id, 400 for <c>*</c>, 404 for an unknown
        /// MOID or MIID and for an empty MIID unless exactly one instance exists.
        /// </summary>
        internal int ResolveInstance(ClientUri uri, string serverId, out MoInstance instance)
        {
            instance = null;
            if (serverId == null || serverId.Length == 0)
            {
                return TreeStatus.Unauthorized;
            }
            if (uri.IsWildcard)
            {
                return TreeStatus.BadRequest;
            }
            TypeEntry entry = FindEntry(uri.Moid);
            if (entry == null)
            {
                return TreeStatus.NotFound;
            }
            if (uri.IsMiidOmitted)
            {
                if (entry.Instances.Count != 1)
                {
                    return TreeStatus.NotFound;
                }
                instance = (MoInstance)entry.Instances[0];
            }
            else
            {
                instance = entry.Find(uri.Miid);
            }
            return instance == null ? TreeStatus.NotFound : TreeStatus.Ok;
        }

        private void WriteNodeValue(JsonWriter writer, MoInstance instance, TreeNode node)
        {
            if (node.IsInterior)
            {
                writer.WriteStartObject();
                for (int i = 0; i < node.Children.Count; i++)
                {
                    TreeNode child = (TreeNode)node.Children[i];
                    if (IsReadable(child.Definition))
                    {
                        writer.WritePropertyName(child.Name);
                        WriteNodeValue(writer, instance, child);
                    }
                }
                writer.WriteEndObject();
                return;
            }
            byte[] value = instance.ReadValue(node);
            NodeFormat format = node.Definition.Format;
            if (value == null)
            {
                writer.WriteNull();
            }
            else if (ValueCodec.IsRawJson(format))
            {
                writer.WriteRawValue(value, 0, value.Length); // validated on write: already JSON number/literal text
            }
            else if (format == NodeFormat.Bin)
            {
                int length = Base64Codec.EncodedLength(value.Length);
                if (_base64Scratch == null || _base64Scratch.Length < length)
                {
                    _base64Scratch = new byte[length];
                }
                Base64Codec.Encode(value, 0, value.Length, _base64Scratch);
                writer.WriteString(_base64Scratch, 0, length);
            }
            else
            {
                writer.WriteString(value, 0, value.Length);
            }
        }
    }
}

using System;
using System.Collections;
using System.IO;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tree
{
    public sealed partial class ManagementTree
    {
        private JsonReader _jsonReader; // allocated on the first JSON body, reused (window and nesting stack)

        private int WriteLeafBody(MoInstance instance, string[] segments, MoNode def, string media, Stream body, long length)
        {
            byte[] value;
            bool clear = false;
            int status;
            if (media == JsonMedia)
            {
                status = ReadJsonLeaf(def, body, length, out value, out clear);
            }
            else if (media == null || media == TextMedia || media == OctetMedia)
            {
                status = ReadRaw(body, length, def.MaxValueBytes, out value);
            }
            else
            {
                return TreeStatus.UnsupportedMediaType;
            }
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            if (clear)
            {
                return TreeStatus.BadRequest; // null is no value for a single leaf write
            }
            byte[] normalized;
            status = MoInstance.CheckValue(def, value, out normalized);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            TreeNode node;
            status = instance.Ensure(segments, true, out node);
            return status != TreeStatus.Ok ? status : instance.StoreLeaf(node, normalized, true);
        }

        private int WriteInteriorBody(MoInstance instance, string[] segments, string serverId, Stream body, long length)
        {
            if (length > TreeLimits.MaxJsonBodyBytes)
            {
                return TreeStatus.TooLarge;
            }
            TreeNode existing;
            MoNode def;
            ResolveTarget(instance, segments, out existing, out def); // checked by the caller
            ArrayList pending = new ArrayList();
            int newNodes = 0;
            if (existing == null)
            {
                pending.Add(new PendingWrite(segments, def, null, false));
                newNodes = MoInstance.CountNew(def);
            }
            BoundedReadStream bounded = new BoundedReadStream(body, TreeLimits.MaxJsonBodyBytes);
            try
            {
                JsonReader reader = Reader(bounded);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return TreeStatus.BadRequest;
                }
                int status = ParseObject(reader, segments, existing, def, instance.GetAccess(serverId),
                    instance.Moid.Length + 1 + instance.Miid.Length, pending, ref newNodes);
                if (status != TreeStatus.Ok)
                {
                    return status;
                }
                if (reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
            }
            catch (JsonException ex)
            {
                return JsonFailure(ex, bounded);
            }
            if (instance.NodeCount + newNodes > TreeLimits.MaxNodesPerInstance)
            {
                return TreeStatus.TooLarge;
            }
            return Apply(instance, pending);
        }

        /// <summary>
        /// Parses the members of an object (reader just past StartObject) against <paramref name="parentDef"/>.
        /// <paramref name="parentNode"/> null = the parent is being created (its permanent children will exist).
        /// Existing leaves need Replace, new nodes Add, in both the definition and <paramref name="acl"/>.
        /// <paramref name="uriBase"/> is the length of "MOID/MIID", to keep new nodes addressable.
        /// </summary>
        private int ParseObject(JsonReader reader, string[] parentSegments, TreeNode parentNode, MoNode parentDef,
            AccessRights acl, int uriBase, ArrayList pending, ref int newNodes)
        {
            while (true)
            {
                if (!reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return TreeStatus.Ok;
                }
                if (reader.ValueByteLength > ClientUri.MaxClientUriChars)
                {
                    return TreeStatus.BadRequest;
                }
                string name = reader.GetString();
                if (!ClientUri.IsValidName(name))
                {
                    return TreeStatus.BadRequest;
                }
                MoNode def = parentDef.FindChild(name);
                if (def == null)
                {
                    return TreeStatus.NotFound;
                }
                if (parentSegments.Length >= TreeLimits.MaxDepth)
                {
                    return TreeStatus.TooLarge; // deeper than any ClientURI can address
                }
                TreeNode node = parentNode == null ? null : parentNode.FindChild(name);
                bool willExist = node != null || (parentNode == null && def.IsPermanent && !def.IsPlaceholder);
                AccessRights needed = willExist ? (def.IsInterior ? AccessRights.None : AccessRights.Replace) : AccessRights.Add;
                if ((def.Access & needed) != needed)
                {
                    return TreeStatus.NotAllowed;
                }
                if ((acl & needed) != needed)
                {
                    return TreeStatus.Forbidden;
                }
                string[] segments = Append(parentSegments, name);
                if (!willExist && !MoInstance.FitsUri(uriBase, segments))
                {
                    return TreeStatus.TooLarge; // the new node would not be addressable by a ClientURI
                }
                if (!reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
                int status;
                if (def.IsInterior)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return TreeStatus.BadRequest;
                    }
                    if (!willExist)
                    {
                        pending.Add(new PendingWrite(segments, def, null, false));
                        newNodes += MoInstance.CountNew(def);
                    }
                    status = ParseObject(reader, segments, node, def, acl, uriBase, pending, ref newNodes);
                }
                else
                {
                    status = ParseLeafMember(reader, segments, def, willExist, pending, ref newNodes);
                }
                if (status != TreeStatus.Ok)
                {
                    return status;
                }
            }
        }

        private static int ParseLeafMember(JsonReader reader, string[] segments, MoNode def, bool willExist,
            ArrayList pending, ref int newNodes)
        {
            if (def.StreamSink != null)
            {
                return TreeStatus.NotAllowed;
            }
            byte[] value;
            bool clear;
            int status = ReadLeafToken(reader, def, out value, out clear);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            if (clear)
            {
                if (willExist)
                {
                    pending.Add(new PendingWrite(segments, def, null, true));
                }
                return TreeStatus.Ok;
            }
            byte[] normalized;
            status = MoInstance.CheckValue(def, value, out normalized);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            if (!willExist)
            {
                newNodes++;
            }
            pending.Add(new PendingWrite(segments, def, normalized, false));
            return TreeStatus.Ok;
        }

        /// <summary>The current token as a value for <paramref name="def"/>: 400 wrong JSON type, 413 too large.</summary>
        private static int ReadLeafToken(JsonReader reader, MoNode def, out byte[] value, out bool clear)
        {
            value = null;
            clear = false;
            NodeFormat format = def.Format;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    clear = true;
                    return TreeStatus.Ok;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    if (format != NodeFormat.Bool)
                    {
                        return TreeStatus.BadRequest;
                    }
                    value = reader.TokenType == JsonTokenType.True ? TrueText : FalseText;
                    return TreeStatus.Ok;
                case JsonTokenType.Number:
                    if (format != NodeFormat.Int && format != NodeFormat.Float)
                    {
                        return TreeStatus.BadRequest;
                    }
                    break;
                case JsonTokenType.String:
                    if (format == NodeFormat.Int || format == NodeFormat.Float || format == NodeFormat.Bool)
                    {
                        return TreeStatus.BadRequest;
                    }
                    break;
                default:
                    return TreeStatus.BadRequest;
            }
            int length = reader.ValueByteLength;
            int decoded = format == NodeFormat.Bin ? length / 4 * 3 : length;
            if (decoded > def.MaxValueBytes + 2)
            {
                return TreeStatus.TooLarge; // +2: padding makes the estimate at most 2 over the real length
            }
            byte[] text = new byte[length];
            reader.CopyValue(text, 0);
            if (format == NodeFormat.Bin)
            {
                value = Base64Codec.Decode(text, 0, text.Length);
                return value == null ? TreeStatus.BadRequest : TreeStatus.Ok;
            }
            value = text;
            return TreeStatus.Ok;
        }

        private static readonly byte[] TrueText = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseText = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };

        private int ReadJsonLeaf(MoNode def, Stream body, long length, out byte[] value, out bool clear)
        {
            value = null;
            clear = false;
            if (length > TreeLimits.MaxJsonBodyBytes)
            {
                return TreeStatus.TooLarge;
            }
            BoundedReadStream bounded = new BoundedReadStream(body, TreeLimits.MaxJsonBodyBytes);
            try
            {
                JsonReader reader = Reader(bounded);
                if (!reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
                int status = ReadLeafToken(reader, def, out value, out clear);
                if (status == TreeStatus.Ok && reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
                return status;
            }
            catch (JsonException ex)
            {
                return JsonFailure(ex, bounded);
            }
        }

        /// <summary>Reads a raw body of at most <paramref name="max"/> bytes: 413 when longer, 400 when shorter than announced.</summary>
        private static int ReadRaw(Stream body, long length, int max, out byte[] value)
        {
            value = null;
            if (length > max)
            {
                return TreeStatus.TooLarge;
            }
            byte[] buffer = new byte[length >= 0 ? (int)length + 1 : max + 1]; // +1 detects a body longer than announced
            int total = 0;
            while (total < buffer.Length)
            {
                int n = body.Read(buffer, total, buffer.Length - total);
                if (n <= 0)
                {
                    break;
                }
                total += n;
            }
            if (total > max || (length >= 0 && total > length))
            {
                return TreeStatus.TooLarge;
            }
            if (length >= 0 && total < length)
            {
                return TreeStatus.BadRequest;
            }
            value = new byte[total];
            Array.Copy(buffer, value, total);
            return TreeStatus.Ok;
        }

        private static int Apply(MoInstance instance, ArrayList pending)
        {
            for (int i = 0; i < pending.Count; i++)
            {
                PendingWrite write = (PendingWrite)pending[i];
                TreeNode node;
                int status = instance.Ensure(write.Segments, false, out node);
                if (status == TreeStatus.Ok && !node.IsInterior)
                {
                    status = write.Clear ? instance.ClearLeaf(node) : instance.StoreLeaf(node, write.Value, true);
                }
                if (status != TreeStatus.Ok)
                {
                    return status;
                }
            }
            return TreeStatus.Ok;
        }

        private static int JsonFailure(JsonException ex, BoundedReadStream bounded)
        {
            return bounded.LimitExceeded || ex.Error == JsonError.TokenTooLong || ex.Error == JsonError.DepthExceeded
                ? TreeStatus.TooLarge : TreeStatus.BadRequest;
        }

        /// <summary>The tree's one JSON reader (window of <see cref="TreeLimits.JsonWindowBytes"/>), reset onto <paramref name="body"/>.</summary>
        private JsonReader Reader(Stream body)
        {
            if (_jsonReader == null)
            {
                // +2: the body's own object and the "Data" wrapper of an HGET without ClientURI.
                _jsonReader = new JsonReader(body, new byte[TreeLimits.JsonWindowBytes], TreeLimits.MaxDepth + 2);
            }
            else
            {
                _jsonReader.Reset(body);
            }
            return _jsonReader;
        }

        private static string[] Append(string[] segments, string name)
        {
            string[] result = new string[segments.Length + 1];
            Array.Copy(segments, result, segments.Length);
            result[segments.Length] = name;
            return result;
        }
    }
}

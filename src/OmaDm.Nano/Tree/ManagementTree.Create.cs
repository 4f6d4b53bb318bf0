using System.Collections;
using System.IO;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tree
{
    public sealed partial class ManagementTree
    {
        /// <summary>HGET without ClientURI (contract form): same as the overload with a null media type.</summary>
        public int CreateFromBody(string serverId, Stream body, long length, out string createdUri)
        {
            return CreateFromBody(serverId, null, body, length, out createdUri);
        }

        /// <summary>
        /// HGET without ClientURI: the body <c>{"MOID":"urn:...","Data":{...}}</c> (MOID first; other members
        /// skipped) creates a new <see cref="InstanceLifetime.Stored"/> instance whose MIID the client picks
        /// (<see cref="MoType.MiidPrefix"/> + lowest free number). The creating server's ACL rights are not
        /// checked (the new instance starts with an empty ACL); node formats and access rights are.
        /// </summary>
        /// <param name="serverId">Server that sent the HGET.</param>
        /// <param name="contentType">Media type (parameters ignored); null is taken as JSON.</param>
        /// <param name="body">The response body; read, never disposed.</param>
        /// <param name="length">Content-Length, or -1 when unknown.</param>
        /// <param name="createdUri">The new instance's ClientURI (<c>urn:...:1.0/m2</c>) on 200, else null.</param>
        /// <returns>200; 400 malformed body or MOID not first; 401; 404 unknown MOID or node; 405 type does not
        /// allow server-created instances or a node refuses the write; 413 instance/node/body bound;
        /// 415 not JSON; 500 body read failure.</returns>
        public int CreateFromBody(string serverId, string contentType, Stream body, long length, out string createdUri)
        {
            createdUri = null;
            if (serverId == null || serverId.Length == 0)
            {
                return TreeStatus.Unauthorized;
            }
            string media = MediaType(contentType);
            if (media != null && media != JsonMedia)
            {
                return TreeStatus.UnsupportedMediaType;
            }
            if (length > TreeLimits.MaxJsonBodyBytes)
            {
                return TreeStatus.TooLarge;
            }
            BoundedReadStream bounded = new BoundedReadStream(body, TreeLimits.MaxJsonBodyBytes);
            ArrayList pending = new ArrayList();
            TypeEntry entry = null;
            int status;
            try
            {
                JsonReader reader = Reader(bounded);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                    || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueEquals("MOID")
                    || !reader.Read() || reader.TokenType != JsonTokenType.String
                    || reader.ValueByteLength > ClientUri.MaxClientUriChars)
                {
                    return TreeStatus.BadRequest;
                }
                entry = FindEntry(ClientUri.NormalizeMoid(reader.GetString()));
                if (entry == null)
                {
                    return TreeStatus.NotFound;
                }
                if (!entry.Type.AllowServerCreate)
                {
                    return TreeStatus.NotAllowed;
                }
                if (entry.Instances.Count >= entry.Type.MaxInstances)
                {
                    return TreeStatus.TooLarge;
                }
                int newNodes = MoInstance.CountNew(entry.Type.Root);
                while (true)
                {
                    if (!reader.Read())
                    {
                        return TreeStatus.BadRequest;
                    }
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }
                    if (reader.ValueEquals("Data"))
                    {
                        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                        {
                            return TreeStatus.BadRequest;
                        }
                        // The MIID is picked later: allow for prefix + two digits (MaxInstances ≤ 64).
                        int uriBase = entry.Type.Moid.Length + 1 + entry.Type.MiidPrefix.Length + 2;
                        status = ParseObject(reader, new string[0], null, entry.Type.Root, AccessRights.All, uriBase, pending, ref newNodes);
                        if (status != TreeStatus.Ok)
                        {
                            return status;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                if (reader.Read())
                {
                    return TreeStatus.BadRequest;
                }
                if (newNodes > TreeLimits.MaxNodesPerInstance)
                {
                    return TreeStatus.TooLarge;
                }
            }
            catch (JsonException ex)
            {
                return JsonFailure(ex, bounded);
            }
            catch (IOException)
            {
                return TreeStatus.DeviceError;
            }

            string miid = null;
            for (int n = 1; miid == null; n++)
            {
                string candidate = entry.Type.MiidPrefix + n.ToString();
                if (entry.Find(candidate) == null)
                {
                    miid = candidate;
                }
            }
            MoInstance instance = CreateInstance(entry, miid, InstanceLifetime.Stored);
            status = Apply(instance, pending);
            if (status != TreeStatus.Ok)
            {
                DropInstance(entry, instance);
                return status;
            }
            createdUri = ClientUri.Format(entry.Type.Moid, miid, "");
            return TreeStatus.Ok;
        }
    }
}

using System;
using System.IO;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    public sealed partial class ManagementTree
    {
        /// <summary>
        /// DELETE: removes a dynamic node (and its subtree), or a whole instance when the path is empty.
        /// </summary>
        /// <returns>200; 400 wildcard MIID; 401 no server id; 403 ACL lacks Delete; 404 unknown MOID,
        /// instance or node; 405 permanent node, node without Delete access, static instance, or an MO root
        /// without Delete access.</returns>
        public int Delete(ClientUri uri, string serverId)
        {
            MoInstance instance;
            int status = ResolveInstance(uri, serverId, out instance);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            status = instance.CheckAccess(serverId, AccessRights.Delete);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            if (uri.SegmentCount == 0)
            {
                if (instance.Lifetime != InstanceLifetime.Stored || (instance.Type.Root.Access & AccessRights.Delete) == 0)
                {
                    return TreeStatus.NotAllowed;
                }
                DropInstance(FindEntry(instance.Moid), instance);
                return TreeStatus.Ok;
            }
            TreeNode node = instance.Find(uri.Segments);
            if (node == null)
            {
                return TreeStatus.NotFound;
            }
            if ((node.Definition.Access & AccessRights.Delete) == 0)
            {
                return TreeStatus.NotAllowed;
            }
            return instance.RemoveNode(node);
        }

        /// <summary>
        /// EXEC: fills <paramref name="request"/> (server, instance, path, URI) and runs the node's
        /// <see cref="ExecHandler"/>. The handler's status is returned as is (200 sync, 202 accepted): when
        /// <see cref="ExecRequest.MustBeAsync"/> and the handler answered 200, reporting 202 and queueing
        /// the result alert is the session's job.
        /// </summary>
        /// <returns>The handler's status; 400 wildcard; 401; 403 ACL lacks Exec; 404; 405 node without Exec
        /// access or handler; 500 when the handler throws or answers a non-status value.</returns>
        public int Exec(ClientUri uri, string serverId, ExecRequest request)
        {
            MoInstance instance;
            int status = ResolveInstance(uri, serverId, out instance);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            status = instance.CheckAccess(serverId, AccessRights.Exec);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            TreeNode node = instance.Find(uri.Segments);
            if (node == null)
            {
                return TreeStatus.NotFound;
            }
            ExecHandler handler = node.Definition.ExecHandler;
            if (handler == null || (node.Definition.Access & AccessRights.Exec) == 0)
            {
                return TreeStatus.NotAllowed;
            }
            if (request == null)
            {
                request = new ExecRequest();
            }
            request.ServerId = serverId;
            request.Instance = instance;
            request.Path = uri.Path;
            request.Uri = uri.IsMiidOmitted ? uri.WithMiid(instance.Miid) : uri;
            try
            {
                status = handler(request);
            }
            catch (Exception)
            {
                return TreeStatus.DeviceError;
            }
            return status < 100 || status > 599 ? TreeStatus.DeviceError : status;
        }

        /// <summary>
        /// HGET into <paramref name="uri"/>: writes the repository's response body into the tree.
        /// </summary>
        /// <param name="uri">Target node (leaf, interior, stream sink) or instance root; created when dynamic and absent.</param>
        /// <param name="serverId">Server that sent the HGET.</param>
        /// <param name="contentType">Media type of the body (parameters ignored), or null.</param>
        /// <param name="body">The response body; read, never disposed.</param>
        /// <param name="length">Content-Length, or -1 when unknown.</param>
        /// <returns>
        /// 200; 400 wildcard, malformed JSON, value not valid for the format, unknown member types;
        /// 401; 403 ACL lacks Replace (existing) or Add (new); 404 no such instance or node definition;
        /// 405 node does not allow Replace/Add; 413 value, body or node count over its bound;
        /// 415 media type the node cannot take; 500 body read failure or hook exception; or a stream sink's status.
        /// </returns>
        /// <remarks>
        /// Leaf: <c>text/plain</c> or <c>application/octet-stream</c> (or no media type) carry the raw value
        /// (UTF-8 text form; raw bytes for bin), <c>application/json</c> a single JSON value. Interior:
        /// <c>application/json</c> object in the MO serialization shape; members are added or replaced,
        /// nodes not mentioned stay (merge). The whole body is validated before anything is written.
        /// </remarks>
        public int WriteFromBody(ClientUri uri, string serverId, string contentType, Stream body, long length)
        {
            MoInstance instance;
            int status = ResolveInstance(uri, serverId, out instance);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            TreeNode existing;
            MoNode def;
            status = ResolveTarget(instance, uri.Segments, out existing, out def);
            if (status != TreeStatus.Ok)
            {
                return status;
            }
            if (existing != null && existing.IsInterior)
            {
                // Merging into an existing interior node: each member is checked (Replace for existing
                // leaves, Add for new nodes); here the server needs at least one of the two.
                AccessRights granted = instance.GetAccess(serverId);
                if ((granted & (AccessRights.Replace | AccessRights.Add)) == 0)
                {
                    return instance.CheckAccess(serverId, AccessRights.Replace);
                }
            }
            else
            {
                // A missing permanent leaf comes with its new dynamic parent: the leaf is replaced, the parent added.
                bool permanent = def.IsPermanent && !def.IsPlaceholder;
                AccessRights needed = existing != null || permanent ? AccessRights.Replace : AccessRights.Add;
                AccessRights aclNeeded = existing != null ? needed : needed | AccessRights.Add;
                status = instance.CheckAccess(serverId, aclNeeded);
                if (status != TreeStatus.Ok)
                {
                    return status;
                }
                if ((def.Access & needed) == 0)
                {
                    return TreeStatus.NotAllowed;
                }
            }
            string media = MediaType(contentType);
            try
            {
                if (def.StreamSink != null)
                {
                    if (existing == null)
                    {
                        return TreeStatus.NotFound; // sinks are permanent leaves of their MO
                    }
                    return RunSink(instance, existing, uri, serverId, media, body, length);
                }
                if (!def.IsInterior)
                {
                    return WriteLeafBody(instance, uri.Segments, def, media, body, length);
                }
                if (media != JsonMedia)
                {
                    return TreeStatus.UnsupportedMediaType;
                }
                return WriteInteriorBody(instance, uri.Segments, serverId, body, length);
            }
            catch (IOException)
            {
                return TreeStatus.DeviceError; // the repository connection broke mid-body
            }
        }

        private int RunSink(MoInstance instance, TreeNode node, ClientUri uri, string serverId, string media, Stream body, long length)
        {
            StreamSinkRequest request = new StreamSinkRequest(instance, node.GetPath(),
                uri.IsMiidOmitted ? uri.WithMiid(instance.Miid) : uri, serverId, media, body, length);
            int status;
            try
            {
                status = node.Definition.StreamSink(request);
            }
            catch (Exception)
            {
                return TreeStatus.DeviceError;
            }
            return status < 100 || status > 599 ? TreeStatus.DeviceError : status;
        }

        /// <summary>
        /// The node at <paramref name="segments"/> if it exists, else the definition it would follow:
        /// 404 when no definition, or when the path runs through a leaf.
        /// </summary>
        private static int ResolveTarget(MoInstance instance, string[] segments, out TreeNode existing, out MoNode def)
        {
            TreeNode node = instance.Root;
            int depth = 0;
            while (depth < segments.Length)
            {
                TreeNode next = node.FindChild(segments[depth]);
                if (next == null)
                {
                    break;
                }
                node = next;
                depth++;
            }
            def = node.Definition;
            existing = depth == segments.Length ? node : null;
            for (int i = depth; i < segments.Length; i++)
            {
                def = def.IsInterior ? def.FindChild(segments[i]) : null;
                if (def == null)
                {
                    return TreeStatus.NotFound;
                }
            }
            return TreeStatus.Ok;
        }

        private const string JsonMedia = "application/json";
        private const string TextMedia = "text/plain";
        private const string OctetMedia = "application/octet-stream";

        /// <summary>Lower-case media type without parameters or surrounding spaces; null stays null.</summary>
        private static string MediaType(string contentType)
        {
            if (contentType == null)
            {
                return null;
            }
            int semicolon = contentType.IndexOf(';');
            string media = (semicolon >= 0 ? contentType.Substring(0, semicolon) : contentType).Trim();
            return media.ToLower();
        }
    }
}

using System.IO;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    /// <summary>An HGET body handed to a stream-sink leaf (see <see cref="StreamSinkHandler"/>). Built by the tree.</summary>
    public sealed class StreamSinkRequest
    {
        internal StreamSinkRequest(MoInstance instance, string path, ClientUri uri, string serverId,
            string contentType, Stream body, long length)
        {
            Instance = instance;
            Path = path;
            Uri = uri;
            ServerId = serverId;
            ContentType = contentType;
            Body = body;
            Length = length;
        }

        /// <summary>The instance that owns the leaf.</summary>
        public MoInstance Instance { get; private set; }

        /// <summary>Leaf path below the instance root.</summary>
        public string Path { get; private set; }

        /// <summary>The leaf's ClientURI with the concrete MIID.</summary>
        public ClientUri Uri { get; private set; }

        /// <summary>Server that sent the HGET.</summary>
        public string ServerId { get; private set; }

        /// <summary>Media type of the body without parameters, or null.</summary>
        public string ContentType { get; private set; }

        /// <summary>The body, streamed from the network. Owned by the caller: read it, do not dispose it.</summary>
        public Stream Body { get; private set; }

        /// <summary>Body length in bytes, or -1 when unknown.</summary>
        public long Length { get; private set; }
    }
}

using System.IO;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// Streams Package#3 (<c>{"Status":[{"sc":..}, ...]}</c>) into a request body while Package#2
    /// is still being read, one status per command.
    /// </summary>
    /// <remarks>RAM: the caller's buffer plus one <see cref="JsonWriter"/> per package.</remarks>
    public sealed class Package3Writer
    {
        private readonly byte[] _buffer;
        private JsonWriter _json;

        /// <summary>Creates a writer that goes through <paramref name="buffer"/> (owned by the caller, reused).</summary>
        /// <param name="buffer">Write buffer.</param>
        public Package3Writer(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>The underlying writer, for status objects written elsewhere (GET results by the tree).</summary>
        public JsonWriter Json { get { return _json; } }

        /// <summary>Statuses written since <see cref="Begin"/>.</summary>
        public int StatusCount { get; private set; }

        /// <summary>True between <see cref="Begin"/> and <see cref="End"/>.</summary>
        public bool IsOpen { get { return _json != null; } }

        /// <summary>Opens the package and its "Status" array.</summary>
        /// <param name="body">Request body stream.</param>
        public void Begin(Stream body)
        {
            _json = new JsonWriter(body, _buffer);
            _json.WriteStartObject();
            _json.WritePropertyName(Keys.Status);
            _json.WriteStartArray();
            StatusCount = 0;
        }

        /// <summary>Writes <c>{"sc":status}</c>.</summary>
        /// <param name="status">Status code.</param>
        public void WriteStatus(int status)
        {
            _json.WriteStartObject();
            _json.WritePropertyName(Keys.Sc);
            _json.WriteNumber(status);
            _json.WriteEndObject();
            StatusCount++;
        }

        /// <summary>Writes <c>{"sc":status,"URI":[uri]}</c> (HGET without ClientURI).</summary>
        /// <param name="status">Status code.</param>
        /// <param name="uri">ClientURI in urn: form.</param>
        public void WriteStatus(int status, string uri)
        {
            _json.WriteStartObject();
            _json.WritePropertyName(Keys.Sc);
            _json.WriteNumber(status);
            _json.WritePropertyName(Keys.Uri);
            _json.WriteStartArray();
            _json.WriteString(uri);
            _json.WriteEndArray();
            _json.WriteEndObject();
            StatusCount++;
        }

        /// <summary>Counts a status object that someone else wrote through <see cref="Json"/>.</summary>
        public void CountExternalStatus()
        {
            StatusCount++;
        }

        /// <summary>Closes the package and flushes it to the stream.</summary>
        public void End()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.Flush();
            _json = null;
        }

        /// <summary>Drops the writer without closing the JSON (aborted package).</summary>
        public void Abandon()
        {
            _json = null;
        }

        private static class Keys
        {
            public const string Status = "Status";
            public const string Sc = "sc";
            public const string Uri = "URI";
        }
    }
}

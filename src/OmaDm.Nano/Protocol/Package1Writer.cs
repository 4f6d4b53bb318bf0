using System.IO;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// Streams Package#1 (<c>{"MOS":[...],"Alert":[...]}</c>) into a request body. Call in order:
    /// <see cref="Begin"/>, MOS entries through <see cref="Json"/>, <see cref="BeginAlerts"/>,
    /// <see cref="WriteSessionAlert"/>, <see cref="WriteAlert"/>*, <see cref="End"/>.
    /// </summary>
    /// <remarks>RAM: the caller's buffer plus one <see cref="JsonWriter"/> per package.</remarks>
    public sealed class Package1Writer
    {
        private readonly byte[] _buffer;
        private JsonWriter _json;

        /// <summary>Creates a writer that goes through <paramref name="buffer"/> (owned by the caller, reused).</summary>
        /// <param name="buffer">Write buffer; bytes reach the stream when it fills and at <see cref="End"/>.</param>
        public Package1Writer(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>The underlying writer, for the MOS entries (the tree writes them).</summary>
        public JsonWriter Json { get { return _json; } }

        /// <summary>Opens the package and its "MOS" array.</summary>
        /// <param name="body">Request body stream.</param>
        public void Begin(Stream body)
        {
            _json = new JsonWriter(body, _buffer);
            _json.WriteStartObject();
            _json.WritePropertyName(Keys.Mos);
            _json.WriteStartArray();
        }

        /// <summary>Closes "MOS" and opens "Alert".</summary>
        public void BeginAlerts()
        {
            _json.WriteEndArray();
            _json.WritePropertyName(Keys.Alert);
            _json.WriteStartArray();
        }

        /// <summary>Writes the session-start alert.</summary>
        /// <param name="alertType">One of <see cref="DmAlertTypes"/>.</param>
        /// <param name="data">Notification id for server-initiated sessions, else null.</param>
        public void WriteSessionAlert(string alertType, string data)
        {
            _json.WriteStartObject();
            _json.WritePropertyName(GenericAlert.Keys.AlertType);
            _json.WriteString(alertType);
            if (data != null)
            {
                _json.WritePropertyName(GenericAlert.Keys.Data);
                _json.WriteString(data);
            }

            _json.WriteEndObject();
        }

        /// <summary>Writes one queued Generic Alert.</summary>
        /// <param name="alert">The alert.</param>
        public void WriteAlert(GenericAlert alert)
        {
            alert.WriteTo(_json);
        }

        /// <summary>Closes the package and flushes everything to the stream.</summary>
        public void End()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.Flush();
        }

        private static class Keys
        {
            public const string Mos = "MOS";
            public const string Alert = "Alert";
        }
    }
}

using System.IO;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// A Generic Alert as carried in the "Alert" array of Package#1 (docs/PROTOCOL.md §6).
    /// Null fields are omitted on the wire.
    /// </summary>
    public sealed class GenericAlert
    {
        /// <summary>Largest stored alert record, in bytes: bounds what a queue entry may cost when read back.</summary>
        public const int MaxRecordBytes = 2048;

        /// <summary>Alert type, e.g. "org.openmobilealliance.dm.firmwareupdate.download". Required.</summary>
        public string AlertType;

        /// <summary>ClientURI the alert is about, or null.</summary>
        public string SourceUri;

        /// <summary>Server-side target (EXEC ServerURI), or null.</summary>
        public string TargetUri;

        /// <summary>"critical", "major", "minor", "warning" or "informational", or null.</summary>
        public string Mark;

        /// <summary>Format of <see cref="Data"/>, e.g. "int" or "chr", or null.</summary>
        public string DataType;

        /// <summary>Payload in text form, e.g. a FUMO result code "200", or null.</summary>
        public string Data;

        /// <summary>Correlator from the EXEC that started the work, or null.</summary>
        public string Correlator;

        /// <summary>Writes this alert as one JSON object.</summary>
        /// <param name="writer">Destination writer, positioned where a value may go.</param>
        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            WriteMember(writer, Keys.AlertType, AlertType);
            WriteMember(writer, Keys.SourceUri, SourceUri);
            WriteMember(writer, Keys.TargetUri, TargetUri);
            WriteMember(writer, Keys.Mark, Mark);
            WriteMember(writer, Keys.DataType, DataType);
            WriteMember(writer, Keys.Data, Data);
            WriteMember(writer, Keys.Correlator, Correlator);
            writer.WriteEndObject();
        }

        /// <summary>Parses an alert written by <see cref="WriteTo"/> (a stored queue record). Unknown members are skipped.</summary>
        /// <param name="json">UTF-8 JSON object.</param>
        /// <param name="alert">The alert, or null when the record is not a valid alert.</param>
        /// <returns>True when <paramref name="alert"/> has at least an AlertType.</returns>
        public static bool TryParse(byte[] json, out GenericAlert alert)
        {
            alert = null;
            if (json == null || json.Length == 0 || json.Length > MaxRecordBytes)
            {
                return false;
            }

            GenericAlert result = new GenericAlert();
            try
            {
                JsonReader reader = new JsonReader(new MemoryStream(json), new byte[json.Length + JsonReader.MinWindowBytes], 4);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int key = KeyOf(reader);
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                        continue;
                    }

                    string value = reader.GetString();
                    switch (key)
                    {
                        case 1: result.AlertType = value; break;
                        case 2: result.SourceUri = value; break;
                        case 3: result.TargetUri = value; break;
                        case 4: result.Mark = value; break;
                        case 5: result.DataType = value; break;
                        case 6: result.Data = value; break;
                        case 7: result.Correlator = value; break;
                    }
                }
            }
            catch (JsonException)
            {
                return false;
            }

            if (result.AlertType == null || result.AlertType.Length == 0)
            {
                return false;
            }

            alert = result;
            return true;
        }

        /// <summary>Serializes to the stored record form (the wire object).</summary>
        public byte[] ToRecord()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[256]);
            WriteTo(writer);
            writer.Flush();
            return stream.ToArray();
        }

        private static int KeyOf(JsonReader reader)
        {
            if (reader.ValueEquals(Keys.AlertType)) { return 1; }
            if (reader.ValueEquals(Keys.SourceUri)) { return 2; }
            if (reader.ValueEquals(Keys.TargetUri)) { return 3; }
            if (reader.ValueEquals(Keys.Mark)) { return 4; }
            if (reader.ValueEquals(Keys.DataType)) { return 5; }
            if (reader.ValueEquals(Keys.Data)) { return 6; }
            if (reader.ValueEquals(Keys.Correlator)) { return 7; }
            return 0;
        }

        private static void WriteMember(JsonWriter writer, string name, string value)
        {
            if (value != null)
            {
                writer.WritePropertyName(name);
                writer.WriteString(value);
            }
        }

        /// <summary>Member names on the wire.</summary>
        internal static class Keys
        {
            public const string AlertType = "AlertType";
            public const string SourceUri = "SourceURI";
            public const string TargetUri = "TargetURI";
            public const string Mark = "Mark";
            public const string DataType = "DataType";
            public const string Data = "Data";
            public const string Correlator = "Correlator";
        }
    }
}

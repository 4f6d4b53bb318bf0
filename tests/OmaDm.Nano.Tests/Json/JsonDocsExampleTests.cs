using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>The code shown in docs/json.md, compiled and checked here so the page cannot drift.</summary>
    [TestClass]
    public class JsonDocsExampleTests
    {
        private static readonly byte[] ScKey = new byte[] { (byte)'s', (byte)'c' };

        [TestMethod]
        public void DocsExample_WriteThenReadPackage3_RoundTripsStatusCodes()
        {
            // --- docs/json.md: writing ---
            MemoryStream body = new MemoryStream();
            JsonWriter writer = new JsonWriter(body, new byte[64]);
            writer.WriteStartObject();
            writer.WritePropertyName("Status");
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(200);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(404);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            // --- end ---
            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":404}]}", System.Text.Encoding.UTF8.GetString(body.ToArray(), 0, (int)body.Length));

            body.Position = 0;
            // --- docs/json.md: reading ---
            JsonReader reader = new JsonReader(body, new byte[256]);
            int[] codes = new int[8];
            int count = 0;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueEquals(ScKey))
                {
                    reader.Read();
                    int sc;
                    if (!reader.TryGetInt32(out sc) || count == codes.Length)
                    {
                        break; // not an integer, or too many: the caller answers with a DM status
                    }
                    codes[count++] = sc;
                }
            }
            // --- end ---
            Assert.AreEqual(2, count);
            Assert.AreEqual(200, codes[0]);
            Assert.AreEqual(404, codes[1]);
        }

        [TestMethod]
        public void Reset_ReusesReaderForNextDocument()
        {
            JsonReader reader = new JsonReader(new ChunkedStream(JsonTestKit.Utf8("[1,"), 2), new byte[16]);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.Read());
            reader.Reset(new ChunkedStream(JsonTestKit.Utf8(JsonSamples.Package3), 3));
            Assert.AreEqual((int)JsonTokenType.None, (int)reader.TokenType);
            Assert.AreEqual(0L, reader.BytesConsumed);
            CollectionAssert.AreEqual(new string[] { "{", "P:Status", "[", "{", "P:sc", "N:200", "}", "]", "}" }, JsonTestKit.Tokens(reader));
        }
    }
}

using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>What the writer produces, the reader reads back to the same tokens and values.</summary>
    [TestClass]
    public class RoundTripTests
    {
        [TestMethod]
        public void WriterThenReader_Package1_YieldsHandWrittenTokens()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[48]);
            writer.WriteStartObject();
            writer.WritePropertyName("MOS");
            writer.WriteStartArray();
            WriteMo(writer, "http://www.vendor.com/DDF/devinfo1.0.ddf", "urn:oma:mo:oma-dm-devinfo:1.0");
            WriteMo(writer, "http://www.vendor.com/DDF/oma-fumo1.0.ddf", "urn:oma:mo:oma-fumo:1.0");
            WriteMo(writer, "http://www.vendor.com/DDF/oma-dm-dmacc2.0.ddf", "urn:oma:mo:oma-dm-dmacc:2.0");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            byte[] json = stream.ToArray();
            CollectionAssert.AreEqual(JsonTestKit.Utf8(JsonSamples.Package1), json, "compact form, byte for byte");
            CollectionAssert.AreEqual(JsonSamples.Package1Tokens, JsonTestKit.Tokens(json, 3, 64));
        }

        [TestMethod]
        public void WriterThenReader_EveryAsciiCharAndUnicode_ReadsBackEqual()
        {
            char[] chars = new char[128];
            for (int i = 0; i < 128; i++)
            {
                chars[i] = (char)i;
            }
            string ascii = new string(chars);
            string unicode = "\u0080\u07ff\u0800\u20ac\uffff\ud800\udc00\udbff\udfff";
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartObject();
            writer.WritePropertyName(ascii);
            writer.WriteString(unicode);
            writer.WriteEndObject();
            writer.Flush();
            JsonReader reader = new JsonReader(new ChunkedStream(stream.ToArray(), 2), new byte[512]);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.Read());
            Assert.AreEqual((int)JsonTokenType.PropertyName, (int)reader.TokenType);
            Assert.IsTrue(reader.ValueEquals(ascii));
            Assert.AreEqual(ascii, reader.GetString());
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.ValueEquals(unicode));
            Assert.AreEqual(unicode, reader.GetString());
            Assert.IsTrue(reader.Read());
            Assert.IsFalse(reader.Read());
        }

        [TestMethod]
        public void WriterThenReader_Numbers_ReadBackEqual()
        {
            long[] integers = new long[] { 0, 1, -1, 200, 2147483647, -2147483648, long.MaxValue, long.MinValue };
            double[] doubles = new double[] { 0.5, -2.25, 0.1, 1234.5678, 1e-7, 6.02e23, -0.001 };
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartArray();
            for (int i = 0; i < integers.Length; i++)
            {
                writer.WriteNumber(integers[i]);
            }
            for (int i = 0; i < doubles.Length; i++)
            {
                writer.WriteNumber(doubles[i]);
            }
            writer.WriteEndArray();
            writer.Flush();
            JsonReader reader = new JsonReader(new ChunkedStream(stream.ToArray(), 5), new byte[32]);
            Assert.IsTrue(reader.Read());
            for (int i = 0; i < integers.Length; i++)
            {
                long value;
                Assert.IsTrue(reader.Read());
                Assert.IsTrue(reader.TryGetInt64(out value));
                Assert.AreEqual(integers[i], value);
            }
            for (int i = 0; i < doubles.Length; i++)
            {
                double value;
                Assert.IsTrue(reader.Read());
                Assert.IsTrue(reader.TryGetDouble(out value));
                Assert.AreEqual(doubles[i], value, reader.GetString());
            }
            Assert.IsTrue(reader.Read());
            Assert.IsFalse(reader.Read());
        }

        private static void WriteMo(JsonWriter writer, string ddf, string moid)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("DDF");
            writer.WriteString(ddf);
            writer.WritePropertyName("MOID");
            writer.WriteString(moid);
            writer.WritePropertyName("MIID");
            writer.WriteStartArray();
            writer.WriteString("miid1");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}

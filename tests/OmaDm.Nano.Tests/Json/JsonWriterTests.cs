using System;
using System.IO;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>Writer output against golden bytes written by hand, and rejection of invalid call orders.</summary>
    [TestClass]
    public class JsonWriterTests
    {
        private static byte[] Bytes(MemoryStream stream)
        {
            return stream.ToArray();
        }

        [TestMethod]
        public void Write_Package3_MatchesGoldenBytes()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[64]);
            writer.WriteStartObject();
            writer.WritePropertyName("Status");
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WritePropertyName("sc");
            writer.WriteNumber(200);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            CollectionAssert.AreEqual(JsonTestKit.Utf8("{\"Status\":[{\"sc\":200}]}"), Bytes(stream));
            Assert.AreEqual(23L, writer.BytesWritten);
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void Write_Package2WithByteNames_MatchesGoldenBytes()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartObject();
            writer.WritePropertyName(new byte[] { 0x43, 0x4D, 0x44 });
            writer.WriteStartArray();
            writer.WriteStartArray();
            writer.WriteString("EXEC");
            byte[] uri = JsonTestKit.Utf8("oma:mo:oma-fumo:1.0//Update");
            writer.WriteString(uri, 0, uri.Length);
            writer.WriteEndArray();
            writer.WriteStartArray();
            writer.WriteString("END");
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            CollectionAssert.AreEqual(JsonTestKit.Utf8("{\"CMD\":[[\"EXEC\",\"oma:mo:oma-fumo:1.0//Update\"],[\"END\"]]}"), Bytes(stream));
        }

        [TestMethod]
        public void WriteString_EscapesAndEncodes_MatchesGoldenBytes()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteString("a\"b\\c\b\f\n\r\t\u0001\u001f\u007f/\u00e9\u20ac\ud83d\ude00");
            writer.Flush();
            byte[] expected = new byte[]
            {
                0x22, 0x61, 0x5C, 0x22, 0x62, 0x5C, 0x5C, 0x63,          // "a\"b\\c
                0x5C, 0x62, 0x5C, 0x66, 0x5C, 0x6E, 0x5C, 0x72, 0x5C, 0x74, // \b\f\n\r\t
                0x5C, 0x75, 0x30, 0x30, 0x30, 0x31,                      // \u0001
                0x5C, 0x75, 0x30, 0x30, 0x31, 0x46,                      // \u001F
                0x7F, 0x2F,                                              // DEL and / as is
                0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80,    // é € 😀 in UTF-8
                0x22
            };
            CollectionAssert.AreEqual(expected, Bytes(stream));
        }

        [TestMethod]
        public void WriteString_LoneSurrogates_BecomeReplacementCharacter()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartArray();
            writer.WriteString("a\ud800b");
            writer.WriteString("\udc00");
            writer.WriteString("\ud83d");
            writer.WriteEndArray();
            writer.Flush();
            byte[] expected = new byte[]
            {
                0x5B, 0x22, 0x61, 0xEF, 0xBF, 0xBD, 0x62, 0x22, 0x2C,
                0x22, 0xEF, 0xBF, 0xBD, 0x22, 0x2C,
                0x22, 0xEF, 0xBF, 0xBD, 0x22, 0x5D
            };
            CollectionAssert.AreEqual(expected, Bytes(stream));
        }

        [TestMethod]
        public void WriteString_Utf8Bytes_EscapesAndReplacesMalformed()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            byte[] input = new byte[] { 0xFF, 0x41, 0x0A, 0x22, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xE2, 0x82 };
            writer.WriteString(input, 1, input.Length - 1);
            writer.Flush();
            byte[] expected = new byte[]
            {
                0x22, 0x41, 0x5C, 0x6E, 0x5C, 0x22, 0xC3, 0xA9,
                0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, // ED A0 80 (a surrogate) byte by byte
                0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD,                   // truncated E2 82
                0x22
            };
            CollectionAssert.AreEqual(expected, Bytes(stream));
        }

        [TestMethod]
        public void WriteNumber_Integers_MatchGoldenText()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartArray();
            writer.WriteNumber(0);
            writer.WriteNumber(-1);
            writer.WriteNumber(1234567890123L);
            writer.WriteNumber(long.MaxValue);
            writer.WriteNumber(long.MinValue);
            writer.WriteEndArray();
            writer.Flush();
            CollectionAssert.AreEqual(JsonTestKit.Utf8("[0,-1,1234567890123,9223372036854775807,-9223372036854775808]"), Bytes(stream));
        }

        [TestMethod]
        public void WriteNumber_Doubles_UseShortestRoundTripText()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartArray();
            writer.WriteNumber(0.5);
            writer.WriteNumber(-0.0);
            writer.WriteNumber(1.0);
            writer.WriteNumber(0.1);
            writer.WriteNumber(-2.25);
            writer.WriteNumber(1234.5678);
            writer.WriteNumber(0.30000000000000004);
            writer.WriteEndArray();
            writer.Flush();
            CollectionAssert.AreEqual(JsonTestKit.Utf8("[0.5,-0,1,0.1,-2.25,1234.5678,0.30000000000000004]"), Bytes(stream));
        }

        [TestMethod]
        public void WriteNumber_NaNOrInfinity_ThrowsArgumentException()
        {
            JsonWriter writer = new JsonWriter(new MemoryStream(), new byte[32]);
            Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteNumber(double.NaN));
            Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteNumber(double.PositiveInfinity));
            Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteNumber(double.NegativeInfinity));
        }

        [TestMethod]
        public void Write_LiteralsAndRawValue_MatchGoldenBytes()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[32]);
            writer.WriteStartObject();
            writer.WritePropertyName("t");
            writer.WriteBoolean(true);
            writer.WritePropertyName("f");
            writer.WriteBoolean(false);
            writer.WritePropertyName("n");
            writer.WriteNull();
            writer.WritePropertyName("raw");
            byte[] raw = JsonTestKit.Utf8("xx{\"Data\":{\"FwV\":\"1.0\",\"Ext\":[1,2,3,4,5,6,7,8,9,10]}}yy");
            writer.WriteRawValue(raw, 2, raw.Length - 4);
            writer.WritePropertyName("e");
            writer.WriteRawValue(raw, 17, 5);
            writer.WriteEndObject();
            writer.Flush();
            CollectionAssert.AreEqual(
                JsonTestKit.Utf8("{\"t\":true,\"f\":false,\"n\":null,\"raw\":{\"Data\":{\"FwV\":\"1.0\",\"Ext\":[1,2,3,4,5,6,7,8,9,10]}},\"e\":\"1.0\"}"),
                Bytes(stream));
        }

        [TestMethod]
        public void Write_LongStringThroughMinimumBuffer_FlushesAsItGoes()
        {
            MemoryStream stream = new MemoryStream();
            JsonWriter writer = new JsonWriter(stream, new byte[JsonWriter.MinBufferBytes]);
            string text = "";
            string expected = "\"";
            for (int i = 0; i < 40; i++)
            {
                text += "\u20ac\n";
                expected += "\u20ac\\n";
            }
            expected += "\"";
            writer.WriteString(text);
            Assert.IsTrue(stream.Length > 0, "full buffers were handed to the stream before Flush");
            writer.Flush();
            CollectionAssert.AreEqual(JsonTestKit.Utf8(expected), Bytes(stream));
            Assert.AreEqual((long)(40 * 5 + 2), writer.BytesWritten);
        }

        [TestMethod]
        public void Write_ValueWhereNameRequired_ThrowsInvalidOperation()
        {
            JsonWriter writer = new JsonWriter(new MemoryStream(), new byte[32]);
            writer.WriteStartObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteString("x"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteNumber(1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteStartArray());
            writer.WritePropertyName("a");
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WritePropertyName("b"), "two names in a row");
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteEndObject(), "name without value");
        }

        [TestMethod]
        public void Write_MisnestedCalls_ThrowInvalidOperation()
        {
            JsonWriter writer = new JsonWriter(new MemoryStream(), new byte[32]);
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteEndArray(), "nothing open");
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WritePropertyName("a"), "name at root");
            writer.WriteStartArray();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WritePropertyName("a"), "name in array");
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteEndObject(), "wrong closer");
            writer.WriteEndArray();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteNull(), "second root value");
        }

        [TestMethod]
        public void Write_DeeperThanMaxDepth_ThrowsInvalidOperation()
        {
            JsonWriter writer = new JsonWriter(new MemoryStream(), new byte[32]);
            for (int i = 0; i < JsonWriter.MaxDepth; i++)
            {
                writer.WriteStartArray();
            }
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteStartArray());
        }

        [TestMethod]
        public void Constructor_BadArguments_Throw()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new JsonWriter(null, new byte[32]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new JsonWriter(new MemoryStream(), null));
            Assert.ThrowsException(typeof(ArgumentException), () => new JsonWriter(new MemoryStream(), new byte[JsonWriter.MinBufferBytes - 1]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new JsonReader(null, new byte[32]));
            Assert.ThrowsException(typeof(ArgumentException), () => new JsonReader(new MemoryStream(), new byte[JsonReader.MinWindowBytes - 1]));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new JsonReader(new MemoryStream(), new byte[32], 0));
        }
    }
}

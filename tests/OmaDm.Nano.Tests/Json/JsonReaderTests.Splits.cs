using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>The same document cut at every possible place yields the identical token sequence.</summary>
    [TestClass]
    public class JsonReaderSplitsTests
    {
        /// <summary>Escapes, raw multi-byte UTF-8, surrogate pairs, numbers of every shape and literals.</summary>
        private const string Rich =
            "{\"a\\\"b\":[\"\\u00e9\\uD83D\\uDE00\\n\",\"\u00e9\u20ac\ud83d\ude00\",-0.5e-3,10,0,1E+2,true,false,null]," +
            "\"\":{\"x\":{}} , \"arr\" : [ [ ] , { } ]}";

        private static readonly string[] RichTokens = new string[]
        {
            "{", "P:a\"b", "[", "S:\u00e9\ud83d\ude00\n", "S:\u00e9\u20ac\ud83d\ude00", "N:-0.5e-3", "N:10", "N:0", "N:1E+2",
            "true", "false", "null", "]", "P:", "{", "P:x", "{", "}", "}", "P:arr", "[", "[", "]", "{", "}", "]", "}"
        };

        [TestMethod]
        public void Read_RichDocumentWhole_YieldsHandWrittenTokens()
        {
            CollectionAssert.AreEqual(RichTokens, JsonTestKit.Tokens(Rich));
        }

        [TestMethod]
        public void Read_EverySplitPoint_YieldsIdenticalTokens()
        {
            AssertEverySplit(JsonTestKit.Utf8(Rich), RichTokens);
            AssertEverySplit(JsonTestKit.Utf8(JsonSamples.Package1), JsonSamples.Package1Tokens);
            AssertEverySplit(JsonTestKit.Utf8(JsonSamples.Package2), JsonSamples.Package2Tokens);
            AssertEverySplit(JsonTestKit.Utf8(JsonSamples.Package3), JsonSamples.Package3Tokens);
        }

        [TestMethod]
        public void Read_OneByteStream_YieldsIdenticalTokens()
        {
            CollectionAssert.AreEqual(RichTokens, JsonTestKit.Tokens(JsonTestKit.Utf8(Rich), 1, 64));
            CollectionAssert.AreEqual(JsonSamples.Package1Tokens, JsonTestKit.Tokens(JsonTestKit.Utf8(JsonSamples.Package1Pretty), 1, 64));
            CollectionAssert.AreEqual(JsonSamples.Package2Tokens, JsonTestKit.Tokens(JsonTestKit.Utf8(JsonSamples.Package2), 1, 64));
            CollectionAssert.AreEqual(JsonSamples.Package3Tokens, JsonTestKit.Tokens(JsonTestKit.Utf8(JsonSamples.Package3), 1, 64));
        }

        [TestMethod]
        public void Read_SmallChunksAndTightWindows_YieldIdenticalTokens()
        {
            byte[] json = JsonTestKit.Utf8(Rich);
            // The longest token is the 22-byte escaped string at offset 9; 22 is the smallest window that works.
            int[] windows = new int[] { 22, 23, 25, 64 };
            for (int w = 0; w < windows.Length; w++)
            {
                for (int chunk = 1; chunk <= 9; chunk++)
                {
                    CollectionAssert.AreEqual(RichTokens, JsonTestKit.Tokens(json, chunk, windows[w]), "window " + windows[w].ToString() + " chunk " + chunk.ToString());
                }
            }
            JsonException ex = JsonTestKit.ErrorOf(json, 5, 21, 32);
            Assert.IsNotNull(ex, "one byte short of the longest token");
            Assert.AreEqual((int)JsonError.TokenTooLong, (int)ex.Error);
            Assert.AreEqual(9L, ex.Offset, "offset of that token");
        }

        [TestMethod]
        public void Read_ToTheEnd_ConsumesExactlyTheStream()
        {
            byte[] json = JsonTestKit.Utf8(JsonSamples.Package2 + "\r\n");
            ChunkedStream stream = new ChunkedStream(json, 4);
            JsonReader reader = new JsonReader(stream, new byte[32]);
            while (reader.Read())
            {
            }
            Assert.AreEqual((long)json.Length, reader.BytesConsumed);
            Assert.AreEqual(json.Length, stream.BytesRead);
        }

        private static void AssertEverySplit(byte[] json, string[] expected)
        {
            for (int split = 0; split <= json.Length; split++)
            {
                JsonReader reader = new JsonReader(new ChunkedStream(json, json.Length, split), new byte[64]);
                CollectionAssert.AreEqual(expected, JsonTestKit.Tokens(reader), "split at " + split.ToString());
            }
        }
    }
}

using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>Valid documents and the exact token sequences they produce (expected lists written by hand).</summary>
    [TestClass]
    public class JsonReaderValidTests
    {
        [TestMethod]
        public void Read_Package1Example_YieldsMosTokens()
        {
            CollectionAssert.AreEqual(JsonSamples.Package1Tokens, JsonTestKit.Tokens(JsonSamples.Package1));
        }

        [TestMethod]
        public void Read_Package1AsLaidOutInSpec_YieldsSameTokensAsCompact()
        {
            CollectionAssert.AreEqual(JsonSamples.Package1Tokens, JsonTestKit.Tokens(JsonSamples.Package1Pretty));
        }

        [TestMethod]
        public void Read_Package2Example_YieldsCommandTokens()
        {
            CollectionAssert.AreEqual(JsonSamples.Package2Tokens, JsonTestKit.Tokens(JsonSamples.Package2));
        }

        [TestMethod]
        public void Read_Package3Example_YieldsStatusTokens()
        {
            CollectionAssert.AreEqual(JsonSamples.Package3Tokens, JsonTestKit.Tokens(JsonSamples.Package3));
        }

        [TestMethod]
        public void Read_EndPackage_YieldsEndCommand()
        {
            CollectionAssert.AreEqual(new string[] { "{", "P:CMD", "[", "[", "S:END", "]", "]", "}" }, JsonTestKit.Tokens(JsonSamples.Package2End));
        }

        [TestMethod]
        public void Read_ScalarRoots_YieldOneToken()
        {
            CollectionAssert.AreEqual(new string[] { "N:0" }, JsonTestKit.Tokens("0"));
            CollectionAssert.AreEqual(new string[] { "N:-12.5e+3" }, JsonTestKit.Tokens(" -12.5e+3 "));
            CollectionAssert.AreEqual(new string[] { "S:x" }, JsonTestKit.Tokens("\"x\""));
            CollectionAssert.AreEqual(new string[] { "true" }, JsonTestKit.Tokens("true"));
            CollectionAssert.AreEqual(new string[] { "false" }, JsonTestKit.Tokens("\r\n\tfalse\t"));
            CollectionAssert.AreEqual(new string[] { "null" }, JsonTestKit.Tokens("null"));
            CollectionAssert.AreEqual(new string[] { "S:" }, JsonTestKit.Tokens("\"\""));
        }

        [TestMethod]
        public void Read_EmptyContainers_YieldStartAndEnd()
        {
            CollectionAssert.AreEqual(new string[] { "{", "}" }, JsonTestKit.Tokens("{}"));
            CollectionAssert.AreEqual(new string[] { "[", "]" }, JsonTestKit.Tokens("[ ]"));
            CollectionAssert.AreEqual(new string[] { "[", "{", "}", "[", "]", "]" }, JsonTestKit.Tokens("[{},[]]"));
            CollectionAssert.AreEqual(new string[] { "{", "P:", "{", "}", "}" }, JsonTestKit.Tokens("{\"\":{}}"));
        }

        [TestMethod]
        public void Read_AllValueKindsInArray_YieldsEachInOrder()
        {
            string[] expected = new string[] { "[", "N:1", "N:-0", "N:0.5", "N:1E9", "N:2e-3", "S:a", "true", "false", "null", "]" };
            CollectionAssert.AreEqual(expected, JsonTestKit.Tokens("[1,-0,0.5,1E9,2e-3,\"a\",true,false,null]"));
        }

        [TestMethod]
        public void Read_WhitespaceEverywhere_IsIgnored()
        {
            string[] expected = new string[] { "{", "P:a", "[", "N:1", "N:2", "]", "P:b", "null", "}" };
            CollectionAssert.AreEqual(expected, JsonTestKit.Tokens(" \t\r\n{ \"a\" \n: [ 1 ,\t2 ] , \"b\" :null } \r\n "));
        }

        [TestMethod]
        public void Read_Escapes_AreUnescapedInValues()
        {
            CollectionAssert.AreEqual(new string[] { "S:\"\\/\b\f\n\r\t" }, JsonTestKit.Tokens("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
            CollectionAssert.AreEqual(new string[] { "S:A\u00e9\u20ac" }, JsonTestKit.Tokens("\"\\u0041\\u00E9\\u20aC\""));
            CollectionAssert.AreEqual(new string[] { "S:\ud83d\ude00" }, JsonTestKit.Tokens("\"\\uD83D\\uDE00\""), "surrogate pair escape");
            CollectionAssert.AreEqual(new string[] { "S:\u0000" }, JsonTestKit.Tokens("\"\\u0000\""), "escaped NUL is allowed");
        }

        [TestMethod]
        public void Read_RawUtf8_IsAccepted()
        {
            // 2-, 3- and 4-byte sequences at the edges of their valid ranges.
            string text = "\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff\u00e9\u20ac";
            CollectionAssert.AreEqual(new string[] { "S:" + text }, JsonTestKit.Tokens("\"" + text + "\""));
        }

        [TestMethod]
        public void Read_DelAndHighAsciiPunctuation_AreAccepted()
        {
            CollectionAssert.AreEqual(new string[] { "S:\u007f~" }, JsonTestKit.Tokens("\"\u007f~\""), "DEL needs no escape in JSON");
        }

        [TestMethod]
        public void Read_QuoteOrEscapeAtEveryPositionOfLongString_EndsStringThere()
        {
            // The string scan skips 8 bytes at a time: the closing quote and escapes must be found in every lane.
            string letters = "abcdefghijklmnopqrstuvwxyz";
            for (int length = 0; length < 20; length++)
            {
                string value = letters.Substring(0, length);
                CollectionAssert.AreEqual(new string[] { "[", "S:" + value, "S:" + value + "\n" + value, "S:\u00e9" + value, "]" },
                    JsonTestKit.Tokens("[\"" + value + "\",\"" + value + "\\n" + value + "\",\"\u00e9" + value + "\"]"), "length " + length.ToString());
            }
        }

        [TestMethod]
        public void Read_NestingAtMaxDepth_IsAccepted()
        {
            string json = "";
            for (int i = 0; i < JsonReader.DefaultMaxDepth; i++)
            {
                json = "[" + json + "]";
            }
            JsonTestKit.AssertValid(json);
        }

        [TestMethod]
        public void CurrentDepth_FollowsSystemTextJsonConvention()
        {
            JsonReader reader = new JsonReader(new ChunkedStream(JsonTestKit.Utf8("{\"a\":[1,{\"b\":2}]}"), 100), new byte[64]);
            int[] expected = new int[] { 0, 1, 1, 2, 2, 3, 3, 2, 1, 0 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.IsTrue(reader.Read(), "token " + i.ToString());
                Assert.AreEqual(expected[i], reader.CurrentDepth, "depth of token " + i.ToString());
            }
            Assert.IsFalse(reader.Read());
        }

        [TestMethod]
        public void TokenStartOffset_AndBytesConsumed_AreAbsolute()
        {
            byte[] json = JsonTestKit.Utf8(" {\"ab\" : 12 , \"c\":\"d\"}  ");
            JsonReader reader = new JsonReader(new ChunkedStream(json, 3), new byte[8]);
            long[] starts = new long[] { 1, 2, 9, 14, 18, 21 };
            long[] consumed = new long[] { 2, 6, 11, 17, 21, 22 };
            for (int i = 0; i < starts.Length; i++)
            {
                Assert.IsTrue(reader.Read());
                Assert.AreEqual(starts[i], reader.TokenStartOffset, "start of token " + i.ToString());
                Assert.AreEqual(consumed[i], reader.BytesConsumed, "consumed after token " + i.ToString());
            }
            Assert.IsFalse(reader.Read());
            Assert.IsFalse(reader.Read(), "stays finished");
        }

        [TestMethod]
        public void Skip_OnContainerAndProperty_MovesPastValue()
        {
            JsonReader reader = new JsonReader(new ChunkedStream(JsonTestKit.Utf8("{\"x\":{\"y\":[1,[2]],\"z\":3},\"w\":[4],\"v\":5}"), 2), new byte[16]);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.ValueEquals("x"));
            reader.Skip();
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)reader.TokenType, "on the end of x's object");
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.ValueEquals("w"));
            Assert.IsTrue(reader.Read());
            reader.Skip();
            Assert.AreEqual((int)JsonTokenType.EndArray, (int)reader.TokenType);
            Assert.IsTrue(reader.Read());
            reader.Skip();
            Assert.AreEqual((int)JsonTokenType.Number, (int)reader.TokenType, "skipping a scalar property stops on the value");
            reader.Skip();
            Assert.AreEqual((int)JsonTokenType.Number, (int)reader.TokenType, "Skip on a scalar is a no-op");
            Assert.IsTrue(reader.Read());
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)reader.TokenType);
            Assert.IsFalse(reader.Read());
        }
    }
}

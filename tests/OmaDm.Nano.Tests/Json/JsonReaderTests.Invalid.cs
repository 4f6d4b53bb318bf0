using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>Every invalid input we could list: expected error kind and byte offset, whole and split.</summary>
    [TestClass]
    public class JsonReaderInvalidTests
    {
        [TestMethod]
        public void Read_EmptyOrWhitespaceInput_ThrowsEmptyInput()
        {
            JsonTestKit.AssertInvalid("", JsonError.EmptyInput, 0);
            JsonTestKit.AssertInvalid(" \r\n\t", JsonError.EmptyInput, 4);
        }

        [TestMethod]
        public void Read_TrailingCommas_ThrowTrailingComma()
        {
            JsonTestKit.AssertInvalid("[1,]", JsonError.TrailingComma, 3);
            JsonTestKit.AssertInvalid("{\"a\":1,}", JsonError.TrailingComma, 7);
            JsonTestKit.AssertInvalid("[1, \n]", JsonError.TrailingComma, 5);
            JsonTestKit.AssertInvalid("{\"CMD\":[[\"END\"],]}", JsonError.TrailingComma, 16);
        }

        [TestMethod]
        public void Read_MisplacedCommas_ThrowInvalidCharacter()
        {
            JsonTestKit.AssertInvalid("[,1]", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("[1,,2]", JsonError.InvalidCharacter, 3);
            JsonTestKit.AssertInvalid("{,}", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("{\"a\":1,,\"b\":2}", JsonError.InvalidCharacter, 7);
        }

        [TestMethod]
        public void Read_LeadingZeros_ThrowLeadingZero()
        {
            JsonTestKit.AssertInvalid("01", JsonError.LeadingZero, 0);
            JsonTestKit.AssertInvalid("-01", JsonError.LeadingZero, 1);
            JsonTestKit.AssertInvalid("[00]", JsonError.LeadingZero, 1);
            JsonTestKit.AssertInvalid("{\"sc\":0200}", JsonError.LeadingZero, 6);
        }

        [TestMethod]
        public void Read_MalformedNumbers_ThrowInvalidNumber()
        {
            JsonTestKit.AssertInvalid("[1.]", JsonError.InvalidNumber, 3);
            JsonTestKit.AssertInvalid("[1.e5]", JsonError.InvalidNumber, 3);
            JsonTestKit.AssertInvalid("[1e]", JsonError.InvalidNumber, 3);
            JsonTestKit.AssertInvalid("[1e+]", JsonError.InvalidNumber, 4);
            JsonTestKit.AssertInvalid("[1E-x]", JsonError.InvalidNumber, 4);
            JsonTestKit.AssertInvalid("[-]", JsonError.InvalidNumber, 2);
            JsonTestKit.AssertInvalid("[--1]", JsonError.InvalidNumber, 2);
            JsonTestKit.AssertInvalid("[-a]", JsonError.InvalidNumber, 2);
            JsonTestKit.AssertInvalid("[1x]", JsonError.InvalidNumber, 2);
            JsonTestKit.AssertInvalid("[0x10]", JsonError.InvalidNumber, 2);
            JsonTestKit.AssertInvalid("[1.5.2]", JsonError.InvalidNumber, 4);
            JsonTestKit.AssertInvalid("{\"a\":1\"b\"}", JsonError.InvalidNumber, 6);
            JsonTestKit.AssertInvalid("1true", JsonError.InvalidNumber, 1);
        }

        [TestMethod]
        public void Read_NumbersCutByEnd_ThrowUnexpectedEnd()
        {
            JsonTestKit.AssertInvalid("-", JsonError.UnexpectedEnd, 1);
            JsonTestKit.AssertInvalid("1.", JsonError.UnexpectedEnd, 2);
            JsonTestKit.AssertInvalid("1e", JsonError.UnexpectedEnd, 2);
            JsonTestKit.AssertInvalid("1e-", JsonError.UnexpectedEnd, 3);
        }

        [TestMethod]
        public void Read_NonJsonValueStarts_ThrowInvalidCharacter()
        {
            JsonTestKit.AssertInvalid("[+1]", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("[.5]", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("'a'", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid("NaN", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid("[Infinity]", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("True", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid("]", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid("}", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid(":", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid("/* c */ 1", JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid(new byte[] { 0x0C, 0x7B, 0x7D }, JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, JsonError.InvalidCharacter, 0);
            JsonTestKit.AssertInvalid(new byte[] { 0x5B, 0x00, 0x5D }, JsonError.InvalidCharacter, 1);
        }

        [TestMethod]
        public void Read_StructureErrors_ThrowInvalidCharacter()
        {
            JsonTestKit.AssertInvalid("[1 2]", JsonError.InvalidCharacter, 3);
            JsonTestKit.AssertInvalid("{\"a\" 1}", JsonError.InvalidCharacter, 5);
            JsonTestKit.AssertInvalid("{\"a\":1 \"b\":2}", JsonError.InvalidCharacter, 7);
            JsonTestKit.AssertInvalid("{1:2}", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("{a:2}", JsonError.InvalidCharacter, 1);
            JsonTestKit.AssertInvalid("[1}", JsonError.InvalidCharacter, 2);
            JsonTestKit.AssertInvalid("{\"a\":1]", JsonError.InvalidCharacter, 6);
            JsonTestKit.AssertInvalid("{\"a\"::1}", JsonError.InvalidCharacter, 5);
            JsonTestKit.AssertInvalid("[\"a\":1]", JsonError.InvalidCharacter, 4);
            JsonTestKit.AssertInvalid("[truex]", JsonError.InvalidCharacter, 5);
            JsonTestKit.AssertInvalid("[\"a\"\"b\"]", JsonError.InvalidCharacter, 4);
        }

        [TestMethod]
        public void Read_MisspeltLiterals_ThrowInvalidLiteral()
        {
            JsonTestKit.AssertInvalid("trux", JsonError.InvalidLiteral, 3);
            JsonTestKit.AssertInvalid("[nulL]", JsonError.InvalidLiteral, 4);
            JsonTestKit.AssertInvalid("fals", JsonError.UnexpectedEnd, 4);
            JsonTestKit.AssertInvalid("[tRue]", JsonError.InvalidLiteral, 2);
            JsonTestKit.AssertInvalid("[fal]", JsonError.InvalidLiteral, 4);
        }

        [TestMethod]
        public void Read_BadEscapes_ThrowInvalidEscape()
        {
            JsonTestKit.AssertInvalid("[\"\\x\"]", JsonError.InvalidEscape, 2);
            JsonTestKit.AssertInvalid("\"\\a\"", JsonError.InvalidEscape, 1);
            JsonTestKit.AssertInvalid("\"\\U0041\"", JsonError.InvalidEscape, 1);
            JsonTestKit.AssertInvalid("\"\\u12G4\"", JsonError.InvalidEscape, 1);
            JsonTestKit.AssertInvalid("\"\\u12\"", JsonError.InvalidEscape, 1);
            JsonTestKit.AssertInvalid("\"ab\\'\"", JsonError.InvalidEscape, 3);
            JsonTestKit.AssertInvalid("\"\\uD83D\\uDE0G\"", JsonError.InvalidEscape, 7);
        }

        [TestMethod]
        public void Read_RawControlCharacters_ThrowControlCharacterInString()
        {
            JsonTestKit.AssertInvalid("\"a\tb\"", JsonError.ControlCharacterInString, 2);
            JsonTestKit.AssertInvalid("\"line\nbreak\"", JsonError.ControlCharacterInString, 5);
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0x00, 0x22 }, JsonError.ControlCharacterInString, 1);
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0x1F, 0x22 }, JsonError.ControlCharacterInString, 1);
            JsonTestKit.AssertInvalid("{\"a\rb\":1}", JsonError.ControlCharacterInString, 3);
        }

        [TestMethod]
        public void Read_LoneSurrogateEscapes_ThrowLoneSurrogate()
        {
            JsonTestKit.AssertInvalid("\"\\uD800\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\uDC00\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\udfff\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\uD800\\n\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\uD800\\uD800\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\uD800\\u0041\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("\"\\uDBFFx\"", JsonError.LoneSurrogate, 1);
            JsonTestKit.AssertInvalid("[\"ok\",\"\\uDE00\\uD83D\"]", JsonError.LoneSurrogate, 7);
        }

        [TestMethod]
        public void Read_MalformedUtf8InStrings_ThrowInvalidUtf8()
        {
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xC0, 0x80, 0x22 }, JsonError.InvalidUtf8, 1);        // overlong NUL
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xC1, 0xBF, 0x22 }, JsonError.InvalidUtf8, 1);        // overlong 2-byte
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xE0, 0x80, 0x80, 0x22 }, JsonError.InvalidUtf8, 1);  // overlong 3-byte
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xE0, 0x9F, 0xBF, 0x22 }, JsonError.InvalidUtf8, 1);  // overlong U+07FF
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22 }, JsonError.InvalidUtf8, 1); // overlong 4-byte
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 }, JsonError.InvalidUtf8, 1);  // U+D800 encoded
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xED, 0xBF, 0xBF, 0x22 }, JsonError.InvalidUtf8, 1);  // U+DFFF encoded
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 }, JsonError.InvalidUtf8, 1); // U+110000
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xF5, 0x80, 0x80, 0x80, 0x22 }, JsonError.InvalidUtf8, 1);
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0x80, 0x22 }, JsonError.InvalidUtf8, 1);              // lone continuation
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0x61, 0xFF, 0x22 }, JsonError.InvalidUtf8, 2);
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xE2, 0x82, 0x22 }, JsonError.InvalidUtf8, 1);        // truncated 3-byte
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x22 }, JsonError.InvalidUtf8, 1);  // truncated 4-byte
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xC3, 0x41, 0x22 }, JsonError.InvalidUtf8, 1);        // ASCII after lead
            JsonTestKit.AssertInvalid(new byte[] { 0x22, 0xC3 }, JsonError.UnexpectedEnd, 2);                  // input ends mid-sequence
        }

        [TestMethod]
        public void Read_ControlCharacterAtEveryPositionOfLongString_ReportsItsOffset()
        {
            // The string scan skips 8 bytes at a time: a bad byte must be found in every lane.
            for (int at = 0; at < 20; at++)
            {
                byte[] json = JsonTestKit.Utf8("[\"abcdefghijklmnopqrstuvwxyz\"]");
                json[2 + at] = 0x1F;
                JsonTestKit.AssertInvalid(json, JsonError.ControlCharacterInString, 2 + at);
                json[2 + at] = 0xFF;
                JsonTestKit.AssertInvalid(json, JsonError.InvalidUtf8, 2 + at);
            }
        }

        [TestMethod]
        public void Read_NonAsciiOutsideStrings_ThrowInvalidCharacter()
        {
            JsonTestKit.AssertInvalid(new byte[] { 0x5B, 0xC3, 0xA9, 0x5D }, JsonError.InvalidCharacter, 1);
        }

        [TestMethod]
        public void Read_UnclosedContainersAndStrings_ThrowUnexpectedEnd()
        {
            JsonTestKit.AssertInvalid("[", JsonError.UnexpectedEnd, 1);
            JsonTestKit.AssertInvalid("[1,2", JsonError.UnexpectedEnd, 4);
            JsonTestKit.AssertInvalid("[1,", JsonError.UnexpectedEnd, 3);
            JsonTestKit.AssertInvalid("{\"a\":1", JsonError.UnexpectedEnd, 6);
            JsonTestKit.AssertInvalid("{\"a\"", JsonError.UnexpectedEnd, 4);
            JsonTestKit.AssertInvalid("{\"a\": ", JsonError.UnexpectedEnd, 6);
            JsonTestKit.AssertInvalid("\"abc", JsonError.UnexpectedEnd, 4);
            JsonTestKit.AssertInvalid("\"abc\\", JsonError.UnexpectedEnd, 5);
            JsonTestKit.AssertInvalid("\"\\u00", JsonError.UnexpectedEnd, 5);
            JsonTestKit.AssertInvalid("\"\\uD83D", JsonError.UnexpectedEnd, 7);
            JsonTestKit.AssertInvalid("{\"CMD\":[[\"EXEC\",\"x\"]]", JsonError.UnexpectedEnd, 21);
        }

        [TestMethod]
        public void Read_DataAfterRoot_ThrowsTrailingData()
        {
            JsonTestKit.AssertInvalid("{} x", JsonError.TrailingData, 3);
            JsonTestKit.AssertInvalid("1 2", JsonError.TrailingData, 2);
            JsonTestKit.AssertInvalid("{}{}", JsonError.TrailingData, 2);
            JsonTestKit.AssertInvalid("[]]", JsonError.TrailingData, 2);
            JsonTestKit.AssertInvalid("\"a\",", JsonError.TrailingData, 3);
            JsonTestKit.AssertInvalid("null\n\u0000", JsonError.TrailingData, 5);
        }

        [TestMethod]
        public void Read_NestingBeyondMaxDepth_ThrowsDepthExceeded()
        {
            string json = "";
            for (int i = 0; i <= JsonReader.DefaultMaxDepth; i++)
            {
                json = "[" + json + "]";
            }
            JsonTestKit.AssertInvalid(json, JsonError.DepthExceeded, JsonReader.DefaultMaxDepth);
            JsonException ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8("{\"a\":[{}]}"), 100, 64, 2);
            Assert.IsNotNull(ex, "depth 3 with a limit of 2");
            Assert.AreEqual((int)JsonError.DepthExceeded, (int)ex.Error);
            Assert.AreEqual(6L, ex.Offset, "offset of the third opening bracket");
            Assert.IsNull(JsonTestKit.ErrorOf(JsonTestKit.Utf8("{\"a\":[]}"), 100, 64, 2), "depth 2 is within a limit of 2");
        }

        [TestMethod]
        public void Read_TokenLongerThanWindow_ThrowsTokenTooLong()
        {
            int[] chunks = new int[] { 100, 1, 5 };
            for (int k = 0; k < chunks.Length; k++)
            {
                JsonException ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8("[1,\"abcdefghijk\"]"), chunks[k], 8, 32);
                Assert.IsNotNull(ex);
                Assert.AreEqual((int)JsonError.TokenTooLong, (int)ex.Error);
                Assert.AreEqual(3L, ex.Offset, "offset of the string's opening quote");
                ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8("[12345678]"), chunks[k], 8, 32);
                Assert.IsNotNull(ex, "a number needs its terminator in the window too");
                Assert.AreEqual((int)JsonError.TokenTooLong, (int)ex.Error);
                Assert.AreEqual(1L, ex.Offset);
            }
        }

        [TestMethod]
        public void Read_TokenExactlyWindowSized_IsAccepted()
        {
            Assert.IsNull(JsonTestKit.ErrorOf(JsonTestKit.Utf8("[\"abcdef\", 1234567 ,1234567]"), 3, 8, 32), "an 8-byte string token; 7-digit numbers with their terminators");
            Assert.IsNull(JsonTestKit.ErrorOf(JsonTestKit.Utf8("1234567"), 3, 8, 32), "a root number ended by the end of input");
            JsonException ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8("12345678"), 3, 8, 32);
            Assert.IsNotNull(ex, "the window must also hold the byte after a number: the end of input is only seen by reading");
            Assert.AreEqual((int)JsonError.TokenTooLong, (int)ex.Error);
        }

        [TestMethod]
        public void Exception_CarriesErrorOffsetAndReadableMessage()
        {
            JsonException ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8("[1,]"), 10, 16, 32);
            Assert.IsNotNull(ex);
            Assert.AreEqual((int)JsonError.TrailingComma, (int)ex.Error);
            Assert.AreEqual(3L, ex.Offset);
            Assert.AreEqual("Invalid JSON: TrailingComma (comma before a closing bracket) at byte offset 3.", ex.Message);
        }

        [TestMethod]
        public void Read_ErrorFarBeyondFirstWindow_ReportsAbsoluteOffset()
        {
            // The error lies far beyond the first window: the offset must count every byte read before.
            string json = "[" + new string(' ', 300) + "1,]";
            JsonException ex = JsonTestKit.ErrorOf(JsonTestKit.Utf8(json), 7, 16, 32);
            Assert.IsNotNull(ex);
            Assert.AreEqual((int)JsonError.TrailingComma, (int)ex.Error);
            Assert.AreEqual(303L, ex.Offset);
        }
    }
}

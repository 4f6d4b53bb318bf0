using System;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>Value access: comparisons, copies, conversions, and their misuse.</summary>
    [TestClass]
    public class JsonReaderValuesTests
    {
        private static JsonReader At(string json, int tokenIndex)
        {
            JsonReader reader = new JsonReader(new ChunkedStream(JsonTestKit.Utf8(json), 1000), new byte[256]);
            for (int i = 0; i <= tokenIndex; i++)
            {
                Assert.IsTrue(reader.Read(), "token " + i.ToString());
            }
            return reader;
        }

        [TestMethod]
        public void ValueEquals_PlainName_MatchesBytesAndString()
        {
            JsonReader reader = At("{\"Status\":1}", 1);
            Assert.IsTrue(reader.ValueEquals(JsonTestKit.Utf8("Status")));
            Assert.IsTrue(reader.ValueEquals("Status"));
            Assert.IsFalse(reader.ValueEquals("status"), "comparison is ordinal");
            Assert.IsFalse(reader.ValueEquals("Statu"), "shorter");
            Assert.IsFalse(reader.ValueEquals("Status2"), "longer");
            Assert.IsFalse(reader.ValueEquals(JsonTestKit.Utf8("Statuz")));
        }

        [TestMethod]
        public void ValueEquals_EscapedValue_ComparesUnescaped()
        {
            JsonReader reader = At("[\"\\u0043M\\u0044\\n\\u00e9\\uD83D\\uDE00\"]", 1);
            Assert.IsTrue(reader.ValueIsEscaped);
            Assert.IsTrue(reader.ValueEquals("CMD\n\u00e9\ud83d\ude00"));
            Assert.IsTrue(reader.ValueEquals(JsonTestKit.Utf8("CMD\n\u00e9\ud83d\ude00")));
            Assert.IsFalse(reader.ValueEquals("CMD\n\u00e8\ud83d\ude00"));
            Assert.IsFalse(reader.ValueEquals("CMD\n\u00e9\ud83d\ude01"), "differs in the low surrogate");
            Assert.IsFalse(reader.ValueEquals(JsonTestKit.Utf8("CMD\n\u00e9\ud83d\ude01")));
        }

        [TestMethod]
        public void ValueEquals_RawNonAscii_ComparesCodePoints()
        {
            JsonReader reader = At("\"a\u00e9\u20ac\ud83d\ude00\"", 0);
            Assert.IsFalse(reader.ValueIsEscaped);
            Assert.IsTrue(reader.ValueEquals("a\u00e9\u20ac\ud83d\ude00"));
            Assert.IsFalse(reader.ValueEquals("a\u00e9\u20ac\ud83d"), "a lone high surrogate never matches");
            Assert.IsFalse(reader.ValueEquals("a\u00e9\u20ac\ud83dx"));
        }

        [TestMethod]
        public void ValueLengths_CountUnescapedBytesAndChars()
        {
            JsonReader reader = At("[\"a\\u00e9\\uD83D\\uDE00\\\"\", \"a\u00e9\ud83d\ude00\\\"\"]", 1);
            Assert.AreEqual(8, reader.ValueByteLength, "1 + 2 + 4 + 1 UTF-8 bytes");
            Assert.AreEqual(5, reader.ValueCharLength, "1 + 1 + 2 + 1 UTF-16 chars");
            Assert.IsTrue(reader.Read());
            Assert.AreEqual(8, reader.ValueByteLength, "raw UTF-8 gives the same lengths");
            Assert.AreEqual(5, reader.ValueCharLength);
        }

        [TestMethod]
        public void CopyValue_Bytes_WritesUnescapedUtf8AtOffset()
        {
            JsonReader reader = At("\"x\\ty\\u20AC\"", 0);
            byte[] destination = new byte[10];
            int count = reader.CopyValue(destination, 2);
            Assert.AreEqual(6, count);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0x78, 0x09, 0x79, 0xE2, 0x82, 0xAC, 0, 0 }, destination);
        }

        [TestMethod]
        public void CopyValue_BytesTooSmall_ThrowsArgumentExceptionAndCopiesNothing()
        {
            JsonReader reader = At("\"abcdef\"", 0);
            byte[] destination = new byte[8];
            Assert.ThrowsException(typeof(ArgumentException), () => reader.CopyValue(destination, 3));
            CollectionAssert.AreEqual(new byte[8], destination, "nothing copied");
            Assert.AreEqual(6, reader.CopyValue(destination, 2), "fits exactly from offset 2");
        }

        [TestMethod]
        public void CopyValue_Chars_WritesUtf16IncludingSurrogatePairs()
        {
            JsonReader reader = At("\"\\uD83D\\uDE00a\u00e9\ud83d\ude00\"", 0);
            char[] destination = new char[7];
            int count = reader.CopyValue(destination, 1);
            Assert.AreEqual(6, count);
            Assert.AreEqual("\0\ud83d\ude00a\u00e9\ud83d\ude00", new string(destination));
            Assert.ThrowsException(typeof(ArgumentException), () => reader.CopyValue(new char[5], 0));
        }

        [TestMethod]
        public void CopyValue_Number_CopiesRawText()
        {
            JsonReader reader = At("[-12.5e3]", 1);
            byte[] destination = new byte[8];
            Assert.AreEqual(7, reader.CopyValue(destination, 0));
            Assert.AreEqual("-12.5e3", reader.GetString());
        }

        [TestMethod]
        public void ValueAccessors_OnNonTextTokens_ThrowInvalidOperation()
        {
            JsonReader reader = At("[true]", 1);
            Assert.ThrowsException(typeof(InvalidOperationException), () => reader.GetString());
            Assert.ThrowsException(typeof(InvalidOperationException), () => reader.ValueEquals("true"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => reader.CopyValue(new byte[8], 0));
            JsonReader start = At("[1]", 0);
            Assert.ThrowsException(typeof(InvalidOperationException), () => start.GetString());
            JsonReader number = At("[1]", 1);
            Assert.ThrowsException(typeof(InvalidOperationException), () => number.ValueEquals("1"), "numbers compare through TryGet*");
        }

        [TestMethod]
        public void TryGetInt32_Limits()
        {
            int value;
            Assert.IsTrue(At("2147483647", 0).TryGetInt32(out value));
            Assert.AreEqual(int.MaxValue, value);
            Assert.IsTrue(At("-2147483648", 0).TryGetInt32(out value));
            Assert.AreEqual(int.MinValue, value);
            Assert.IsTrue(At("-0", 0).TryGetInt32(out value));
            Assert.AreEqual(0, value);
            Assert.IsFalse(At("2147483648", 0).TryGetInt32(out value), "overflow");
            Assert.IsFalse(At("-2147483649", 0).TryGetInt32(out value), "underflow");
            Assert.IsFalse(At("1.0", 0).TryGetInt32(out value), "fraction");
            Assert.IsFalse(At("1e2", 0).TryGetInt32(out value), "exponent");
            Assert.IsFalse(At("\"1\"", 0).TryGetInt32(out value), "a string is not a number");
            Assert.IsFalse(At("true", 0).TryGetInt32(out value));
        }

        [TestMethod]
        public void TryGetInt64_Limits()
        {
            long value;
            Assert.IsTrue(At("9223372036854775807", 0).TryGetInt64(out value));
            Assert.AreEqual(long.MaxValue, value);
            Assert.IsTrue(At("-9223372036854775808", 0).TryGetInt64(out value));
            Assert.AreEqual(long.MinValue, value);
            Assert.IsTrue(At("200", 0).TryGetInt64(out value));
            Assert.AreEqual(200L, value);
            Assert.IsFalse(At("9223372036854775808", 0).TryGetInt64(out value));
            Assert.IsFalse(At("-9223372036854775809", 0).TryGetInt64(out value));
            Assert.IsFalse(At("99999999999999999999", 0).TryGetInt64(out value));
        }

        [TestMethod]
        public void TryGetDouble_Values_AreCorrectlyRounded()
        {
            AssertDouble("0.5", 0.5);
            AssertDouble("-12.5e+3", -12500.0);
            AssertDouble("1e-7", 1e-7);
            AssertDouble("3.14159", 3.14159);
            AssertDouble("0.1", 0.1);
            AssertDouble("123456789012345", 123456789012345.0);
            AssertDouble("0.000001", 0.000001);
            AssertDouble("1E22", 1e22);
            AssertDouble("2.2250738585072014E-308", 2.2250738585072014E-308);
            AssertDouble("1.7976931348623157e308", 1.7976931348623157e308);
            AssertDouble("4.9e-324", 4.9e-324);
            AssertDouble("2.4703282292062328e-324", 4.9e-324);
            AssertDouble("2.4703282292062327e-324", 0.0);
            AssertDouble("9007199254740993", 9007199254740992.0);
            AssertDouble("9007199254740995", 9007199254740996.0);
            AssertDouble("123456789012345678901234567890", 1.2345678901234568e29);
            AssertDouble("0.30000000000000004", 0.30000000000000004);
            AssertDouble("0.5e0", 0.5);
            AssertDouble("-0", 0.0);
        }

        [TestMethod]
        public void TryGetDouble_HalfwayCasesAndLongInputs_RoundHalfToEven()
        {
            // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: ties go to the even significand (2^53);
            // a single nonzero digit far to the right breaks the tie upwards.
            AssertDouble("9007199254740993.000000000000000000000000000000000000000000000000000000000001", 9007199254740994.0);
            AssertDouble("9007199254740993.000000000000000000000000000000000000000000000000000000000000", 9007199254740992.0);
            AssertDouble("1.00000000000000011102230246251565404236316680908203125", 1.0);
            AssertDouble("1.00000000000000011102230246251565404236316680908203126", 1.0000000000000002);
            AssertDouble("179769313486231580793728971405301e276", 1.7976931348623157e308);
        }

        [TestMethod]
        public void TryGetDouble_OutOfRange_FailsOrUnderflows()
        {
            double value;
            Assert.IsFalse(At("1e400", 0).TryGetDouble(out value), "overflows to infinity");
            Assert.IsFalse(At("-1e400", 0).TryGetDouble(out value));
            Assert.IsTrue(At("1e-400", 0).TryGetDouble(out value));
            Assert.AreEqual(0.0, value, "underflows to zero");
            Assert.IsFalse(At("\"1\"", 0).TryGetDouble(out value));
        }

        [TestMethod]
        public void TryGetBoolean_OnlyForLiterals()
        {
            bool value;
            Assert.IsTrue(At("true", 0).TryGetBoolean(out value));
            Assert.IsTrue(value);
            Assert.IsTrue(At("false", 0).TryGetBoolean(out value));
            Assert.IsFalse(value);
            Assert.IsFalse(At("\"true\"", 0).TryGetBoolean(out value));
            Assert.IsFalse(At("1", 0).TryGetBoolean(out value));
        }

        [TestMethod]
        public void GetString_EscapedAndPlain_ReturnsUnescaped()
        {
            Assert.AreEqual("urn:oma:mo:oma-fumo:1.0/fumo1/PkgURL", At("\"urn:oma:mo:oma-fumo:1.0\\/fumo1\\/PkgURL\"", 0).GetString());
            Assert.AreEqual("\u00e9\u20ac", At("\"\u00e9\u20ac\"", 0).GetString());
        }

        private static void AssertDouble(string json, double expected)
        {
            double value;
            Assert.IsTrue(At(json, 0).TryGetDouble(out value), json);
            Assert.AreEqual(expected, value, json);
        }
    }
}

using System;
using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Tests.Json
{
    /// <summary>Helpers shared by the Json tests: token dumps and error expectations.</summary>
    public static class JsonTestKit
    {
        /// <summary>UTF-8 bytes of <paramref name="text"/>.</summary>
        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        /// <summary>
        /// Reads every token and describes each as text: <c>{ } [ ]</c>, <c>P:name</c>,
        /// <c>S:value</c>, <c>N:text</c>, <c>true false null</c>.
        /// </summary>
        public static string[] Tokens(byte[] json, int chunk, int window)
        {
            return Tokens(new JsonReader(new ChunkedStream(json, chunk), new byte[window]));
        }

        /// <summary>Tokens of <paramref name="json"/> with a roomy window and whole reads.</summary>
        public static string[] Tokens(string json)
        {
            byte[] bytes = Utf8(json);
            return Tokens(bytes, bytes.Length + 1, 512);
        }

        /// <summary>Describes every remaining token of <paramref name="reader"/>.</summary>
        public static string[] Tokens(JsonReader reader)
        {
            string[] tokens = new string[16];
            int count = 0;
            while (reader.Read())
            {
                if (count == tokens.Length)
                {
                    string[] bigger = new string[tokens.Length * 2];
                    Array.Copy(tokens, bigger, count);
                    tokens = bigger;
                }
                tokens[count++] = Describe(reader);
            }
            string[] result = new string[count];
            Array.Copy(tokens, result, count);
            return result;
        }

        /// <summary>Text form of the reader's current token.</summary>
        public static string Describe(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: return "{";
                case JsonTokenType.EndObject: return "}";
                case JsonTokenType.StartArray: return "[";
                case JsonTokenType.EndArray: return "]";
                case JsonTokenType.PropertyName: return "P:" + reader.GetString();
                case JsonTokenType.String: return "S:" + reader.GetString();
                case JsonTokenType.Number: return "N:" + reader.GetString();
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Null: return "null";
                default: return "?";
            }
        }

        /// <summary>Reads <paramref name="json"/> to the end; returns the JsonException raised (null when valid).</summary>
        public static JsonException ErrorOf(byte[] json, int chunk, int window, int maxDepth)
        {
            JsonReader reader = new JsonReader(new ChunkedStream(json, chunk), new byte[window], maxDepth);
            try
            {
                while (reader.Read())
                {
                }
            }
            catch (JsonException ex)
            {
                return ex;
            }
            return null;
        }

        /// <summary>Asserts that <paramref name="json"/> fails with <paramref name="error"/> at <paramref name="offset"/>, whole and byte by byte.</summary>
        public static void AssertInvalid(string json, JsonError error, long offset)
        {
            AssertInvalid(Utf8(json), error, offset);
        }

        /// <summary>As <see cref="AssertInvalid(string, JsonError, long)"/> for raw bytes.</summary>
        public static void AssertInvalid(byte[] json, JsonError error, long offset)
        {
            int[] chunks = new int[] { json.Length + 1, 1, 3 };
            for (int k = 0; k < chunks.Length; k++)
            {
                JsonException ex = ErrorOf(json, chunks[k], 64, JsonReader.DefaultMaxDepth);
                string context = "input " + Printable(json) + ", chunk " + chunks[k].ToString();
                Assert.IsNotNull(ex, "must be rejected: " + context);
                Assert.AreEqual((int)error, (int)ex.Error, "error kind for " + context + " (" + ex.Message + ")");
                Assert.AreEqual(offset, ex.Offset, "offset for " + context);
            }
        }

        /// <summary>Asserts that <paramref name="json"/> reads to the end without error.</summary>
        public static void AssertValid(string json)
        {
            byte[] bytes = Utf8(json);
            JsonException ex = ErrorOf(bytes, bytes.Length + 1, 64, JsonReader.DefaultMaxDepth);
            Assert.IsNull(ex, "must be accepted: " + json + (ex == null ? "" : " (" + ex.Message + ")"));
        }

        /// <summary>Input shown with non-printable bytes as \xNN.</summary>
        public static string Printable(byte[] json)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < json.Length; i++)
            {
                byte b = json[i];
                if (b >= 0x20 && b < 0x7F)
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append("\\x");
                    text.Append(((int)b).ToString("X2"));
                }
            }
            return text.ToString();
        }
    }
}

using System.Globalization;
using System.Text;
using CsCheck;
using OmaDm.Nano.Json;
using Stj = System.Text.Json;

namespace OmaDm.Nano.Host.Tests.Json;

/// <summary>Our writer's output parsed by System.Text.Json, and our double parsing against double.Parse.</summary>
[TestClass]
public class JsonWriterRandomTests
{
    [TestMethod]
    public void RandomTrees_WrittenByUs_ParseBackEqualWithSystemTextJson()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 5], Gen.Int[JsonWriter.MinBufferBytes, 200]).Sample((seed, depth, bufferSize) =>
        {
            var random = new Random(seed);
            object? tree = Tree(random, depth);
            var stream = new MemoryStream();
            var writer = new JsonWriter(stream, new byte[bufferSize]);
            Write(writer, tree);
            writer.Flush();
            Assert.AreEqual(stream.Length, writer.BytesWritten);
            using var document = Stj.JsonDocument.Parse(stream.ToArray());
            AssertSame(tree, document.RootElement);
        }, iter: 3000);
    }

    [TestMethod]
    public void RandomDoubles_WriteAndReadBack_Exactly()
    {
        Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite).Sample(value =>
        {
            var stream = new MemoryStream();
            var writer = new JsonWriter(stream, new byte[64]);
            writer.WriteNumber(value);
            writer.Flush();
            byte[] json = stream.ToArray();
            Assert.AreEqual(value, Stj.JsonDocument.Parse(json).RootElement.GetDouble(), Encoding.ASCII.GetString(json));
            var reader = new JsonReader(new MemoryStream(json), new byte[64]);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.TryGetDouble(out double back));
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back), Encoding.ASCII.GetString(json));
        }, iter: 20000);
    }

    [TestMethod]
    public void RandomDecimalText_ParsesLikeDoubleParse()
    {
        Gen.Select(Gen.Char['0', '9'].Array[1, 40], Gen.Int[0, 40], Gen.Int[-400, 400]).Sample((digits, point, exponent) =>
        {
            string mantissa = new string(digits).TrimStart('0');
            if (mantissa.Length == 0) { mantissa = "0"; }
            string text = point > 0 && point < mantissa.Length
                ? mantissa[..point] + "." + mantissa[point..] + "e" + exponent.ToString(CultureInfo.InvariantCulture)
                : mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture);
            double expected = double.Parse(text, CultureInfo.InvariantCulture);
            var reader = new JsonReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), new byte[64]);
            Assert.IsTrue(reader.Read());
            bool ok = reader.TryGetDouble(out double actual);
            if (double.IsInfinity(expected)) { Assert.IsFalse(ok, text); return; }
            Assert.IsTrue(ok, text);
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual), text);
        }, iter: 20000);
    }

    private static object? Tree(Random random, int depth)
    {
        switch (random.Next(depth > 0 ? 9 : 6))
        {
            case 0: return RandomString(random);
            case 1: return random.Next(2) == 0 ? (long)random.Next(-1000, 1000) : random.NextInt64(long.MinValue, long.MaxValue);
            case 2: return BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5;
            case 3: return random.Next(2) == 0;
            case 4: return null;
            case 5: return RandomString(random);
            case 6:
            case 7: return Enumerable.Range(0, random.Next(5)).Select(_ => Tree(random, depth - 1)).ToList();
            default: return Enumerable.Range(0, random.Next(5)).Select(_ => new KeyValuePair<string, object?>(RandomString(random), Tree(random, depth - 1))).ToList();
        }
    }

    private static string RandomString(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(12);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0: text.Append((char)random.Next(0, 0x20)); break;
                case 1: text.Append("\"\\/"[random.Next(3)]); break;
                case 2: text.Append((char)random.Next(0x80, 0xD800)); break;
                case 3: text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                case 4: text.Append((char)random.Next(0xD800, 0xE000)); break; // lone surrogate
                default: text.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }
        return text.ToString();
    }

    /// <summary>What the writer promises to produce for a .NET string: lone surrogates become U+FFFD.</summary>
    private static string Sanitized(string text)
    {
        var result = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { result.Append(c).Append(text[++i]); }
            else if (char.IsSurrogate(c)) { result.Append('\uFFFD'); }
            else { result.Append(c); }
        }
        return result.ToString();
    }

    private static void Write(JsonWriter writer, object? node)
    {
        switch (node)
        {
            case null: writer.WriteNull(); break;
            case string s: writer.WriteString(s); break;
            case long l: writer.WriteNumber(l); break;
            case double d: writer.WriteNumber(d); break;
            case bool b: writer.WriteBoolean(b); break;
            case List<object?> array:
                writer.WriteStartArray();
                foreach (object? item in array) { Write(writer, item); }
                writer.WriteEndArray();
                break;
            case List<KeyValuePair<string, object?>> members:
                writer.WriteStartObject();
                foreach (var member in members) { writer.WritePropertyName(member.Key); Write(writer, member.Value); }
                writer.WriteEndObject();
                break;
        }
    }

    private static void AssertSame(object? node, Stj.JsonElement element)
    {
        switch (node)
        {
            case null: Assert.AreEqual(Stj.JsonValueKind.Null, element.ValueKind); break;
            case string s: Assert.AreEqual(Sanitized(s), element.GetString()); break;
            case long l: Assert.AreEqual(l, element.GetInt64()); break;
            case double d: Assert.AreEqual(d, element.GetDouble()); break;
            case bool b: Assert.AreEqual(b, element.GetBoolean()); break;
            case List<object?> array:
                Assert.AreEqual(array.Count, element.GetArrayLength());
                for (int i = 0; i < array.Count; i++) { AssertSame(array[i], element[i]); }
                break;
            case List<KeyValuePair<string, object?>> members:
                var properties = element.EnumerateObject().ToList();
                Assert.AreEqual(members.Count, properties.Count);
                for (int i = 0; i < members.Count; i++)
                {
                    Assert.AreEqual(Sanitized(members[i].Key), properties[i].Name);
                    AssertSame(members[i].Value, properties[i].Value);
                }
                break;
        }
    }
}

using System.Text;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Host.Tests.Json;

/// <summary>
/// Allocation budget of the tokenizer (a budget, not a timing): after warm-up, reading every token
/// of a 64 KiB DM package, comparing, copying and converting values allocates nothing.
/// </summary>
[TestClass]
public class JsonAllocationTests
{
    [TestMethod]
    public void Tokenize64KiBPackage_AfterWarmUp_AllocatesZeroBytes()
    {
        byte[] package = BuildPackage(64 * 1024);
        var stream = new MemoryStream(package, writable: false);
        var reader = new JsonReader(stream, new byte[512]);
        byte[] copyBytes = new byte[512];
        char[] copyChars = new char[512];
        byte[] key = "sc"u8.ToArray();

        long tokens = Tokenize(reader, stream, copyBytes, copyChars, key); // warm-up: JIT, statics
        long before = GC.GetAllocatedBytesForCurrentThread();
        long again = Tokenize(reader, stream, copyBytes, copyChars, key);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(tokens, again);
        Assert.IsGreaterThan(10000L, tokens, "the package is big enough to mean something");
        Assert.AreEqual(0L, allocated, $"bytes allocated while reading {tokens} tokens");
    }

    private static long Tokenize(JsonReader reader, MemoryStream stream, byte[] copyBytes, char[] copyChars, byte[] key)
    {
        stream.Position = 0;
        reader.Reset(stream);
        long tokens = 0;
        long checksum = 0;
        while (reader.Read())
        {
            tokens++;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (reader.ValueEquals(key) || reader.ValueEquals("Data")) { checksum++; }
                    break;
                case JsonTokenType.String:
                    checksum += reader.CopyValue(copyBytes, 0) + reader.CopyValue(copyChars, 0);
                    break;
                case JsonTokenType.Number:
                    if (reader.TryGetInt32(out int i)) { checksum += i; }
                    if (reader.TryGetInt64(out long l)) { checksum += l; }
                    if (reader.TryGetDouble(out double d)) { checksum += (long)d; }
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    if (reader.TryGetBoolean(out bool b) && b) { checksum++; }
                    break;
                case JsonTokenType.StartObject:
                    if (reader.CurrentDepth > 3) { reader.Skip(); }
                    break;
            }
        }
        return tokens + (checksum & 0);
    }

    private static byte[] BuildPackage(int minimumBytes)
    {
        var json = new StringBuilder("{\"Status\":[");
        for (int i = 0; json.Length < minimumBytes; i++)
        {
            if (i > 0) { json.Append(','); }
            json.Append(i % 3 == 0
                ? "{\"sc\":200}"
                : "{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"],\"Data\":[\"1.0.\\u00e9\u20ac\",3.25,-17,true,{\"a\":{\"b\":{}}}]}");
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}

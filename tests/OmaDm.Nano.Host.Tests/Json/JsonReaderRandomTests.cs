using CsCheck;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Host.Tests.Json;

/// <summary>
/// Randomized comparison of our JsonReader with System.Text.Json's Utf8JsonReader on the same
/// bytes: generated documents split at random, mutated documents, and random bytes.
/// </summary>
[TestClass]
public class JsonReaderRandomTests
{
    private const int Window = 512;

    private static readonly byte[] Interesting =
        "{}[],:\"\\0123456789-+.eEtfnulrsaxu /"u8.ToArray().Concat(new byte[] { 0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF }).ToArray();

    [TestMethod]
    public void GeneratedDocuments_SplitAnywhere_MatchUtf8JsonReader()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 6], Gen.Int[1, 64], Gen.Int[0, 4000]).Sample((seed, depth, chunk, split) =>
        {
            byte[] json = RandomJson.Document(seed, depth);
            var reference = JsonComparison.Reference(json);
            Assert.IsNull(reference.Error, "generator produced invalid JSON: " + reference.Error);
            var ours = JsonComparison.Ours(json, chunk, split % (json.Length + 1), Window);
            Assert.IsNull(ours.Error, ours.Error);
            Assert.AreEqual(string.Join("\n", reference.Tokens!), string.Join("\n", ours.Tokens!));
        }, iter: 3000);
    }

    [TestMethod]
    public void MutatedDocuments_AgreeWithUtf8JsonReaderOnValidity()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 5], Gen.Int[1, 3], Gen.Int, Gen.Int[1, 16]).Sample((seed, depth, mutations, mutationSeed, chunk) =>
        {
            byte[] json = Mutate(RandomJson.Document(seed, depth), mutations, mutationSeed);
            var reference = JsonComparison.Reference(json);
            var ours = JsonComparison.Ours(json, chunk, -1, Window);
            Assert.AreEqual(reference.Error is null, ours.Error is null,
                $"validity differs for {Convert.ToHexString(json)}: ours {ours.Error ?? "valid"}, reference {reference.Error ?? "valid"}");
            if (ours.Tokens is not null) { Assert.AreEqual(string.Join("\n", reference.Tokens!), string.Join("\n", ours.Tokens!)); }
        }, iter: 5000);
    }

    [TestMethod]
    public void RandomBytes_OnlyJsonExceptionAndSameValidity()
    {
        Gen.Select(Gen.Int[0, Interesting.Length - 1].Array[0, 40], Gen.Int[1, 8]).Sample((picks, chunk) =>
        {
            byte[] json = picks.Select(i => Interesting[i]).ToArray();
            var reference = JsonComparison.Reference(json);
            var ours = JsonComparison.Ours(json, chunk, -1, 16); // any other exception type fails the test
            Assert.AreEqual(reference.Error is null, ours.Error is null,
                $"validity differs for {Convert.ToHexString(json)}: ours {ours.Error ?? "valid"}, reference {reference.Error ?? "valid"}");
        }, iter: 20000);
    }

    [TestMethod]
    public void DeepNesting_AgreesWithUtf8JsonReaderAtTheLimit()
    {
        for (int depth = 30; depth <= 34; depth++)
        {
            byte[] json = System.Text.Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));
            var reference = JsonComparison.Reference(json);
            var ours = JsonComparison.Ours(json, 7, -1, 64);
            Assert.AreEqual(reference.Error is null, ours.Error is null, $"depth {depth}");
        }
    }

    private static byte[] Mutate(byte[] json, int mutations, int seed)
    {
        var random = new Random(seed);
        var bytes = json.ToList();
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0: if (at < bytes.Count) { bytes.RemoveAt(at); } break;
                case 1: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: if (at < bytes.Count) { bytes[at] = Interesting[random.Next(Interesting.Length)]; } break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default:
                    int length = random.Next(Math.Min(8, bytes.Count - at) + 1);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }
        return bytes.ToArray();
    }
}

using System.Globalization;
using System.Text;
using CsCheck;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Tree;
using Stj = System.Text.Json;

namespace OmaDm.Nano.Host.Tests.MoTree;

/// <summary>
/// The tree's JSON checked by an independent implementation (System.Text.Json): random values written
/// through the tree come back equal from a GET, and bodies written by System.Text.Json are accepted.
/// </summary>
[TestClass]
public class TreeRandomTests
{
    private const string M = TreeHostFixture.Moid;

    private static readonly Gen<string> Text = Gen.Char.Where(c => c != '\0' && !char.IsSurrogate(c)).Array[0, 40]
        .Select(chars => new string(chars));

    private static string Codes(string s) => string.Join(",", s.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    [TestMethod]
    public void RandomValues_GetParsedBySystemTextJson_Equal()
    {
        using var f = new TreeHostFixture();
        MoInstance i = f.Tree.AddInstance(M, "i1");
        Gen.Select(Text, Gen.Long, Gen.Double.Where(double.IsFinite), Gen.Bool, Gen.Byte.Array[0, 64]).Sample((name, count, ratio, on, blob) =>
        {
            string ratioText = Stj.JsonSerializer.Serialize(ratio); // shortest round-trip JSON number text
            Assert.AreEqual(200, i.SetText("Name", name));
            Assert.AreEqual(200, i.SetInt64("Count", count));
            Assert.AreEqual(200, i.SetText("Ratio", ratioText));
            Assert.AreEqual(200, i.SetBoolean("On", on));
            Assert.AreEqual(200, i.SetBytes("Blob", blob));
            byte[] json = f.Get(M + "/i1", out int status);
            Assert.AreEqual(200, status);
            using var doc = Stj.JsonDocument.Parse(json);
            Stj.JsonElement data = doc.RootElement.GetProperty("Data")[0];
            Assert.AreEqual(name, data.GetProperty("Name").GetString(), Codes(name) + " | " + Codes(data.GetProperty("Name").GetString()!));
            Assert.AreEqual(count, data.GetProperty("Count").GetInt64());
            Assert.AreEqual(ratio, data.GetProperty("Ratio").GetDouble());
            Assert.AreEqual(on, data.GetProperty("On").GetBoolean());
            Assert.AreEqual(Convert.ToBase64String(blob), data.GetProperty("Blob").GetString());
            Assert.AreEqual(i.CacheValidator, doc.RootElement.GetProperty("cv").GetString());
        }, iter: 500, threads: 1); // one tree shared by the samples: the tree is single-threaded
    }

    [TestMethod]
    public void RandomBodies_WrittenBySystemTextJson_StoredExactly()
    {
        using var f = new TreeHostFixture();
        MoInstance i = f.Tree.AddInstance(M, "i1");
        Gen.Select(Text, Gen.Long, Gen.Byte.Array[0, 64], Text.Where(s => s.Length > 0)).Sample((name, count, blob, value) =>
        {
            var body = new Dictionary<string, object>
            {
                ["Name"] = name,
                ["Count"] = count,
                ["Blob"] = Convert.ToBase64String(blob),
                ["Items"] = new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["Value"] = value } },
            };
            byte[] json = Stj.JsonSerializer.SerializeToUtf8Bytes(body);
            Assert.AreEqual(200, f.Write(M + "/i1", "application/json", json));
            Assert.AreEqual(name, i.GetText("Name"));
            Assert.IsTrue(i.TryGetInt64("Count", out long back));
            Assert.AreEqual(count, back);
            CollectionAssert.AreEqual(blob, i.GetBytes("Blob"));
            Assert.AreEqual(value, i.GetText("Items/k/Value"), Codes(value) + " | " + Codes(i.GetText("Items/k/Value") ?? "(null)"));
        }, iter: 500, threads: 1); // one tree shared by the samples: the tree is single-threaded
    }

    [TestMethod]
    public void RandomLeafText_IntValidationMatchesLongTryParse()
    {
        using var f = new TreeHostFixture();
        MoInstance i = f.Tree.AddInstance(M, "i1");
        Gen.OneOf(Gen.Long.Select(v => v.ToString(CultureInfo.InvariantCulture)), Gen.String["-0123456789+. e"]).Sample(text =>
        {
            bool canonical = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)
                && parsed.ToString(CultureInfo.InvariantCulture) == text;
            int status = f.Write(M + "/i1/Count", "text/plain", text);
            Assert.AreEqual(canonical ? 200 : 400, status, text);
        }, iter: 3000);
    }

    [TestMethod]
    public void RandomUris_FormatThenParse_SameParts()
    {
        Gen<string> name = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%:@!$&'()+,;="].Array[1, 12]
            .Select(c => new string(c)).Where(s => s != "." && s != "..");
        Gen.Select(name, name.Array[0, 6]).Sample((miid, segments) =>
        {
            string path = string.Join("/", segments);
            string text = ClientUri.Format("oma:mo:x:1.0", miid, path);
            if (text.Length > ClientUri.MaxClientUriChars) { return; }
            Assert.IsTrue(ClientUri.TryParse(text, out ClientUri uri, out int status), text);
            Assert.AreEqual(200, status);
            Assert.AreEqual("urn:oma:mo:x:1.0", uri.Moid);
            Assert.AreEqual(miid, uri.Miid);
            Assert.AreEqual(path, uri.Path);
            Assert.AreEqual(segments.Length, uri.SegmentCount);
            Assert.AreEqual(text, uri.Format());
        }, iter: 5000);
    }

    [TestMethod]
    public void RandomText_TryParse_NeverThrows()
    {
        Gen.String.Sample(text =>
        {
            bool ok = ClientUri.TryParse(text, out ClientUri? uri, out int status);
            Assert.AreEqual(ok ? 200 : 400, status);
            Assert.AreEqual(ok, uri is not null);
        }, iter: 20000);
    }
}

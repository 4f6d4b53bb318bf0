using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OmaDm.Nano.Host.Tests.Repository;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>
/// The ESP32 API check compiles the device-only sources against NanoStubs.g.cs; that file must come
/// from the listings in shared/nano-api/v2-preview as they are now, or the check checks the past.
/// </summary>
[TestClass]
public sealed partial class NanoStubsTests
{
    [TestMethod]
    public void Stubs_WereGeneratedFromTheCurrentListings()
    {
        var listings = NanoPackageCatalog.ListingFolder();
        if (listings is null)
        {
            Assert.Inconclusive("shared/nano-api is not beside the checkout");
        }

        var stubs = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "OmaDm.Nano.Esp32.ApiCheck", "NanoStubs.g.cs")).Take(3).ToList();
        var header = stubs.Select(l => DigestLine().Match(l)).First(m => m.Success);
        var files = header.Groups["files"].Value.Split(", ");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in files)
        {
            var text = File.ReadAllBytes(Path.Combine(listings, "v2-preview", name));
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(Normalize(text));
        }

        Assert.AreEqual(header.Groups["sha"].Value, Convert.ToHexStringLower(sha.GetHashAndReset()),
            "the listings changed: run tests/OmaDm.Nano.Esp32.ApiCheck/gen-nano-stubs.py and commit NanoStubs.g.cs");
    }

    [TestMethod]
    public void Stubs_CoverTheTypesTheBindingsUse()
    {
        var stubs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "OmaDm.Nano.Esp32.ApiCheck", "NanoStubs.g.cs"));
        foreach (var type in new[] { "class HttpWebRequest", "class UpdateManager", "class WifiNetworkHelper", "class NativeMemory", "class FileStream", "enum SslProtocols" })
        {
            Assert.Contains(type, stubs, "the API check would silently fall back to .NET's own type");
        }
    }

    private static byte[] Normalize(byte[] text) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text).Replace("\r\n", "\n"));

    [GeneratedRegex(@"^// listings-sha256: (?<sha>[0-9a-f]{64}) \((?<files>[^)]*)\)$")]
    private static partial Regex DigestLine();
}

using System.Text.RegularExpressions;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Tests.Repository;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>
/// The IFU slot maps IFU's enums onto the core's by name (src/OmaDm.Nano.Esp32/Firmware/UpdateResults.cs
/// cannot run on a PC). These checks read the IFU listing and that source: every IFU value has its own
/// case, and lands on the core value of the same meaning.
/// </summary>
[TestClass]
public sealed partial class InFieldUpdateMappingTests
{
    private static readonly Dictionary<string, SlotResult> Renamed = new(StringComparer.Ordinal)
    {
        ["BadToken"] = SlotResult.NoSession, // IFU: "the session is stale or foreign"
    };

    [TestMethod]
    public void EveryUpdateSessionResult_HasACase_OnTheSameNamedSlotResult()
    {
        var cases = Cases("UpdateSessionResult", "SlotResult");
        foreach (var name in ListedMembers("UpdateSessionResult"))
        {
            Assert.IsTrue(cases.TryGetValue(name, out var target), $"UpdateSessionResult.{name} falls through to the default");
            var expected = Renamed.TryGetValue(name, out var renamed) ? renamed.ToString() : name;
            Assert.AreEqual(expected, target, $"UpdateSessionResult.{name}");
            Assert.IsTrue(Enum.TryParse<SlotResult>(target, out _), $"SlotResult.{target} does not exist");
        }
    }

    [TestMethod]
    public void EveryUpdateStatus_HasACase_OnTheSameNamedSlotStatus()
    {
        var cases = Cases("UpdateStatus", "SlotStatus");
        foreach (var name in ListedMembers("UpdateStatus"))
        {
            Assert.IsTrue(cases.TryGetValue(name, out var target), $"UpdateStatus.{name} has no case");
            Assert.AreEqual(name, target);
            Assert.IsTrue(Enum.TryParse<SlotStatus>(target, out _), $"SlotStatus.{target} does not exist");
        }
    }

    private static IEnumerable<string> ListedMembers(string type)
    {
        var listings = NanoPackageCatalog.ListingFolder();
        if (listings is null)
        {
            Assert.Inconclusive("shared/nano-api is not beside the checkout");
        }

        var prefix = "nanoFramework.Runtime.InFieldUpdate." + type + "::";
        var members = File.ReadLines(Path.Combine(listings, "v2-preview", "nanoFramework.Runtime.InFieldUpdate.txt"))
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains("[field const]", StringComparison.Ordinal))
            .Select(l => l[prefix.Length..].Split(' ')[0])
            .ToList();
        Assert.IsNotEmpty(members);
        return members;
    }

    private static Dictionary<string, string> Cases(string from, string to)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "OmaDm.Nano.Esp32", "Firmware", "UpdateResults.cs"));
        return CaseLine().Matches(source)
            .Where(m => m.Groups["from"].Value == from && m.Groups["to"].Value == to)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["target"].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"case (?<from>\w+)\.(?<name>\w+): return (?<to>\w+)\.(?<target>\w+);")]
    private static partial Regex CaseLine();
}

using System.Text.RegularExpressions;

namespace OmaDm.Nano.Host.Tests.Repository;

/// <summary>
/// nanoFramework's <c>System.IO.Stream</c> has abstract members .NET does not: <c>Read(SpanByte)</c>
/// on the 1.x line, <c>Read(Span&lt;byte&gt;)</c> and <c>Write(ReadOnlySpan&lt;byte&gt;)</c> on the 2.x
/// preview line. A Stream subclass that compiles on the host can therefore fail the device build
/// (CS0534). This test reads the abstract members from the listing of each project's line and
/// checks every Stream subclass in the project's sources overrides them.
/// </summary>
[TestClass]
public sealed partial class NanoStreamOverrideTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Listing parameter types → how C# sources spell them.</summary>
    private static readonly Dictionary<string, string> SourceSpelling = new(StringComparer.Ordinal)
    {
        ["System.SpanByte"] = "SpanByte",
        ["System.Span`1<System.Byte>"] = "Span<byte>",
        ["System.ReadOnlySpan`1<System.Byte>"] = "ReadOnlySpan<byte>",
        ["System.Byte[]"] = "byte[]",
        ["System.Int32"] = "int",
        ["System.Int64"] = "long",
        ["System.IO.SeekOrigin"] = "SeekOrigin",
    };

    [TestMethod]
    public void StreamSubclasses_OverrideEveryAbstractMemberOfTheirLine()
    {
        var listings = NanoPackageCatalog.ListingFolder();
        if (listings is null)
        {
            Assert.Inconclusive("shared/nano-api is not beside the checkout");
        }

        var missing = new List<string>();
        foreach (var project in RepositoryPaths.NanoProjects())
        {
            var folder = Path.GetDirectoryName(project)!;
            var packages = NanoPackageCatalog.ReadPackagesConfig(Path.Combine(folder, "packages.config"));
            var v2 = packages.TryGetValue(NanoPackageCatalog.CoreLibrary, out var core) && core.StartsWith("2.", StringComparison.Ordinal);
            var required = AbstractStreamMethods(Path.Combine(listings, v2 ? "v2-preview" : "", "System.IO.Streams.txt"));

            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !RepositoryPaths.IsBuildOutput(Path.GetRelativePath(folder, f)) && !f.EndsWith(".Host.cs", StringComparison.Ordinal)))
            {
                var code = NanoPackageConsistencyTests.StripCommentsAndLiterals(File.ReadAllText(file));
                if (!StreamSubclass().IsMatch(code))
                {
                    continue;
                }

                foreach (var (name, parameter) in required)
                {
                    var pattern = @"\boverride\s+\w+\s+" + name + @"\s*\(\s*" + Regex.Escape(parameter) + @"\s+\w+";
                    if (!Regex.IsMatch(code, pattern))
                    {
                        missing.Add((v2 ? "v2 " : "v1 ") + Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/') + ": " + name + "(" + parameter + ")");
                    }
                }
            }
        }

        missing.Sort(StringComparer.Ordinal);
        foreach (var line in missing)
        {
            TestContext.WriteLine("missing device override: " + line);
        }

        Assert.IsEmpty(missing, "Stream subclasses that would not compile for the device: " + string.Join("; ", missing));
    }

    [TestMethod]
    public void AbstractStreamMethods_PerLine_AreTheSpanOverloads()
    {
        var listings = NanoPackageCatalog.ListingFolder();
        if (listings is null)
        {
            Assert.Inconclusive("shared/nano-api is not beside the checkout");
        }

        CollectionAssert.Contains(AbstractStreamMethods(Path.Combine(listings, "System.IO.Streams.txt")), ("Read", "SpanByte"));
        var v2 = AbstractStreamMethods(Path.Combine(listings, "v2-preview", "System.IO.Streams.txt"));
        CollectionAssert.Contains(v2, ("Read", "Span<byte>"));
        CollectionAssert.Contains(v2, ("Write", "ReadOnlySpan<byte>"));
    }

    /// <summary>Abstract one-parameter methods of Stream that .NET's Stream does not make abstract (the span overloads).</summary>
    private static List<(string Name, string Parameter)> AbstractStreamMethods(string listing) =>
        File.ReadLines(listing)
            .Select(l => AbstractSpanMethod().Match(l))
            .Where(m => m.Success && m.Groups["param"].Value.Contains("Span", StringComparison.Ordinal))
            .Select(m => (m.Groups["name"].Value, SourceSpelling[m.Groups["param"].Value]))
            .ToList();

    [GeneratedRegex(@"^System\.IO\.Stream::(?<name>Read|Write)\((?<param>[^,()]+)\) : \S+ \[abstract\]$")]
    private static partial Regex AbstractSpanMethod();

    [GeneratedRegex(@"\bclass\s+\w+\s*:\s*(System\.IO\.)?Stream\b")]
    private static partial Regex StreamSubclass();
}

using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OmaDm.Nano.Host.Tests.Repository;

/// <summary>
/// Nothing here can build a nanoFramework project, so these checks stand in for the compiler on
/// the points it or the deployment would catch: a source file that uses a type from a package its
/// project does not reference, a project that mixes the 1.x (stable) and 2.x (generics preview)
/// CoreLibrary lines, which nanoFramework cannot deploy, and one package pinned at two versions.
/// </summary>
[TestClass]
public sealed partial class NanoPackageConsistencyTests
{
    /// <summary>Packages allowed on the 2.x line although their own version is not a 2.x preview.</summary>
    private static readonly Dictionary<string, string> V2LineVersionPrefixes = new(StringComparer.Ordinal)
    {
        ["nanoFramework.Runtime.InFieldUpdate"] = "1.",           // versioned 1.x, built against CoreLibrary 2.0.0-preview
        ["nanoFramework.Runtime.InFieldUpdate.Provider"] = "1.",
        ["nanoFramework.TestFramework"] = "4.",                   // the test framework's 2.x-line release is 4.x
    };

    private static NanoPackageCatalog? s_catalog;

    public static IEnumerable<object[]> Projects() =>
        RepositoryPaths.NanoProjects().Select(p => new object[] { Relative(p) });

    [TestMethod]
    [DynamicData(nameof(Projects))]
    public void PackagesConfig_CoversEveryPackageTypeTheSourcesUse(string relativeProject)
    {
        var catalog = Catalog();
        var project = Path.Combine(RepositoryPaths.Root, relativeProject);
        var folder = Path.GetDirectoryName(project)!;
        var packages = NanoPackageCatalog.ReadPackagesConfig(Path.Combine(folder, "packages.config"));

        var missing = new List<string>();
        foreach (var file in SourceFiles(folder))
        {
            var code = StripCommentsAndLiterals(File.ReadAllText(file));
            foreach (var (type, needed) in UsedPackageTypes(catalog, code))
            {
                if (!needed.Any(packages.ContainsKey))
                {
                    missing.Add($"{Path.GetRelativePath(folder, file)} uses {type}: add one of {string.Join(" / ", needed.Order(StringComparer.Ordinal))}");
                }
            }
        }

        Assert.IsEmpty(missing.Distinct().ToList(), relativeProject + ":\n" + string.Join("\n", missing.Distinct()));
    }

    [TestMethod]
    [DynamicData(nameof(Projects))]
    public void PackagesConfig_StaysOnOneCoreLibraryLine(string relativeProject)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, relativeProject))!;
        var packages = NanoPackageCatalog.ReadPackagesConfig(Path.Combine(folder, "packages.config"));
        Assert.IsTrue(packages.ContainsKey(NanoPackageCatalog.CoreLibrary), $"{relativeProject} must pin {NanoPackageCatalog.CoreLibrary}");

        var v2 = IsV2(packages[NanoPackageCatalog.CoreLibrary]);
        var wrong = new List<string>();
        foreach (var (id, version) in packages.Where(p => p.Key.StartsWith("nanoFramework.", StringComparison.Ordinal) && p.Key != NanoPackageCatalog.CoreLibrary))
        {
            var onV2 = V2LineVersionPrefixes.TryGetValue(id, out var prefix)
                ? version.StartsWith(prefix, StringComparison.Ordinal)
                : IsV2(version);
            var requiresV2 = id.StartsWith("nanoFramework.Runtime.InFieldUpdate", StringComparison.Ordinal);
            var bad = v2 ? !onV2 : IsV2(version) || requiresV2;
            if (bad)
            {
                wrong.Add($"{id} {version}");
            }
        }

        Assert.IsEmpty(wrong, $"{relativeProject} is on CoreLibrary {(v2 ? "2.x preview" : "1.x")} but has: {string.Join(", ", wrong)}");
    }

    [TestMethod]
    public void ProjectReferences_StayOnOneCoreLibraryLine()
    {
        // A board app deploys the core, the ESP32 bindings and itself together; nanoFramework
        // cannot load 1.x and 2.x assemblies side by side.
        var crossings = new List<string>();
        foreach (var project in RepositoryPaths.NanoProjects())
        {
            var line = LineOf(project);
            foreach (var reference in ProjectReferences(project))
            {
                if (LineOf(reference) != line)
                {
                    crossings.Add(Relative(project) + " -> " + Relative(reference));
                }
            }
        }

        Assert.IsEmpty(crossings, "projects that reference a project on the other CoreLibrary line: " + string.Join("; ", crossings));
    }

    [TestMethod]
    public void PackagesConfigs_PinEachPackageToOneVersion()
    {
        // Projects that reference each other deploy their packages together, and the deployment
        // holds one version of each assembly: two pins of one package would leave one project
        // built against an assembly the board does not get.
        var versions = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var project in RepositoryPaths.NanoProjects())
        {
            var folder = Path.GetDirectoryName(project)!;
            foreach (var (id, version) in NanoPackageCatalog.ReadPackagesConfig(Path.Combine(folder, "packages.config")))
            {
                if (!versions.TryGetValue(id, out var seen))
                {
                    versions[id] = seen = new SortedSet<string>(StringComparer.Ordinal);
                }

                seen.Add(version + " (" + Relative(project) + ")");
            }
        }

        var split = versions
            .Where(v => v.Value.Select(x => x[..x.IndexOf(' ')]).Distinct().Count() > 1)
            .Select(v => v.Key + ": " + string.Join(", ", v.Value))
            .ToList();
        Assert.IsEmpty(split, "packages pinned to different versions:\n" + string.Join("\n", split));
    }

    [TestMethod]
    public void Catalog_MapsKnownTypesToTheirPackages()
    {
        // Hand-picked facts from the nanoFramework repositories, independent of the code under test.
        var catalog = Catalog();
        AssertPackage(catalog, "System.IO", "File", "nanoFramework.System.IO.FileSystem");
        AssertPackage(catalog, "System.Net", "HttpWebRequest", "nanoFramework.System.Net.Http.Client");
        AssertPackage(catalog, "System.Device.Wifi", "WifiAdapter", "nanoFramework.System.Device.Wifi");
        AssertPackage(catalog, "nanoFramework.Runtime.InFieldUpdate", "UpdateManager", "nanoFramework.Runtime.InFieldUpdate");
        AssertPackage(catalog, "nanoFramework.Hardware.Esp32", "NativeMemory", "nanoFramework.Hardware.Esp32");
        AssertPackage(catalog, "System.IO", "Stream", "nanoFramework.System.IO.Streams");
        Assert.IsFalse(catalog.PackageTypesIn("System").Any(t => t.SimpleName == "String"), "String is mscorlib's: no package needed");
    }

    [TestMethod]
    public void UsesAsType_TypePositions_CountPropertyNamesDoNot()
    {
        Assert.IsTrue(UsesAsType("File.Move(a, b);", "File"));
        Assert.IsTrue(UsesAsType("var s = new Socket(x);", "Socket"));
        Assert.IsTrue(UsesAsType("Socket socket = null;", "Socket"));
        Assert.IsTrue(UsesAsType("var w = (HttpWebRequest)WebRequest.Create(u);", "HttpWebRequest"));
        Assert.IsTrue(UsesAsType("void M(Socket s) { }", "Socket"));
        Assert.IsFalse(UsesAsType("public string Path { get; private set; }", "Path"), "a property named like a type");
        Assert.IsFalse(UsesAsType("Path = path;", "Path"));
        Assert.IsFalse(UsesAsType("return uri.Path.Length;", "Path"), "member access on something else");
    }

    [TestMethod]
    public void UsedPackageTypes_FindsUsingsAliasesAndQualifiedNames_IgnoresComments()
    {
        var catalog = Catalog();
        const string Code = """
            using System.Device.Wifi;
            using Slot = nanoFramework.Runtime.InFieldUpdate.UpdateManager;
            // File.Move would need FileSystem, but this is a comment
            class C { object a = new WifiAdapter(); void M() { Slot.RequestReboot(); var p = System.Net.Security.SslProtocols.Tls12; var s = "File.Exists"; } }
            """;
        var found = UsedPackageTypes(catalog, StripCommentsAndLiterals(Code)).Select(t => t.Type).ToHashSet();

        Assert.Contains("System.Device.Wifi.WifiAdapter", found);
        Assert.Contains("nanoFramework.Runtime.InFieldUpdate.UpdateManager", found);
        Assert.Contains("System.Net.Security.SslProtocols", found);
        Assert.DoesNotContain("System.IO.File", found, "comments and strings are not code");
    }

    private static void AssertPackage(NanoPackageCatalog catalog, string ns, string type, string package)
    {
        var entry = catalog.PackageTypesIn(ns).FirstOrDefault(t => t.SimpleName == type);
        Assert.IsNotNull(entry.Packages, $"{ns}.{type} not in the listings");
        Assert.Contains(package, entry.Packages);
    }

    private static NanoPackageCatalog Catalog()
    {
        if (s_catalog is null)
        {
            var folder = NanoPackageCatalog.ListingFolder();
            if (folder is null)
            {
                Assert.Inconclusive("shared/nano-api is not beside the checkout");
            }

            s_catalog = NanoPackageCatalog.Load(folder);
        }

        return s_catalog;
    }

    /// <summary>Package types a file refers to: simple names under its usings, alias targets, and fully qualified names.</summary>
    private static IEnumerable<(string Type, IReadOnlySet<string> Packages)> UsedPackageTypes(NanoPackageCatalog catalog, string code)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in UsingLine().Matches(code))
        {
            var target = m.Groups["target"].Value;
            if (m.Groups["alias"].Success)
            {
                var dot = target.LastIndexOf('.');
                if (dot > 0)
                {
                    var ns = target[..dot];
                    var name = target[(dot + 1)..];
                    var hit = catalog.PackageTypesIn(ns).FirstOrDefault(t => t.SimpleName == name);
                    if (hit.Packages is not null)
                    {
                        yield return (target, hit.Packages);
                    }
                }

                continue;
            }

            namespaces.Add(target);
        }

        var body = UsingLine().Replace(code, string.Empty);
        foreach (var ns in namespaces.Where(catalog.KnowsNamespace))
        {
            foreach (var (name, packages) in catalog.PackageTypesIn(ns))
            {
                if (UsesAsType(body, name))
                {
                    yield return (ns + "." + name, packages);
                }
            }
        }

        foreach (Match m in QualifiedName().Matches(body))
        {
            var full = m.Value;
            for (var dot = full.LastIndexOf('.'); dot > 0; dot = full.LastIndexOf('.', dot - 1))
            {
                var ns = full[..dot];
                var rest = full[(dot + 1)..];
                var name = rest.Split('.')[0];
                var hit = catalog.PackageTypesIn(ns).FirstOrDefault(t => t.SimpleName == name);
                if (hit.Packages is not null)
                {
                    yield return (ns + "." + name, hit.Packages);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="name"/> appears where a type goes: member access on it
    /// (<c>File.Move</c>), <c>new</c>, a declaration (<c>Socket s;</c>), a cast, <c>typeof</c>,
    /// an array or a generic argument. A property that happens to share the name
    /// (<c>public string Path { get; }</c>, <c>uri.Path</c>) does not count.
    /// </summary>
    internal static bool UsesAsType(string code, string name)
    {
        var n = Regex.Escape(name);
        var pattern =
            @"(?<![\w.])" + n + @"\s*\.\s*[A-Za-z_]" +                     // File.Move, SslProtocols.Tls12
            @"|\bnew\s+" + n + @"\s*[\(\[{]" +                               // new Socket(
            @"|(?<![\w.])" + n + @"(\s*\[\s*\])?\s+[A-Za-z_]\w*\s*[=;,\)]" +   // Socket s; Socket[] all = ; (Socket s)
            @"|\(\s*" + n + @"\s*\)\s*[\w(]" +                             // (HttpWebRequest)x
            @"|\btypeof\s*\(\s*" + n + @"\s*\)" +
            @"|[<,]\s*" + n + @"\s*[>,]" +                                   // Foo<Socket>
            @"|\b(?:is|as)\s+" + n + @"\b";
        return Regex.IsMatch(code, pattern);
    }

    /// <summary>Replaces comments, string and char literals with spaces (good enough for C# 7.3 sources; no raw strings there).</summary>
    internal static string StripCommentsAndLiterals(string code)
    {
        var sb = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < code.Length && code[i] != '\n') { i++; }
                sb.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                i += 2;
                while (i + 1 < code.Length && !(code[i] == '*' && code[i + 1] == '/')) { i++; }
                i++;
                sb.Append(' ');
            }
            else if (c == '"' && i > 0 && code[i - 1] == '@')
            {
                i++;
                while (i < code.Length && !(code[i] == '"' && (i + 1 >= code.Length || code[i + 1] != '"'))) { i += code[i] == '"' ? 2 : 1; }
                sb.Append("\"\"");
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < code.Length && code[i] != c) { i += code[i] == '\\' ? 2 : 1; }
                sb.Append(c).Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !RepositoryPaths.IsBuildOutput(Path.GetRelativePath(folder, p)))
            .Where(p => !p.EndsWith(".Host.cs", StringComparison.Ordinal));

    private static bool IsV2(string version) => version.StartsWith("2.", StringComparison.Ordinal) && version.Contains("-preview", StringComparison.Ordinal);

    private static bool LineOf(string project)
    {
        var config = Path.Combine(Path.GetDirectoryName(project)!, "packages.config");
        var packages = NanoPackageCatalog.ReadPackagesConfig(config);
        return packages.TryGetValue(NanoPackageCatalog.CoreLibrary, out var version) && IsV2(version);
    }

    private static IEnumerable<string> ProjectReferences(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(folder, ((string)e.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar))));
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(?:(?<alias>\w+)\s*=\s*)?(?<target>[A-Za-z_][\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])(?:System|nanoFramework)(?:\.[A-Za-z_]\w*)+")]
    private static partial Regex QualifiedName();
}

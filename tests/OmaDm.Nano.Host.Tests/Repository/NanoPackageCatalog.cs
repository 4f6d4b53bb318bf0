using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OmaDm.Nano.Host.Tests.Repository;

/// <summary>
/// Which nanoFramework package defines which public type, read from the API listings in
/// <c>shared/nano-api</c> (their <c># package:</c> header names the NuGet package), plus the few
/// packages the listings do not cover. Both lines (stable and v2-preview) are merged: a type
/// maps to every package that defines it in either.
/// </summary>
internal sealed partial class NanoPackageCatalog
{
    public const string CoreLibrary = "nanoFramework.CoreLibrary";

    /// <summary>Packages without a listing: namespace → (package, public types used by this repository).</summary>
    private static readonly (string Namespace, string Package, string[] Types)[] Supplement =
    [
        ("System.Device.Gpio", "nanoFramework.System.Device.Gpio", ["GpioController", "GpioPin", "PinMode", "PinValue"]),
    ];

    /// <summary>Subset packages that ship the same assembly as a listed package.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["nanoFramework.System.Net.Http"] = ["nanoFramework.System.Net.Http.Client", "nanoFramework.System.Net.Http.Server"],
    };

    private readonly Dictionary<string, HashSet<string>> _packagesByType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _coreTypes = new(StringComparer.Ordinal);

    private NanoPackageCatalog()
    {
    }

    /// <summary>Folder of the listings beside the checkout, or null when shared/ is not there.</summary>
    public static string? ListingFolder()
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "nano-api"));
        return Directory.Exists(folder) ? folder : null;
    }

    public static NanoPackageCatalog Load(string listingFolder)
    {
        var catalog = new NanoPackageCatalog();
        var files = Directory.EnumerateFiles(listingFolder, "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var header = lines.FirstOrDefault(l => l.StartsWith("# package:", StringComparison.Ordinal));
            if (header is null)
            {
                continue;
            }

            var package = header["# package:".Length..].Trim().Split(' ')[0];
            foreach (var line in lines)
            {
                var type = TypeLine().Match(line);
                if (type.Success)
                {
                    catalog.Add(type.Groups["name"].Value, package);
                }
            }
        }

        foreach (var (ns, package, types) in Supplement)
        {
            foreach (var type in types)
            {
                catalog.Add(ns + "." + type, package);
            }
        }

        return catalog;
    }

    private void Add(string fullName, string package)
    {
        if (package == CoreLibrary)
        {
            _coreTypes.Add(fullName);
        }

        if (!_packagesByType.TryGetValue(fullName, out var set))
        {
            _packagesByType[fullName] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(package);
        if (Aliases.TryGetValue(package, out var aliases))
        {
            set.UnionWith(aliases);
        }
    }

    /// <summary>Top-level types of <paramref name="ns"/> that some non-core package defines and mscorlib does not.</summary>
    public IEnumerable<(string SimpleName, IReadOnlySet<string> Packages)> PackageTypesIn(string ns) =>
        _packagesByType
            .Where(p => p.Key.StartsWith(ns + ".", StringComparison.Ordinal)
                        && p.Key.IndexOf('.', ns.Length + 1) < 0
                        && !_coreTypes.Contains(p.Key))
            .Select(p => (SimpleName: StripArity(p.Key[(ns.Length + 1)..]), Packages: (IReadOnlySet<string>)p.Value));

    /// <summary>True when some listing defines at least one type in <paramref name="ns"/>.</summary>
    public bool KnowsNamespace(string ns) =>
        _packagesByType.Keys.Any(k => k.StartsWith(ns + ".", StringComparison.Ordinal) && k.IndexOf('.', ns.Length + 1) < 0);

    private static string StripArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>package id → version from a packages.config.</summary>
    public static Dictionary<string, string> ReadPackagesConfig(string path) =>
        XDocument.Load(path).Descendants("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!, StringComparer.Ordinal);

    /// <summary>A type entry of a listing: "Namespace.Name [class ...]" etc. Nested types (with '+') are skipped.</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z_][\w.`]*) \[(class|struct|enum|interface|delegate)\b")]
    private static partial Regex TypeLine();
}

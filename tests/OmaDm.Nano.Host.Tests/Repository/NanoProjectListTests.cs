using System.Xml.Linq;

namespace OmaDm.Nano.Host.Tests.Repository;

/// <summary>
/// nfproj files list their sources one by one, and nothing here can build them: these tests are
/// what keeps the device builds complete. Files named *.Host.cs are host-only by convention and
/// must stay out of every .nfproj.
/// </summary>
[TestClass]
public sealed class NanoProjectListTests
{
    public static IEnumerable<object[]> Projects() =>
        RepositoryPaths.NanoProjects().Select(p => new object[] { Path.GetRelativePath(RepositoryPaths.Root, p) });

    [TestMethod]
    public void Repository_HasTheCoreAndTestNanoProjects()
    {
        var names = RepositoryPaths.NanoProjects().Select(Path.GetFileName).ToList();
        CollectionAssert.Contains(names, "OmaDm.Nano.nfproj");
        CollectionAssert.Contains(names, "OmaDm.Nano.Tests.nfproj");
    }

    [TestMethod]
    [DynamicData(nameof(Projects))]
    public void CompileItems_EqualSourceFilesOnDisk(string relativeProject)
    {
        var project = Path.Combine(RepositoryPaths.Root, relativeProject);
        var folder = Path.GetDirectoryName(project)!;
        var listed = CompileItems(project);
        var onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !RepositoryPaths.IsBuildOutput(Path.GetRelativePath(folder, p)))
            .Where(p => !p.EndsWith(".Host.cs", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

        // Items linked from outside the folder (shared sample sources) only need to exist.
        var linked = listed.Where(p => p.StartsWith("../", StringComparison.Ordinal)).ToList();
        var brokenLinks = linked.Where(p => !File.Exists(Path.Combine(folder, p))).ToList();
        Assert.IsEmpty(brokenLinks, $"{relativeProject} links files that do not exist: {string.Join(", ", brokenLinks)}");
        listed.ExceptWith(linked);

        var missing = onDisk.Except(listed).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var stale = listed.Except(onDisk).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.IsEmpty(missing, $"{relativeProject} lacks Compile items for: {string.Join(", ", missing)}");
        Assert.IsEmpty(stale, $"{relativeProject} lists files that do not exist (or are host-only): {string.Join(", ", stale)}");
    }

    [TestMethod]
    [DynamicData(nameof(Projects))]
    public void PackagesConfig_MatchesReferences(string relativeProject)
    {
        var project = Path.Combine(RepositoryPaths.Root, relativeProject);
        var config = Path.Combine(Path.GetDirectoryName(project)!, "packages.config");
        Assert.IsTrue(File.Exists(config), $"{relativeProject} has no packages.config beside it");

        var packages = XDocument.Load(config).Descendants("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);
        var hintPaths = XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "HintPath")
            .Select(e => e.Value.Replace('\\', '/')).ToList();
        foreach (var hint in hintPaths)
        {
            // ../../packages/<id>.<version>/lib/<file>
            var segment = hint.Split('/').SkipWhile(s => s != "packages").Skip(1).First();
            var match = packages.FirstOrDefault(p => segment == p.Key + "." + p.Value);
            Assert.IsNotNull(match.Key, $"{relativeProject}: reference {hint} has no matching package in packages.config");
        }
        foreach (var package in packages.Keys)
        {
            Assert.IsTrue(hintPaths.Any(h => h.Contains("/" + package + ".", StringComparison.Ordinal)),
                $"{relativeProject}: package {package} is in packages.config but nothing references it");
        }
    }

    private static HashSet<string> CompileItems(string project) =>
        XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => ((string)e.Attribute("Include")!).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
}

namespace OmaDm.Nano.Host.Tests.Repository;

/// <summary>Finds the checkout the tests were built from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded != null && File.Exists(Path.Combine(recorded, "OmaDm.Nano.sln")))
        {
            return recorded;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OmaDm.Nano.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("OmaDm.Nano.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every .nfproj in the source folders (build output excluded).</summary>
    public static IEnumerable<string> NanoProjects() =>
        new[] { "src", "tests", "boards" }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.nfproj", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal);

    public static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj");
}

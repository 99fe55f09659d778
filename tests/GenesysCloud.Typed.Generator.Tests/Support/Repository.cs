namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The repository's root (where Generator.sln is), for tests that read its sources and docs.</summary>
internal static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

using GenesysCloud.Typed.Scaffold.Document;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>The Platform API document derived from Genesys's JavaScript SDK (tools/swagger-fixture), read once.</summary>
public static class Fixture
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "genesys-platform-api.swagger.json.gz");

    private static readonly string Tool = System.IO.Path.Combine(AppContext.BaseDirectory, "GenesysCloud.Typed.Scaffold.dll");

    /// <summary>Runs genesys-typed as a user does (its own process), each argument quoted.</summary>
    public static Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments) =>
        AScaffoldedClientBuildsAndRunsAgainstTheEmulator.RunAsync("dotnet", "\"" + Tool + "\" " + string.Join(' ', arguments.Select(a => "\"" + a + "\"")), TimeSpan.FromMinutes(2));

    private static readonly Lazy<ApiDocument> Lazy = new(() => DocumentReader.Read(File.ReadAllBytes(Path), Path));

    internal static ApiDocument Document => Lazy.Value;

    /// <summary>The repository's root (where Generator.sln is), for tests that build projects against its sources.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Generator.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A fresh folder that is removed when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genesys-typed-tests", Guid.NewGuid().ToString("N")[..12]);

        public TempFolder() => Directory.CreateDirectory(Path);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

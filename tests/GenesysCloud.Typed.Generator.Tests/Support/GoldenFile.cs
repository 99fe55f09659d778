namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Compares generated text to a checked-in file. Set GENESYS_ACCEPT_GOLDEN=1 to write the current output as
/// the new expectation (then review the diff like any code change).</summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string name)
    {
        var file = Path.Combine(SourceDirectory(), "Goldens", name);
        var accept = Environment.GetEnvironmentVariable("GENESYS_ACCEPT_GOLDEN") == "1";
        if (accept || !File.Exists(file))
        {
            if (!accept) Assert.Fail($"No golden file {name}. Run the tests with GENESYS_ACCEPT_GOLDEN=1 to create it, then review it.");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
            return;
        }
        var expected = File.ReadAllText(file).Replace("\r\n", "\n");
        if (expected != actual.Replace("\r\n", "\n"))
        {
            File.WriteAllText(file + ".received.cs", actual);
            Assert.Fail($"Generated source differs from Goldens/{name}; see {name}.received.cs. Accept with GENESYS_ACCEPT_GOLDEN=1 if intended.\n" +
                        FirstDifference(expected, actual));
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right) return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "";
    }

    // The test project folder in the source tree, the parent of this file's Support/ (goldens are written there, not into bin/).
    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, ".."));
}

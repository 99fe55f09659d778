namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Asserts a list of findings is empty, printing every finding on its own line, untruncated (Assert.Empty cuts a
/// collection's items short).</summary>
internal static class Findings
{
    public static void None(IEnumerable<string> findings)
    {
        var list = findings.ToList();
        Assert.True(list.Count == 0, string.Join("\n", list));
    }
}

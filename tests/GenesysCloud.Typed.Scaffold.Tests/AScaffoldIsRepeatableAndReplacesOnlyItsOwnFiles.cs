using System.Text;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>The same document gives byte-identical files (LF line ends); an earlier scaffold is replaced whole; a folder
/// holding a file genesys-typed did not write — beside the scaffold or added inside it — stops the scaffold, and the file
/// survives.</summary>
public sealed class AScaffoldIsRepeatableAndReplacesOnlyItsOwnFiles
{

    [Fact]
    public async Task A_folder_with_files_genesys_typed_did_not_write_is_never_replaced()
    {
        using var temp = new Fixture.TempFolder();
        var mine = Path.Combine(temp.Path, "Program.cs");
        await File.WriteAllTextAsync(mine, "// mine");

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, temp.Path, "Acme", ["Users"], [], "AcmeJson"), default));

        Assert.Contains("did not write", error.Message);
        Assert.Equal("// mine", await File.ReadAllTextAsync(mine));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task An_earlier_scaffold_is_replaced_whole_and_nothing_else_is_left_behind()
    {
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "Genesys");
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Users", "Analytics"], [], "AcmeJson"), default);
        Assert.True(File.Exists(Path.Combine(output, "IAnalyticsApi.cs")));

        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Users"], [], "AcmeJson"), default);

        Assert.False(File.Exists(Path.Combine(output, "IAnalyticsApi.cs")));
        Assert.True(File.Exists(Path.Combine(output, "IUsersApi.cs")));
        Assert.Equal([output], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("mine.txt")]
    [InlineData("Partials/IUsersApi.Mine.cs")]
    [InlineData("Models/MyModel.cs")]
    public async Task A_file_of_your_own_added_to_a_scaffold_stops_the_next_scaffold_and_survives(string mine)
    {
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "Genesys");
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Users"], [], "AcmeJson"), default);
        var path = Path.Combine(output, mine);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "// mine");

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Users"], [], "AcmeJson"), default));

        Assert.Contains($"'{mine}'", error.Message);
        Assert.Equal("// mine", await File.ReadAllTextAsync(path));
        Assert.True(File.Exists(Path.Combine(output, "IUsersApi.cs")));
    }

    [Fact]
    public async Task The_same_document_gives_byte_identical_files()
    {
        using var temp = new Fixture.TempFolder();
        string[] tags = ["Users", "Analytics", "Notifications"];
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, Path.Combine(temp.Path, "a"), "Acme", tags, [], "AcmeJson"), default);
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, Path.Combine(temp.Path, "b"), "Acme", tags, [], "AcmeJson"), default);

        var a = Files(Path.Combine(temp.Path, "a"));
        var b = Files(Path.Combine(temp.Path, "b"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), name);
        Assert.DoesNotContain(a.Values, bytes => bytes.AsSpan().IndexOf("\r\n"u8) >= 0);
    }

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);
}

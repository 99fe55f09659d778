using System.Text;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>The command itself: exit 0 when done, 1 for a document it cannot scaffold, 2 for usage, with the error on
/// standard error and nothing written.</summary>
public sealed class TheScaffoldCommandExitsZeroOneOrTwo
{
    private static Task<(int ExitCode, string Output)> Run(params string[] arguments) => Fixture.RunToolAsync(arguments);

    [Fact]
    public async Task Done_is_0_a_bad_document_1_and_usage_2()
    {
        using var temp = new Fixture.TempFolder();
        var notJson = Path.Combine(temp.Path, "page.html");
        await File.WriteAllTextAsync(notJson, "<html>502</html>");

        var done = await Run("scaffold", "--spec", Fixture.Path, "--out", Path.Combine(temp.Path, "ok"), "--namespace", "Acme", "--operation", "getUsers");
        var badDocument = await Run("scaffold", "--spec", notJson, "--out", Path.Combine(temp.Path, "bad"), "--namespace", "Acme");
        var missingFile = await Run("scaffold", "--spec", Path.Combine(temp.Path, "nope.json"), "--out", Path.Combine(temp.Path, "bad2"), "--namespace", "Acme");
        var unknownTag = await Run("scaffold", "--spec", Fixture.Path, "--out", Path.Combine(temp.Path, "bad3"), "--namespace", "Acme", "--tag", "Userz");
        var noNamespace = await Run("scaffold", "--spec", Fixture.Path, "--out", Path.Combine(temp.Path, "bad4"));
        var unknownOption = await Run("scaffold", "--spec", Fixture.Path, "--out", Path.Combine(temp.Path, "bad5"), "--namespace", "Acme", "--colour", "red");
        var aFile = Path.Combine(temp.Path, "a-file");
        await File.WriteAllTextAsync(aFile, "mine");
        var outIsAFile = await Run("scaffold", "--spec", Fixture.Path, "--out", aFile, "--namespace", "Acme", "--operation", "getUsers");
        var outUnwritable = await Run("scaffold", "--spec", Fixture.Path, "--out", "/proc/genesys-typed-test", "--namespace", "Acme", "--operation", "getUsers");

        Assert.True(done.ExitCode == 0, done.Output);
        Assert.Contains("Scaffolded 1 operation in 1 interface", done.Output);
        Assert.True(File.Exists(Path.Combine(temp.Path, "ok", "IUsersApi.cs")));
        Assert.Equal(1, badDocument.ExitCode);
        Assert.Contains("is not an API document", badDocument.Output);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("could not be read", missingFile.Output);
        Assert.Equal(2, unknownTag.ExitCode);
        Assert.Contains("did you mean 'Users'?", unknownTag.Output);
        Assert.Equal(2, noNamespace.ExitCode);
        Assert.Contains("--namespace", noNamespace.Output);
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Equal(2, outIsAFile.ExitCode);
        Assert.Contains("is a file, not a folder", outIsAFile.Output);
        Assert.Equal("mine", await File.ReadAllTextAsync(aFile));
        Assert.Equal(2, outUnwritable.ExitCode);
        Assert.Contains("cannot be written", outUnwritable.Output);
        foreach (var failed in new[] { "bad", "bad2", "bad3", "bad4", "bad5" }) Assert.False(Directory.Exists(Path.Combine(temp.Path, failed)));
        Assert.DoesNotContain("   at ", badDocument.Output + missingFile.Output + unknownTag.Output + outIsAFile.Output + outUnwritable.Output);
    }
}

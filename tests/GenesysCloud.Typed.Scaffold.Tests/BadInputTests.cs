using System.Text;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>What cannot be scaffolded says so by name, with exit code 1 (the document) or 2 (the command line), and
/// nothing is written.</summary>
public sealed class BadInputTests
{
    private const string Minimal = """
        {"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{"/api/v2/things/{thingId}":{"get":{"tags":["Things"],"operationId":"getThing",
        "parameters":[{"name":"thingId","in":"path","required":true,"type":"string"}],"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Thing"}}}}}},
        "definitions":{"Thing":{"type":"object","properties":{"id":{"type":"string"},"other":{"$ref":"#/definitions/OTHER"}}},"OTHER":{"type":"object","properties":{"x":{"type":"string"}}}}}
        """;

    public static TheoryData<string, string> NotDocuments() => new()
    {
        { "", "empty" },
        { "<html><body>502 Bad Gateway</body></html>", "not a JSON object" },
        { "[1,2,3]", "not a JSON object" },
        { "{}", "not a Swagger 2.0 or OpenAPI 3 document" },
        { """{"name":"package.json","version":"1.0.0"}""", "not a Swagger 2.0 or OpenAPI 3 document" },
        { """{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}""", "without operations" },
        { "{\"swagger\":\"2.0\",", "not" },
        { Minimal.Replace("#/definitions/OTHER", "#/definitions/Missing"), "definitions/Thing.other: $ref to definition 'Missing', which the document does not define" },
        { Minimal.Replace("\"OTHER\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}", "\"OTHER\":{\"$ref\":\"#/definitions/OTHER\"}"), "reference cycle" },
        { Minimal.Replace("\"schema\":{\"$ref\":\"#/definitions/Thing\"}", "\"schema\":{\"$ref\":\"#/definitions/Nope\"}"), "GET /api/v2/things/{thingId} response 200: $ref to definition 'Nope'" },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task A_document_that_cannot_be_scaffolded_is_named_and_nothing_is_written(string text, string says)
    {
        using var temp = new Fixture.TempFolder();
        var spec = Path.Combine(temp.Path, "spec.json");
        await File.WriteAllTextAsync(spec, text);
        var output = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<DocumentException>(() => Scaffolder.RunAsync(new ScaffoldRequest(spec, output, "Acme", [], [], "AcmeJson"), default));

        Assert.Contains(says, error.Message);
        Assert.False(Directory.Exists(output));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("--tag", "Userz", "did you mean 'Users'?")]
    [InlineData("--tag", "Analytcs", "did you mean 'Analytics'?")]
    [InlineData("--operation", "getUserz", "did you mean 'getUser")]
    [InlineData("--operation", "nothingLikeIt", "is not an operation of the document.")]
    public async Task An_unknown_tag_or_operation_is_a_usage_error_with_the_nearest_name(string option, string value, string says)
    {
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var request = new ScaffoldRequest(Fixture.Path, output, "Acme", option == "--tag" ? [value] : [], option == "--operation" ? [value] : [], "AcmeJson");

        var error = await Assert.ThrowsAsync<UsageException>(() => Scaffolder.RunAsync(request, default));

        Assert.Contains(says, error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("Acme..Genesys", "AcmeJson")]
    [InlineData("class", "AcmeJson")]
    [InlineData("Acme", "1Json")]
    [InlineData("Acme", "Acme Json")]
    public async Task A_namespace_or_context_name_csharp_refuses_is_a_usage_error(string ns, string context)
    {
        using var temp = new Fixture.TempFolder();
        await Assert.ThrowsAsync<UsageException>(() => Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, Path.Combine(temp.Path, "o"), ns, [], [], context), default));
    }

    [Theory]
    [InlineData("Class", "Event")]
    [InlineData("Acme.Internal.Genesys", "Public")]
    [InlineData("_Acme.this_", "_Json")]
    [InlineData("Zoë.Genesys", "ZoëJson")]
    public async Task A_namespace_or_context_name_csharp_accepts_is_used_as_given(string ns, string context)
    {
        // Keywords are lowercase: a capitalised one (Class, Event, Internal) is an ordinary identifier.
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "o");

        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, ns, [], ["getUser"], context), default);

        var contextFile = await File.ReadAllTextAsync(Path.Combine(output, context + ".cs"));
        Assert.Contains($"namespace {ns};", contextFile);
        Assert.Contains($"partial class {context}", contextFile);
    }

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

/// <summary>The command itself: exit 0 when done, 1 for a document it cannot scaffold, 2 for usage, with the error on
/// standard error and nothing written.</summary>
public sealed class CommandLineTests
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

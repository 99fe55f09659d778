using System.Collections.Immutable;
using GenesysCloud.Typed.Generator.Document;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary><c>genesys-typed index</c>: exit 0 with the file written whole, 1 for a document it cannot read, 2 for usage.</summary>
public sealed class TheIndexCommandWritesTheIndexWholeOrNothing
{
    private static Task<(int ExitCode, string Output)> Run(params string[] arguments) => Fixture.RunToolAsync(arguments);

    [Fact]
    public async Task Done_is_0_a_bad_document_1_and_usage_2()
    {
        using var temp = new Fixture.TempFolder();
        var notJson = Path.Combine(temp.Path, "page.html");
        await File.WriteAllTextAsync(notJson, "<html>502</html>");
        var target = Path.Combine(temp.Path, "genesys-api.json");

        var done = await Run("index", "--spec", Fixture.Path, "--out", target);
        var badDocument = await Run("index", "--spec", notJson, "--out", Path.Combine(temp.Path, "bad.json"));
        var folder = await Run("index", "--spec", Fixture.Path, "--out", temp.Path);
        var noOut = await Run("index", "--spec", Fixture.Path);

        Assert.True(done.ExitCode == 0, done.Output);
        Assert.Contains("Indexed 3,315 operations", done.Output);
        Assert.Equal(IndexWriter.Write(Fixture.Document), await File.ReadAllTextAsync(target));
        Assert.Equal(1, badDocument.ExitCode);
        Assert.Contains("is not an API document", badDocument.Output);
        Assert.False(File.Exists(Path.Combine(temp.Path, "bad.json")));
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a folder", folder.Output);
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out", noOut.Output);
        Assert.Equal(["genesys-api.json", "page.html"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order());
    }

    private const string OneOperation = """
        {"swagger":"2.0","info":{"title":"T","version":"v2"},
        "securityDefinitions":{"PureCloud OAuth":{"type":"oauth2","flow":"implicit","authorizationUrl":"https://login.example.com/oauth/authorize","scopes":{"things":"t"}}},
        "paths":{"/api/v2/things/{thingId}":{"get":{"operationId":"getThing","security":[{"PureCloud OAuth":["things"]}],
        "parameters":[{"name":"thingId","in":"path","required":true,"type":"string"}],"responses":{"200":{"description":"ok"}}}}}}
        """;

    /// <summary>--out naming the --spec file, however spelled, is a usage error that leaves the document as it was; one
    /// operation is "1 operation"; a document without OAuth scopes gets no index the analyzers would refuse.</summary>
    [Fact]
    public async Task The_index_never_replaces_its_own_document_and_says_what_it_wrote_in_words()
    {
        using var temp = new Fixture.TempFolder();
        var swagger = Path.Combine(temp.Path, "swagger.json");
        await File.WriteAllTextAsync(swagger, OneOperation);
        foreach (var same in new[] { swagger, Path.Combine(temp.Path, ".", "sub", "..", "swagger.json"), new Uri(swagger).AbsoluteUri })
        {
            var refused = await Run("index", "--spec", same, "--out", swagger);
            Assert.True(refused.ExitCode == 2, refused.Output);
            Assert.Contains("is the --spec document itself", refused.Output);
            Assert.Equal(OneOperation, await File.ReadAllTextAsync(swagger));
        }

        var target = Path.Combine(temp.Path, "genesys-api.json");
        var one = await Run("index", "--spec", swagger, "--out", target);
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Contains("Indexed 1 operation into", one.Output);
        Assert.Single(ApiIndex.Parse(await File.ReadAllTextAsync(target)).Operations);

        var scopeless = Path.Combine(temp.Path, "scopeless.json");
        await File.WriteAllTextAsync(scopeless, OneOperation.Replace("\"scopes\":{\"things\":\"t\"}", "\"scopes\":{}"));
        var none = await Run("index", "--spec", scopeless, "--out", Path.Combine(temp.Path, "none.json"));
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("defines no OAuth scopes", none.Output);
        Assert.False(File.Exists(Path.Combine(temp.Path, "none.json")));
    }
}

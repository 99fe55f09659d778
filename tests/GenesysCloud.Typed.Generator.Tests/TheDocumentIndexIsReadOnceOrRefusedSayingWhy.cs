using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>genesys-api.json is read once per content whatever file object carries it; a file that cannot be used —
/// not JSON, foreign, truncated or corrupted anywhere, well formed but senseless, or two of them — is one GCT0200 warning
/// naming the file and the reason, no endpoint is checked against it, and the scope checks fall back to the compiled-in
/// list. Reading never throws anything but a FormatException (an analyzer would turn it into AD0001).</summary>
public sealed class TheDocumentIndexIsReadOnceOrRefusedSayingWhy
{

    [Theory]
    [InlineData("", "it is not valid JSON")]
    [InlineData("[]", "it is not a genesys-typed index (its JSON is not an object)")]
    [InlineData("{\"swagger\":\"2.0\",\"paths\":{}}", "it is Genesys's API document itself, not its index")]
    [InlineData("{\"name\":\"some other tool\"}", "it is not a genesys-typed index (no \"format\": \"genesys-typed-index\")")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":2}", "it is index version 2, newer than this GenesysCloud.Typed reads (1)")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":1,\"scopes\":[],\"operations\":[[\"GET\"]],\"schemas\":{}}", "operations[0] is not [verb, route, parameters, body, result, scopes, flags]")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":1,\"scopes\":[],\"operations\":[],\"schemas\":{}", "it is not valid JSON: the text ends")]
    public async Task A_malformed_or_foreign_index_is_one_warning_naming_the_file_and_nothing_else(string text, string why)
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(text, DocumentIndex.Mistakes);
        var unusable = Assert.Single(diagnostics.DocumentIds());
        Assert.Equal("GCT0200", unusable.Id);
        Assert.StartsWith(DocumentIndex.Path + " cannot be used, so no endpoint is checked against Genesys's API document: " + why, unusable.GetMessage());
        Assert.Equal(DocumentIndex.Path, unusable.Location.GetLineSpan().Path);
        // The scope checks fall back to the compiled-in list.
        Assert.Empty(diagnostics.Of("GCT0002"));
    }

    /// <summary>Every prefix of a valid index, and every one-character corruption, reads or fails as a FormatException:
    /// never another exception (which an analyzer would turn into AD0001).</summary>
    [Fact]
    public void Every_truncation_and_corruption_of_an_index_is_read_or_refused_with_a_clear_reason()
    {
        var json = DocumentIndex.Json;
        var refused = 0;
        var texts = Enumerable.Range(0, json.Length).Select(n => json[..n])
            .Concat(Enumerable.Range(0, json.Length).SelectMany(i => new[] { json.Remove(i, 1), json.Remove(i, 1).Insert(i, "\""), json.Remove(i, 1).Insert(i, "]"), json.Remove(i, 1).Insert(i, "\\") }));
        foreach (var text in texts)
        {
            try
            {
                ApiIndex.Parse(text);
            }
            catch (FormatException ex)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }
        Assert.True(refused > json.Length, $"{refused} refusals");
    }

    [Fact]
    public void The_index_is_parsed_once_per_content_whatever_file_object_carries_it()
    {
        var a = IndexFiles.Find(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([new DocumentIndex.Text("/a/genesys-api.json", DocumentIndex.Json)]), default);
        var b = IndexFiles.Find(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([new DocumentIndex.Text("/b/GENESYS-API.json", DocumentIndex.Json)]), default);
        var other = IndexFiles.Find(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([new DocumentIndex.Text("/c/genesys-api.json", DocumentIndex.Json.Replace("Test API", "Other API"))]), default);
        Assert.NotNull(a?.Index);
        Assert.Same(a!.Index, b!.Index);
        Assert.NotSame(a.Index, other!.Index);
        Assert.Equal("Other API v2", other.Index!.Source);
        Assert.Null(IndexFiles.Find(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([new DocumentIndex.Text("/d/api.json", DocumentIndex.Json)]), default));
    }

    /// <summary>Two genesys-api.json files, whichever is broken and in whichever order: one GCT0200 naming both, and none is used.</summary>
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Two_index_files_are_one_diagnostic_naming_both_and_neither_is_used(bool firstGood, bool secondGood)
    {
        const string a = "/repo/a/genesys-api.json", b = "/repo/b/Genesys-Api.json";
        var compilation = GeneratorHarness.Compile([Sources.Models, DocumentIndex.Usings +
            "[GenesysApi] public partial interface I { [Get(\"/api/v2/user/{userId}\"), RequiresScope(\"routng\")] Task<User> Get(string userId); }"]);
        foreach (var files in new[] { new[] { (a, firstGood), (b, secondGood) }, new[] { (b, secondGood), (a, firstGood) } })
        {
            var diagnostics = await DocumentIndex.AnalyzeAsync(compilation, files.Select(f => new DocumentIndex.Text(f.Item1, f.Item2 ? DocumentIndex.Json : "{")));
            var unusable = Assert.Single(diagnostics.DocumentIds());
            Assert.Equal("GCT0200", unusable.Id);
            Assert.Equal(a, unusable.Location.GetLineSpan().Path);
            Assert.Contains(b, unusable.GetMessage());
            Assert.Contains("neither is used", unusable.GetMessage());
            Assert.Single(diagnostics.Of("GCT0002"));   // the compiled-in list, as without an index
        }
    }

    private const string Head = "{\"format\":\"genesys-typed-index\",\"version\":1,\"source\":\"T\",\"scopes\":[\"users\"],\"schemas\":{},\"operations\":[";
    private const string Op = "[\"GET\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],0]";

    [Theory]
    [InlineData(Head + "]}", "its \"operations\" is empty")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":1,\"source\":\"T\",\"scopes\":[],\"schemas\":{},\"operations\":[" + Op + "]}", "its \"scopes\" is empty")]
    [InlineData(Head + "[\"GET\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],-1]]}", "operations[0] (GET /api/v2/users) flags is not 0, 1, 2 or 3")]
    [InlineData(Head + "[\"GET\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],4]]}", "operations[0] (GET /api/v2/users) flags is not 0, 1, 2 or 3")]
    [InlineData(Head + "[\"GET\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],1.5]]}", "operations[0] (GET /api/v2/users) flags is not 0, 1, 2 or 3")]
    [InlineData(Head + "[\"GET\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],1e400]]}", "operations[0] (GET /api/v2/users) flags is not 0, 1, 2 or 3")]
    [InlineData(Head + "[\"FETCH\",\"/api/v2/users\",[],\"\",\"\",[\"users\"],0]]}", "operations[0] verb \"FETCH\" is not one of")]
    [InlineData(Head + Op + "," + Op + "]}", "operations[1] (GET /api/v2/users) is the same operation as operations[0]")]
    [InlineData(Head + "[\"GET\",\"/api/v2/users/{id}\",[],\"\",\"\",[\"users\"],0],[\"GET\",\"/api/v2/users/{userId}\",[],\"\",\"\",[\"users\"],0]]}", "operations[1] (GET /api/v2/users/{userId}) is the same operation as operations[0] (GET /api/v2/users/{id})")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":1e400}", "its \"version\" is missing or not a format version")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":-1}", "its \"version\" is missing or not a format version")]
    [InlineData("{\"format\":\"genesys-typed-index\",\"version\":0}", "its \"version\" is missing or not a format version")]
    public async Task A_well_formed_but_senseless_index_is_one_GCT0200_with_its_reason(string text, string why)
    {
        var api = "[assembly: GrantedScopes(\"users\")]\n[GenesysApi] public partial interface I { [Get(\"/api/v2/users\"), RequiresScope(\"users\")] Task A(); [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\")] Task B(string userId); }";
        var diagnostics = await DocumentIndex.AnalyzeAsync(text, api);
        var unusable = Assert.Single(diagnostics.DocumentIds());
        Assert.Equal("GCT0200", unusable.Id);
        Assert.Contains(why, unusable.GetMessage());
        Assert.DoesNotContain("Infinity", unusable.GetMessage());
        Assert.Empty(diagnostics.Of("GCT0002"));
    }
}

using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The classes of mistake an outside review found in the document checks: effective scopes, conditional
/// [JsonIgnore], two index files, well-formed but senseless indexes, contract-error and trailing-slash routes.</summary>
public sealed class DocumentReviewTests
{
    private static readonly ApiIndex Index = ApiIndex.Parse(DocumentIndex.Json);
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    private static string Declare(IndexedOperation operation, int i, string scopes)
    {
        var verb = operation.Verb[0] + operation.Verb[1..].ToLowerInvariant();
        var parameters = string.Join(", ", operation.Placeholders.Select(p => "string " + p)
            .Concat(operation.Parameters.Where(p => p.Place == 'q' && p.Required).Select(p => $"[Query] string {p.Name}")));
        return $"[{verb}(\"{operation.Route}\"){scopes}] Task M{i}({parameters});";
    }

    /// <summary>GCT0003 judges the scopes GCT0001 judges: the document's when the method declares none, never an empty list.
    /// Each documented operation, declared without [RequiresScope], with its document scopes and with only read-only
    /// ones: GCT0003 fires exactly for the writes whose effective scopes are all read-only, naming those scopes.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GCT0003_judges_the_effective_scopes_and_never_an_empty_list(bool granted)
    {
        foreach (var index in new[] { DocumentIndex.Json, DocumentIndex.Json.Replace("\"UpdateUser\",\"User\",[\"users\"]", "\"UpdateUser\",\"User\",[\"users:readonly\"]") })
        {
            var parsed = ApiIndex.Parse(index);
            var ops = parsed.Operations;
            var source = (granted ? "[assembly: GrantedScopes(\"users\", \"routing\")]\n" : "") + "[GenesysApi] public partial interface I {\n" +
                string.Join("\n", ops.Select((o, i) => Declare(o, i, ""))) + "\n" +
                string.Join("\n", ops.Select((o, i) => Declare(o, 100 + i, $", RequiresScope({string.Join(", ", o.Scopes.Select(s => $"\"{s}\""))})"))) + "\n" +
                string.Join("\n", ops.Select((o, i) => Declare(o, 200 + i, ", RequiresScope(\"users:readonly\")"))) + "\n}";
            var diagnostics = await DocumentIndex.AnalyzeAsync(index, source);
            var reported = diagnostics.Of("GCT0003");
            Assert.DoesNotContain(reported, d => d.GetMessage().Contains("[]", StringComparison.Ordinal));
            var expected = ops.Select((o, i) => (o, i)).Where(x => Array.IndexOf(Writes, x.o.Verb) >= 0)
                .SelectMany(x => new[] { (x.i, x.o.Scopes), (100 + x.i, x.o.Scopes), (200 + x.i, (IReadOnlyList<string>)["users:readonly"]) })
                .Where(x => x.Item2.All(s => s.EndsWith(":readonly", StringComparison.Ordinal)))
                .Select(x => $"M{x.Item1}: [{string.Join(", ", x.Item2)}]").Order().ToList();
            var actual = reported.Select(d => $"{Text(d)}: [{d.GetMessage().Split('[', ']')[1]}]").Order().ToList();
            Assert.Equal(expected, actual);
            Assert.True(expected.Count >= 2);
        }
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Always)", false)]
    [InlineData("(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)", true)]
    [InlineData("(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)", true)]
    [InlineData("(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)", true)]
    public async Task Only_an_unconditional_JsonIgnore_takes_a_property_out_of_the_body_and_result_checks(string arguments, bool checkedName)
    {
        var api = $$"""
            [GenesysApi] public partial interface I { [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task<Shown> Patch(string userId, [Body] Edit body); }
            public sealed class Edit { [System.Text.Json.Serialization.JsonIgnore{{arguments}}] public string? Departmnt { get; set; } public string? Name { get; set; } }
            public sealed class Shown { [System.Text.Json.Serialization.JsonIgnore{{arguments}}] public string? Nam { get; set; } public string? Id { get; set; } }
            """;
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, api);
        Assert.Equal(checkedName ? 1 : 0, diagnostics.Of("GCT0209").Count);
        Assert.Equal(checkedName ? 1 : 0, diagnostics.Of("GCT0210").Count);
    }

    [Fact]
    public async Task JsonInclude_brings_non_public_properties_and_fields_into_the_checks()
    {
        const string api = """
            [GenesysApi] public partial interface I { [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task Patch(string userId, [Body] Edit body); }
            public sealed class Edit
            {
                [System.Text.Json.Serialization.JsonInclude] public string? Departmnt;
                [System.Text.Json.Serialization.JsonInclude] internal string? Nme { get; set; }
                internal string? NotSent { get; set; }
                public string? Name;
            }
            """;
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, api);
        Assert.Equal(["departmnt", "nme"], diagnostics.Of("GCT0209").Select(d => d.GetMessage().Split('\'')[3]).Order());
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

    /// <summary>Every documented route with a query string or fragment is GCT0105 only; with a trailing or doubled '/'
    /// the nearest documented route is that route.</summary>
    [Fact]
    public async Task Contract_error_routes_are_not_also_undocumented_and_harmless_slashes_still_get_a_suggestion()
    {
        var ops = Index.Operations;
        var broken = ops.SelectMany((o, i) => new[] { (o, i, o.Route + "?expand=x"), (o, 100 + i, o.Route + "#top") });
        var slashed = ops.Select((o, i) => (o, 200 + i, o.Route + "/"));
        var declarations = broken.Concat(slashed).ToList();
        var source = "[GenesysApi] public partial interface I {\n" + string.Join("\n", declarations.Select(d =>
            Declare(new IndexedOperation(d.o.Verb, d.Item3, d.o.Parameters, "", "", d.o.Scopes, false, false), d.Item2, ", RequiresScope(\"users\")"))) + "\n}";
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, source);
        Assert.Equal(2 * ops.Count, diagnostics.Of("GCT0105").Count);
        var undocumented = diagnostics.Of("GCT0201");
        Assert.Equal(ops.Count, undocumented.Count);
        foreach (var diagnostic in undocumented)
        {
            var declared = Text(diagnostic).Trim('"');
            Assert.EndsWith("/", declared);
            Assert.Equal(declared.TrimEnd('/'), diagnostic.Properties[DocumentAnalyzer.DocumentedRouteKey]);
        }
    }

    private static string Text(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        return text;
    }
}

using GenesysCloud.Typed.Generator.Shared;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>GCT0200–GCT0210: endpoints held to the index of Genesys's API document (<see cref="DocumentIndex.Json"/>).</summary>
public sealed class DocumentAnalyzerTests
{
    private static readonly ApiIndex Index = ApiIndex.Parse(DocumentIndex.Json);

    /// <summary>Every documented operation, declared as the document says, with scopes, queries and headers it has.</summary>
    private const string Documented = """
        [GenesysApi]
        public partial interface IDocumented
        {
            [Get("/api/v2/users"), RequiresScope("users", "users:readonly")] IAsyncEnumerable<User> List([Query] int? pageSize = null, [Query] string[]? expand = null);
            [Get("/api/v2/users/{userId}"), RequiresScope("users:readonly", "users")] Task<User> Get(string userId, [Query] string[]? expand = null);
            [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task<User> Patch(string userId, [Body] UpdateUser body);
            [Delete("/api/v2/users/{userId}"), RequiresScope("users")] Task Delete(string userId);
            [Get("/api/v2/users/{userId}/queues"), RequiresScope("routing", "routing:readonly")] Task Queues(string userId, [Query] string[] divisionId, [Header("x-request-tag")] string? tag = null);
            [Get("/api/v2/users/{userId}/adjacents"), RequiresScope("users", "users:readonly"), Obsolete("checked")] Task Adjacents(string userId);
            [Get("/api/v2/routing/queues/{queueId}/members"), RequiresScope("routing", "routing:readonly")] IAsyncEnumerable<User> Members(string queueId);
        }
        """;

    [Fact]
    public async Task Endpoints_declared_as_the_document_says_report_nothing_of_the_document()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Documented);
        Assert.Empty(diagnostics.DocumentIds());
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>Every mistake below, analysed without an index: no GCT02xx fires and the scope analyzer says what it said before.</summary>
    private const string Mistakes = """
        [assembly: GrantedScopes("users", "routing")]
        [GenesysApi]
        public partial interface IMistaken
        {
            [Get("/api/v2/user/{userId}")] Task<User> Typo(string userId);
            [Get("/api/v2/users/{id}"), RequiresScope("users:readonly")] Task<User> Renamed(string id, [Query("expnd")] string? expand = null);
            [Patch("/api/v2/users/{userId}"), RequiresScope("users:readonly", "analytics")] Task<User> Patch(string userId, [Body] Draft body);
            [Get("/api/v2/users/{userId}/queues")] Task Queues(string userId, [Header("X-Request-Tags")] string tag);
            [Get("/api/v2/users/{userId}/adjacents")] Task Adjacents(string userId);
            [Get("/api/v2/users/{userId}/skillgroups")] Task SkillGroups(string userId);
        }
        public sealed class Draft { public string? Departmnt { get; set; } public int Version { get; set; } }
        """;

    [Fact]
    public async Task Without_an_index_no_document_diagnostic_fires_and_the_scope_checks_are_unchanged()
    {
        var without = await DocumentIndex.AnalyzeAsync(null, Mistakes);
        Assert.Empty(without.DocumentIds());
        Assert.Equal(4, without.Of("GCT0004").Count);   // Typo, Queues, Adjacents, SkillGroups declare no scope
        Assert.Empty(without.Of("GCT0002"));            // "analytics" is in the compiled-in list

        var with = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        Assert.NotEmpty(with.DocumentIds());
        Assert.Equal("Typo", Text(Assert.Single(with.Of("GCT0004"))));   // the others take the document's scopes
    }

    [Fact]
    public async Task A_route_the_document_lacks_is_reported_with_the_nearest_documented_route()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var typo = Assert.Single(diagnostics.Of("GCT0201"));
        Assert.Equal("GET /api/v2/user/{userId} is not in Test API v2; did you mean `/api/v2/users/{userId}`?", typo.GetMessage());
        Assert.Equal("/api/v2/users/{userId}", typo.Properties[DocumentAnalyzer.DocumentedRouteKey]);
        Assert.Equal("\"/api/v2/user/{userId}\"", Text(typo));
    }

    [Fact]
    public async Task A_documented_route_under_another_verb_names_the_verbs_the_document_has()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, "[GenesysApi] public partial interface I { [Put(\"/api/v2/users/{userId}\"), RequiresScope(\"users\")] Task Put(string userId); }");
        var put = Assert.Single(diagnostics.Of("GCT0201"));
        Assert.Equal("PUT /api/v2/users/{userId} is not in Test API v2; the document has this route only for GET, PATCH, DELETE", put.GetMessage());
        Assert.False(put.Properties.ContainsKey(DocumentAnalyzer.DocumentedRouteKey));
    }

    /// <summary>For every documented route, each one-character slip in a literal segment (a letter dropped, doubled or
    /// changed) is reported, and the suggestion is the documented route when no other documented route is as near.</summary>
    [Fact]
    public async Task Every_one_character_slip_in_every_documented_route_is_reported_with_a_suggestion()
    {
        var declarations = new List<(string Route, string Slip)>();
        foreach (var operation in Index.Operations)
        {
            var route = operation.Route;
            for (var i = "/api/v2/".Length; i < route.Length; i++)
            {
                if (route[i] is '/' or '{' or '}' || InsidePlaceholder(route, i)) continue;
                declarations.Add((route, route.Remove(i, 1)));
                declarations.Add((route, route.Insert(i, route[i].ToString())));
                declarations.Add((route, route.Remove(i, 1).Insert(i, route[i] == 'x' ? "y" : "x")));
            }
        }
        declarations = declarations.Where(d => Index.Find("GET", d.Slip) is null && Index.Operations.All(o => o.Shape != RouteShape.Of(d.Slip))).DistinctBy(d => d.Slip).ToList();
        Assert.True(declarations.Count > 200, $"only {declarations.Count} slips");
        var methods = string.Join("\n", declarations.Select((d, i) =>
            $"[Get(\"{d.Slip}\"), RequiresScope(\"users\")] Task M{i}({string.Join(", ", RouteShape.Placeholders(d.Slip).Select(p => "string " + p))});"));
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, "[GenesysApi] public partial interface ISlips {\n" + methods + "\n}");
        var reported = diagnostics.Of("GCT0201");
        Assert.Equal(declarations.Count, reported.Count);
        foreach (var diagnostic in reported)
        {
            var slip = Text(diagnostic).Trim('"');
            var meant = declarations.Single(d => d.Slip == slip).Route;
            if (!diagnostic.Properties.TryGetValue(DocumentAnalyzer.DocumentedRouteKey, out var suggested)) continue;   // another verb's route
            var distance = EditDistance.Of(RouteShape.Of(slip), RouteShape.Of(suggested!));
            Assert.True(distance <= EditDistance.Of(RouteShape.Of(slip), RouteShape.Of(meant)), $"{slip}: suggested {suggested}, nearer is {meant}");
        }
        Assert.True(reported.Count(d => d.Properties.ContainsKey(DocumentAnalyzer.DocumentedRouteKey)) > declarations.Count * 9 / 10);
    }

    private static bool InsidePlaceholder(string route, int i) => route.LastIndexOf('{', i) > route.LastIndexOf('}', i);

    [Fact]
    public async Task A_placeholder_named_differently_from_the_document_is_reported_with_the_documented_name()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var renamed = Assert.Single(diagnostics.Of("GCT0202"));
        Assert.Equal("The placeholder {id} of GET /api/v2/users/{userId} is {userId} in Test API v2", renamed.GetMessage());
        Assert.Equal("userId", renamed.Properties[DocumentAnalyzer.DocumentedNameKey]);
    }

    [Fact]
    public async Task A_query_parameter_or_header_the_operation_lacks_is_reported_with_a_suggestion()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var query = Assert.Single(diagnostics.Of("GCT0203"));
        Assert.Equal("GET /api/v2/users/{userId} has no query parameter 'expnd' in Test API v2; did you mean 'expand'?", query.GetMessage());
        Assert.Equal("expand", Text(query));
        var header = Assert.Single(diagnostics.Of("GCT0204"));
        Assert.Equal("GET /api/v2/users/{userId}/queues has no header 'X-Request-Tags' in Test API v2; did you mean 'X-Request-Tag'?", header.GetMessage());
    }

    [Fact]
    public async Task Header_names_match_whatever_their_case_and_query_names_exactly()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json,
            "[GenesysApi] public partial interface I { [Get(\"/api/v2/users/{userId}/queues\"), RequiresScope(\"routing\")] Task Q(string userId, [Query] string[] divisionId, [Header(\"X-REQUEST-TAG\")] string t, [Query(\"DivisionId\")] string? d = null); }");
        Assert.Empty(diagnostics.Of("GCT0204"));
        Assert.Equal("DivisionId", Assert.Single(diagnostics.Of("GCT0203")).GetMessage().Split('\'')[1]);
    }

    [Fact]
    public async Task A_required_query_parameter_not_bound_is_reported_unless_the_runtime_sends_it_while_paging()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var missing = Assert.Single(diagnostics.Of("GCT0205"));
        Assert.Equal("GET /api/v2/users/{userId}/queues requires the query parameter 'divisionId' (string[]) in Test API v2, but 'Queues' does not send it: " +
                     "add a [Query] parameter named 'divisionId'", missing.GetMessage());

        // pageNumber is required by the document; a paged endpoint gets it from the runtime, a single call must bind it.
        var members = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, """
            [GenesysApi] public partial interface I
            {
                [Get("/api/v2/routing/queues/{queueId}/members"), RequiresScope("routing")] IAsyncEnumerable<User> Paged(string queueId);
                [Get("/api/v2/routing/queues/{queueId}/members"), RequiresScope("routing")] Task<User> Single(string queueId);
                [Get("/api/v2/routing/queues/{queueId}/members"), RequiresScope("routing")] Task<User> Bound(string queueId, [Query] int pageNumber);
            }
            """);
        Assert.Equal("Single", Assert.Single(members.Of("GCT0205")).GetMessage().Split('\'')[3]);
    }

    [Fact]
    public async Task RequiresScope_differing_from_the_document_is_reported_with_the_document_scopes()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var differs = diagnostics.Of("GCT0206").Select(d => d.GetMessage()).Order().ToList();
        Assert.Equal([
            "GET /api/v2/users/{userId} accepts the scopes [users, users:readonly] in Test API v2, but 'Renamed' requires [users:readonly]",
            "PATCH /api/v2/users/{userId} accepts the scopes [users] in Test API v2, but 'Patch' requires [users:readonly, analytics]",
        ], differs);
        Assert.All(diagnostics.Of("GCT0206"), d => Assert.StartsWith("RequiresScope(", Text(d)));
    }

    [Fact]
    public async Task An_interface_wide_RequiresScope_that_differs_is_reported_at_the_method()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json,
            "[GenesysApi, RequiresScope(\"users\")] public partial interface I { [Get(\"/api/v2/users/{userId}/queues\")] Task Q(string userId, [Query] string[] divisionId); [Delete(\"/api/v2/users/{userId}\")] Task D(string userId); }");
        var differs = Assert.Single(diagnostics.Of("GCT0206"));
        Assert.Equal("Q", Text(differs));
        Assert.Equal("routing,routing:readonly", differs.Properties[DocumentAnalyzer.DocumentScopesKey]);
    }

    [Fact]
    public async Task Endpoints_without_RequiresScope_take_the_document_scopes_for_GCT0001_and_GCT0004()
    {
        const string api = "[assembly: GrantedScopes(\"routing\")]\n[GenesysApi] public partial interface I { [Get(\"/api/v2/users/{userId}\")] Task<User> Get(string userId); [Get(\"/api/v2/users/{userId}/queues\")] Task Q(string userId, [Query] string[] divisionId); [Get(\"/api/v2/other\")] Task Other(); }\n" +
                           "public static class Calls { public static Task Run(I api) => api.Get(\"x\"); }";
        var with = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, api);
        // Get needs users or users:readonly (the document's), which routing does not cover: at the declaration and the call.
        Assert.Equal(2, with.Of("GCT0001").Count);
        Assert.All(with.Of("GCT0001"), d => Assert.Contains("[users, users:readonly]", d.GetMessage()));
        // Only the undocumented endpoint still declares no scope.
        Assert.Equal("Other", Text(Assert.Single(with.Of("GCT0004"))));

        var without = await DocumentIndex.AnalyzeAsync(null, api);
        Assert.Empty(without.Of("GCT0001"));
        Assert.Equal(3, without.Of("GCT0004").Count);
    }

    [Fact]
    public async Task Scope_names_are_checked_against_the_document_list_when_there_is_an_index()
    {
        const string api = "[GenesysApi] public partial interface I { [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"analytics\", \"routng\")] Task<User> Get(string userId); }";
        var with = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, api);
        var unknown = with.Of("GCT0002").Select(d => d.GetMessage()).Order().ToList();
        Assert.Equal(["'analytics' is not a Genesys Cloud OAuth scope", "'routng' is not a Genesys Cloud OAuth scope; did you mean 'routing'?"], unknown);

        var without = await DocumentIndex.AnalyzeAsync(null, api);
        Assert.Equal("'routng' is not a Genesys Cloud OAuth scope; did you mean 'routing'?", Assert.Single(without.Of("GCT0002")).GetMessage());
    }

    [Fact]
    public async Task A_deprecated_operation_warns_unless_marked_Obsolete_and_a_preview_operation_informs()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var deprecated = Assert.Single(diagnostics.Of("GCT0207"));
        Assert.Equal(DiagnosticSeverity.Warning, deprecated.DefaultSeverity);
        Assert.Equal("Adjacents", Text(deprecated));
        var preview = Assert.Single(diagnostics.Of("GCT0208"));
        Assert.Equal(DiagnosticSeverity.Info, preview.DefaultSeverity);
        Assert.Equal("GET /api/v2/users/{userId}/skillgroups is a preview in Test API v2: Genesys may change or remove it without notice", preview.GetMessage());

        var acknowledged = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json,
            "[GenesysApi] public partial interface I { [Get(\"/api/v2/users/{userId}/adjacents\"), RequiresScope(\"users\"), Obsolete] Task A(string userId); }");
        Assert.Empty(acknowledged.Of("GCT0207"));
    }

    [Fact]
    public async Task A_body_property_the_document_schema_lacks_is_a_warning_at_the_property()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, Mistakes);
        var typo = Assert.Single(diagnostics.Of("GCT0209"));
        Assert.Equal("The body Draft of 'Patch' has the JSON property 'departmnt', which UpdateUser (the body of PATCH /api/v2/users/{userId}) does not have: " +
                     "Genesys ignores it; did you mean 'department'?", typo.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, typo.DefaultSeverity);
        Assert.Equal("Departmnt", Text(typo));
    }

    [Fact]
    public async Task JsonPropertyName_JsonIgnore_and_the_contexts_naming_policy_are_honoured()
    {
        const string api = """
            [GenesysApi] public partial interface I
            {
                [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task<Shown> Patch(string userId, [Body] Edit body);
            }
            public sealed class Edit
            {
                [System.Text.Json.Serialization.JsonPropertyName("department")] public string? Dept { get; set; }
                [System.Text.Json.Serialization.JsonPropertyName("Name")] public string? Named { get; set; }
                [System.Text.Json.Serialization.JsonIgnore] public string? Local { get; set; }
                public int VERSION { get; set; }
            }
            public class Base { public string? Id { get; set; } }
            public sealed class Shown : Base { public string? Name { get; set; } public string? Extra { get; set; } }
            """;
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, api);
        // An explicit name is exact ("Name" is not "name"); a C# name under the default policy matches whatever its case.
        Assert.Equal("Name", Assert.Single(diagnostics.Of("GCT0209")).GetMessage().Split('\'')[3]);
        var result = Assert.Single(diagnostics.Of("GCT0210"));
        Assert.Equal("The result Shown of 'Patch' has the JSON property 'extra', which User (the result of PATCH /api/v2/users/{userId}) does not have: it is never filled",
            result.GetMessage());

        // A snake_case context: "DepartmentName" is "department_name", which the document does not have; "Department" is "department".
        const string snake = """
            [System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
            [System.Text.Json.Serialization.JsonSerializable(typeof(Edit))] [System.Text.Json.Serialization.JsonSerializable(typeof(User))]
            public partial class SnakeJson : System.Text.Json.Serialization.JsonSerializerContext { }
            [GenesysApi(JsonContext = typeof(SnakeJson))] public partial interface I { [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task<User> Patch(string userId, [Body] Edit body); }
            public sealed class Edit { public string? Department { get; set; } public string? DepartmentName { get; set; } }
            """;
        var snaked = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, snake);
        Assert.Equal("department_name", Assert.Single(snaked.Of("GCT0209")).GetMessage().Split('\'')[3]);
    }

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
        var diagnostics = await DocumentIndex.AnalyzeAsync(text, Mistakes);
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

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}

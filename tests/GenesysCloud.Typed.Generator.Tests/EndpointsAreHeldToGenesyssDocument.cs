using GenesysCloud.Typed.Generator.Shared;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>GCT0201–GCT0210: endpoints held to the index of Genesys's API document (<see cref="DocumentIndex.Json"/>):
/// routes, verbs, placeholders, query parameters and headers, scopes (the effective ones, never an empty list), deprecated
/// and preview operations, body properties as System.Text.Json writes them; each finding names what the document says.</summary>
public sealed class EndpointsAreHeldToGenesyssDocument
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


    [Fact]
    public async Task Without_an_index_no_document_diagnostic_fires_and_the_scope_checks_are_unchanged()
    {
        var without = await DocumentIndex.AnalyzeAsync(null, DocumentIndex.Mistakes);
        Assert.Empty(without.DocumentIds());
        Assert.Equal(4, without.Of("GCT0004").Count);   // Typo, Queues, Adjacents, SkillGroups declare no scope
        Assert.Empty(without.Of("GCT0002"));            // "analytics" is in the compiled-in list

        var with = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
        Assert.NotEmpty(with.DocumentIds());
        Assert.Equal("Typo", Text(Assert.Single(with.Of("GCT0004"))));   // the others take the document's scopes
    }

    [Fact]
    public async Task A_route_the_document_lacks_is_reported_with_the_nearest_documented_route()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
        var renamed = Assert.Single(diagnostics.Of("GCT0202"));
        Assert.Equal("The placeholder {id} of GET /api/v2/users/{userId} is {userId} in Test API v2", renamed.GetMessage());
        Assert.Equal("userId", renamed.Properties[DocumentAnalyzer.DocumentedNameKey]);
    }

    [Fact]
    public async Task A_query_parameter_or_header_the_operation_lacks_is_reported_with_a_suggestion()
    {
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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
        var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, DocumentIndex.Mistakes);
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

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

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
}

using GenesysCloud.Typed.CodeFixes;
using GenesysCloud.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GenesysCloud.Typed.CodeFixes.Tests;

/// <summary>The fixes of the document checks, with a small index as genesys-api.json: the nearest documented route
/// (GCT0201), the document's scopes (GCT0206), the query parameter and header named as the document names them (GCT0203,
/// GCT0204), each through Fix All too.</summary>
public sealed class DocumentFixesWriteWhatTheDocumentSays
{
    private const string Usings = "using System.Threading.Tasks;\nusing GenesysCloud.Typed;\n";
    private const string Models = "public sealed class User { public string Id { get; set; } = \"\"; }\n";

    private const string Index = """
        {"format":"genesys-typed-index","version":1,"source":"Test API v2","scopes":["users","users:readonly","routing","routing:readonly"],
        "operations":[
        ["GET","/api/v2/users/{userId}",[["p","userId",1,"string"],["q","expand",0,"string[]","multi"],["h","X-Request-Tag",0,"string"]],"","User",["users","users:readonly"],0],
        ["PATCH","/api/v2/users/{userId}",[["p","userId",1,"string"]],"","User",["users"],0],
        ["GET","/api/v2/routing/queues/{queueId}",[["p","queueId",1,"string"]],"","",["routing","routing:readonly"],0]
        ],
        "schemas":{"User":["id","name"]}}
        """;

    private static async Task VerifyAsync<TFix>(string before, string after, params DiagnosticResult[] expected) where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<DocumentAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = Usings + before,
            FixedCode = Usings + after,
        };
        test.TestState.Sources.Add(Models);
        test.FixedState.Sources.Add(Models);
        test.TestState.AdditionalFiles.Add(("/repo/genesys-api.json", Index));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        test.FixedState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Expect(string id) =>
        new DiagnosticResult(id, new DocumentAnalyzer().SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);

    [Fact]
    public async Task GCT0201_uses_the_nearest_documented_route()
    {
        await VerifyAsync<UseDocumentedRouteFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Get({|#0:\"/api/v2/user/{userId}\"|}), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId); }\n",
            Expect("GCT0201").WithLocation(0).WithArguments("GET", "/api/v2/user/{userId}", "Test API v2", "; did you mean `/api/v2/users/{userId}`?"));
    }

    [Fact]
    public async Task GCT0206_replaces_the_methods_RequiresScope_with_the_documents()
    {
        await VerifyAsync<UseDocumentScopesFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Patch(\"/api/v2/users/{userId}\"), {|#0:RequiresScope(\"users:readonly\")|}] Task<User> PatchAsync(string userId); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Patch(\"/api/v2/users/{userId}\"), RequiresScope(\"users\")] Task<User> PatchAsync(string userId); }\n",
            Expect("GCT0206").WithLocation(0).WithArguments("PATCH", "/api/v2/users/{userId}", "users", "Test API v2", "PatchAsync", "users:readonly"));
    }

    [Fact]
    public async Task GCT0206_gives_a_method_that_took_its_interfaces_scopes_its_own()
    {
        await VerifyAsync<UseDocumentScopesFix>(
            "[GenesysApi, RequiresScope(\"users\")]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/routing/queues/{queueId}\")]\n    Task<User> {|#0:GetQueueAsync|}(string queueId);\n}\n",
            "[GenesysApi, RequiresScope(\"users\")]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/routing/queues/{queueId}\")]\n    [RequiresScope(\"routing\", \"routing:readonly\")]\n    Task<User> GetQueueAsync(string queueId);\n}\n",
            Expect("GCT0206").WithLocation(0).WithArguments("GET", "/api/v2/routing/queues/{queueId}", "routing, routing:readonly", "Test API v2", "GetQueueAsync", "users"));
    }

    [Fact]
    public async Task GCT0203_names_the_query_parameter_as_the_document_does_keeping_its_other_arguments()
    {
        const string before = "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId, {0} string[] {|#0:expnd|}); }\n";
        var expected = Expect("GCT0203").WithLocation(0).WithArguments("GET", "/api/v2/users/{userId}", "expnd", "Test API v2", "; did you mean 'expand'?");
        await VerifyAsync<UseDocumentedQueryNameFix>(before.Replace("{0}", "[Query]"), Fixed("[Query(\"expand\")]"), expected);
        await VerifyAsync<UseDocumentedQueryNameFix>(before.Replace("{0}", "[Query(Format = QueryCollectionFormat.Csv)]"), Fixed("[Query(\"expand\", Format = QueryCollectionFormat.Csv)]"), expected);
        await VerifyAsync<UseDocumentedQueryNameFix>(before.Replace("{0}", "[Query(\"expnd\")]"), Fixed("[Query(\"expand\")]"), expected);

        static string Fixed(string attribute) =>
            $"[GenesysApi]\npublic partial interface IUsersApi {{ [Get(\"/api/v2/users/{{userId}}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId, {attribute} string[] expnd); }}\n";
    }

    [Fact]
    public async Task GCT0204_names_the_header_as_the_document_does()
    {
        await VerifyAsync<UseDocumentedHeaderNameFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId, [Header(\"X-Request-Tags\")] string {|#0:tag|}); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> GetAsync(string userId, [Header(\"X-Request-Tag\")] string tag); }\n",
            Expect("GCT0204").WithLocation(0).WithArguments("GET", "/api/v2/users/{userId}", "X-Request-Tags", "Test API v2", "; did you mean 'X-Request-Tag'?"));
    }

    /// <summary>Every fix of a document diagnostic offers Fix All (dotnet format analyzers and the IDE's "fix all in
    /// solution" need it); each diagnostic gets its own suggestion.</summary>
    [Fact]
    public void Every_document_fix_supports_Fix_All()
    {
        var fixes = typeof(UseDocumentedRouteFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Where(f => f.FixableDiagnosticIds.Any(id => id.StartsWith("GCT02", StringComparison.Ordinal)))
            .ToList();
        Assert.True(fixes.Count >= 4, $"{fixes.Count} document fixes");
        Assert.All(fixes, f => Assert.NotNull(f.GetFixAllProvider()));
    }

    [Fact]
    public async Task Fix_All_GCT0201_uses_each_routes_own_suggestion()
    {
        await VerifyAsync<UseDocumentedRouteFix>(
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get({|#0:\"/api/v2/user/{userId}\"|}), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId);\n    [Get({|#1:\"/api/v2/routing/queue/{queueId}\"|}), RequiresScope(\"routing\", \"routing:readonly\")] Task<User> B(string queueId);\n}\n",
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId);\n    [Get(\"/api/v2/routing/queues/{queueId}\"), RequiresScope(\"routing\", \"routing:readonly\")] Task<User> B(string queueId);\n}\n",
            Expect("GCT0201").WithLocation(0).WithArguments("GET", "/api/v2/user/{userId}", "Test API v2", "; did you mean `/api/v2/users/{userId}`?"),
            Expect("GCT0201").WithLocation(1).WithArguments("GET", "/api/v2/routing/queue/{queueId}", "Test API v2", "; did you mean `/api/v2/routing/queues/{queueId}`?"));
    }

    [Fact]
    public async Task Fix_All_GCT0203_GCT0204_and_GCT0206_fix_every_diagnostic()
    {
        await VerifyAsync<UseDocumentedQueryNameFix>(
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId, [Query] string[] {|#0:expnd|});\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> B(string userId, [Query(\"expan\")] string[] {|#1:e|});\n}\n",
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId, [Query(\"expand\")] string[] expnd);\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> B(string userId, [Query(\"expand\")] string[] e);\n}\n",
            Expect("GCT0203").WithLocation(0).WithArguments("GET", "/api/v2/users/{userId}", "expnd", "Test API v2", "; did you mean 'expand'?"),
            Expect("GCT0203").WithLocation(1).WithArguments("GET", "/api/v2/users/{userId}", "expan", "Test API v2", "; did you mean 'expand'?"));
        await VerifyAsync<UseDocumentedHeaderNameFix>(
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId, [Header(\"X-Request-Tags\")] string {|#0:t|});\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> B(string userId, [Header(\"X-Reqest-Tag\")] string {|#1:t|});\n}\n",
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> A(string userId, [Header(\"X-Request-Tag\")] string t);\n    [Get(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"users:readonly\")] Task<User> B(string userId, [Header(\"X-Request-Tag\")] string t);\n}\n",
            Expect("GCT0204").WithLocation(0).WithArguments("GET", "/api/v2/users/{userId}", "X-Request-Tags", "Test API v2", "; did you mean 'X-Request-Tag'?"),
            Expect("GCT0204").WithLocation(1).WithArguments("GET", "/api/v2/users/{userId}", "X-Reqest-Tag", "Test API v2", "; did you mean 'X-Request-Tag'?"));
        await VerifyAsync<UseDocumentScopesFix>(
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Patch(\"/api/v2/users/{userId}\"), {|#0:RequiresScope(\"users:readonly\")|}] Task<User> A(string userId);\n    [Get(\"/api/v2/routing/queues/{queueId}\"), {|#1:RequiresScope(\"routing\")|}] Task<User> B(string queueId);\n}\n",
            "[GenesysApi]\npublic partial interface IApi\n{\n    [Patch(\"/api/v2/users/{userId}\"), RequiresScope(\"users\")] Task<User> A(string userId);\n    [Get(\"/api/v2/routing/queues/{queueId}\"), RequiresScope(\"routing\", \"routing:readonly\")] Task<User> B(string queueId);\n}\n",
            Expect("GCT0206").WithLocation(0).WithArguments("PATCH", "/api/v2/users/{userId}", "users", "Test API v2", "A", "users:readonly"),
            Expect("GCT0206").WithLocation(1).WithArguments("GET", "/api/v2/routing/queues/{queueId}", "routing, routing:readonly", "Test API v2", "B", "routing"));
    }
}

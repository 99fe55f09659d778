using GenesysCloud.Typed.CodeFixes;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GenesysCloud.Typed.CodeFixes.Tests;

/// <summary>The fixes of the contract and scope checks make the change their diagnostic asks for, and the fixed code has
/// no diagnostic left: partial added (GCT0101), the narrowest sufficient scope granted (GCT0001), a scope typo replaced
/// (GCT0002), a route parameter added or the placeholder renamed (GCT0106), a cancellation token added (GCT0005), the
/// scope inferred from the route (GCT0004), the missing model added to the JsonContext as a type typeof accepts (GCT0122).</summary>
public sealed class ContractAndScopeFixesRepairTheDeclaration
{
    private const string Usings = "using System.Threading.Tasks;\nusing GenesysCloud.Typed;\n";
    private const string Models = "public sealed class User { public string Id { get; set; } = \"\"; }\n";

    private static async Task VerifyAsync<TAnalyzer, TFix>(string before, string after, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = Usings + before,
            FixedCode = Usings + after,
        };
        test.TestState.Sources.Add(Models);
        test.FixedState.Sources.Add(Models);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        test.FixedState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Expect<TAnalyzer>(string id) where TAnalyzer : DiagnosticAnalyzer, new() =>
        new DiagnosticResult(id, new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);

    [Fact]
    public async Task GCT0101_adds_partial()
    {
        await VerifyAsync<ContractAnalyzer, AddPartialFix>(
            "[GenesysApi]\npublic interface {|#0:IUsersApi|} { [Get(\"/api/v2/users\")] Task<User> GetAsync(); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users\")] Task<User> GetAsync(); }\n",
            Expect<ContractAnalyzer>("GCT0101").WithLocation(0).WithArguments("IUsersApi"));
    }

    [Fact]
    public async Task GCT0001_grants_the_narrowest_sufficient_scope()
    {
        const string api = "[GenesysApi, RequiresScope(\"users\", \"users:readonly\")]\npublic partial interface IUsersApi { [Get(\"/api/v2/users\")] Task<User> {|#0:GetAsync|}(); }\n";
        await VerifyAsync<ScopeAnalyzer, AddGrantedScopeFix>(
            "[assembly: GrantedScopes(\"routing\")]\n" + api,
            "[assembly: GrantedScopes(\"routing\", \"users:readonly\")]\n" + api.Replace("{|#0:GetAsync|}", "GetAsync"),
            Expect<ScopeAnalyzer>("GCT0001").WithLocation(0).WithArguments("GET", "/api/v2/users", "users, users:readonly", "routing"));
    }

    [Fact]
    public async Task GCT0002_replaces_a_typo_with_the_suggestion()
    {
        await VerifyAsync<ScopeAnalyzer, FixScopeNameFix>(
            "[GenesysApi, RequiresScope({|#0:\"analytic:readonly\"|})]\npublic partial interface IA { [Get(\"/api/v2/analytics\")] Task<User> GetAsync(); }\n",
            "[GenesysApi, RequiresScope(\"analytics:readonly\")]\npublic partial interface IA { [Get(\"/api/v2/analytics\")] Task<User> GetAsync(); }\n",
            Expect<ScopeAnalyzer>("GCT0002").WithLocation(0).WithArguments("analytic:readonly", "; did you mean 'analytics:readonly'?"));
    }

    [Fact]
    public async Task GCT0106_adds_the_missing_route_parameter()
    {
        await VerifyAsync<ContractAnalyzer, AddPlaceholderParameterFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Get({|#0:\"/api/v2/users/{userId}\"|})] Task<User> GetAsync(System.Threading.CancellationToken ct); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\")] Task<User> GetAsync(string userId, System.Threading.CancellationToken ct); }\n",
            Expect<ContractAnalyzer>("GCT0106").WithLocation(0).WithArguments("userId", "GetAsync"));
    }

    [Fact]
    public async Task GCT0106_renames_the_placeholder_to_the_unbound_parameter()
    {
        // The rename fixes GCT0106, and GCT0107 goes with it: the parameter is now bound.
        await VerifyAsync<ContractAnalyzer, RenamePlaceholderFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Get({|GCT0106:\"/api/v2/users/{userId}\"|})] Task<User> GetAsync(string {|GCT0107:id|}); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{id}\")] Task<User> GetAsync(string id); }\n");
    }

    [Fact]
    public async Task GCT0005_adds_a_cancellation_token()
    {
        await VerifyAsync<CancellationAnalyzer, AddCancellationTokenFix>(
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\")] Task<User> {|#0:GetAsync|}(string userId); }\n",
            "[GenesysApi]\npublic partial interface IUsersApi { [Get(\"/api/v2/users/{userId}\")] Task<User> GetAsync(string userId, System.Threading.CancellationToken cancellationToken = default); }\n",
            Expect<CancellationAnalyzer>("GCT0005").WithLocation(0).WithArguments("GetAsync"));
    }

    [Fact]
    public async Task GCT0004_infers_the_scope_from_the_route()
    {
        await VerifyAsync<ScopeAnalyzer, AddRequiresScopeFix>(
            "[assembly: GrantedScopes(\"users\")]\n[GenesysApi]\npublic partial interface IUsersApi\n{\n    [Get(\"/api/v2/users\")]\n    Task<User> {|#0:GetAsync|}();\n}\n",
            "[assembly: GrantedScopes(\"users\")]\n[GenesysApi]\npublic partial interface IUsersApi\n{\n    [Get(\"/api/v2/users\")]\n    [RequiresScope(\"users\", \"users:readonly\")]\n    Task<User> GetAsync();\n}\n",
            Expect<ScopeAnalyzer>("GCT0004").WithLocation(0).WithArguments("GET", "/api/v2/users"));
    }

    [Fact]
    public async Task GCT0122_adds_the_missing_model_to_the_json_context()
    {
        var context = JsonContextStandIn.Class("AppJson", "public sealed") + "\n";
        const string api = """
            using System.Text.Json.Serialization;

            public sealed class Group { public string Id { get; set; } = ""; }

            [GenesysApi(JsonContext = typeof(AppJson))]
            public partial interface IGroupsApi
            {
                [Get("/api/v2/users/{userId}")] Task<User> GetUserAsync(string userId, System.Threading.CancellationToken ct = default);
                [Get("/api/v2/groups/{groupId}")] Task<Group> {|#0:GetGroupAsync|}(string groupId, System.Threading.CancellationToken ct = default);
            }

            """;
        await VerifyAsync<ContractAnalyzer, AddJsonSerializableFix>(
            api + "[JsonSerializable(typeof(User))]\n" + context,
            api.Replace("{|#0:GetGroupAsync|}", "GetGroupAsync") + "[JsonSerializable(typeof(User))]\n[JsonSerializable(typeof(Group))]\n" + context,
            Expect<ContractAnalyzer>("GCT0122").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("GetGroupAsync", "returns", "Group", "AppJson"));
    }

    /// <summary>Types typeof(…) cannot spell as the interface does: dynamic, nullable reference annotations, tuple element
    /// names. The fix writes a legal spelling and the fixed project compiles with no GCT0122 left.</summary>
    [Theory]
    [InlineData("dynamic", "object")]
    [InlineData("System.Collections.Generic.List<dynamic?>", "System.Collections.Generic.List<object>")]
    [InlineData("nint[]", "nint[]")]
    [InlineData("(int, dynamic Extra)?", "(int, object)?")]
    [InlineData("System.Collections.Generic.List<string?>", "System.Collections.Generic.List<string>")]
    [InlineData("System.Collections.Generic.List<(int Count, string? Name)>", "System.Collections.Generic.List<(int, string)>")]
    [InlineData("System.Collections.Generic.Dictionary<string, Group?[]>", "System.Collections.Generic.Dictionary<string, Group[]>")]
    public async Task GCT0122_writes_a_type_typeof_accepts(string spelled, string expected)
    {
        var context = JsonContextStandIn.Class("AppJson", "public sealed") + "\n";
        var api = $$"""
            using System.Text.Json.Serialization;

            public sealed class Group { public string Id { get; set; } = ""; }

            [GenesysApi(JsonContext = typeof(AppJson))]
            public partial interface IGroupsApi
            {
                [Get("/api/v2/groups")] Task<{{spelled}}> {|#0:GetAsync|}();
            }

            """;
        await VerifyAsync<ContractAnalyzer, AddJsonSerializableFix>(
            api + "[JsonSerializable(typeof(Group))]\n" + context,
            api.Replace("{|#0:GetAsync|}", "GetAsync") + $"[JsonSerializable(typeof(Group))]\n[JsonSerializable(typeof({expected}))]\n" + context,
            Expect<ContractAnalyzer>("GCT0122").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations | DiagnosticOptions.IgnoreSeverity)
                .WithMessage(null));
    }
}

using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Generator.Analyzers;
using Verify = GenesysCloud.Typed.Generator.Tests.AnalyzerVerifier<GenesysCloud.Typed.Generator.Analyzers.ScopeAnalyzer>;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>GCT0001–GCT0005: with [assembly: GrantedScopes], every endpoint and every call — also into an interface of
/// another assembly — is held to the app's grant: what needs more is reported where the user can fix it, saying what is
/// granted; an unknown scope gets a suggestion; without a grant nothing is checked.</summary>
public sealed class ScopesAreCheckedAgainstTheAppsGrant
{
    private const string Api = """
        [GenesysApi, RequiresScope("users", "users:readonly")]
        public partial interface IUsersApi
        {
            [Get("/api/v2/users/{userId}")]
            Task<User> {|#0:GetAsync|}(string userId);

            [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
            Task<User> {|#1:UpdateAsync|}(string userId, [Body] User body);
        }
        """;

    [Fact]
    public async Task A_write_needing_more_than_the_grant_is_reported_at_its_declaration_with_what_is_granted()
    {
        await Verify.VerifyAsync("[assembly: GrantedScopes(\"users:readonly\")]\n" + Api,
            Verify.Diagnostic("GCT0001").WithLocation(1).WithArguments("PATCH", "/api/v2/users/{userId}", "users", "users:readonly"));
    }

    [Fact]
    public async Task The_full_scope_covers_its_readonly_form_so_nothing_is_reported()
    {
        await Verify.VerifyAsync("[assembly: GrantedScopes(\"users\")]\n" + Api);
    }

    [Fact]
    public async Task Without_a_grant_declaration_nothing_is_checked()
    {
        await Verify.VerifyAsync(Api);
    }

    [Fact]
    public async Task Calls_are_reported_where_the_grant_does_not_cover_and_not_where_it_does()
    {
        const string calls = """
            public static class Job
            {
                public static async Task RunAsync(IUsersApi users)
                {
                    await users.{|#3:GetAsync|}("a");
                    await users.{|#2:UpdateAsync|}("a", new User());
                }
            }
            """;
        var missing = Verify.Diagnostic("GCT0001").WithArguments("PATCH", "/api/v2/users/{userId}", "users", "routing");
        await Verify.VerifyAsync(["[assembly: GrantedScopes(\"routing\")]\n" + Api, calls],
            Verify.Diagnostic("GCT0001").WithLocation(0).WithArguments("GET", "/api/v2/users/{userId}", "users, users:readonly", "routing"),
            missing.WithLocation(1),
            missing.WithLocation(2),
            Verify.Diagnostic("GCT0001").WithLocation(3).WithArguments("GET", "/api/v2/users/{userId}", "users, users:readonly", "routing"));
    }

    [Fact]
    public async Task An_unknown_scope_is_reported_at_its_argument_with_a_suggestion()
    {
        await Verify.VerifyAsync("""
            [assembly: GrantedScopes({|#0:"user"|}, "routing:readonly")]
            [GenesysApi, RequiresScope({|#1:"Users:readonly"|})]
            public partial interface IUsersApi { [Get("/api/v2/users")] Task<User> {|#2:GetAsync|}(); }
            """,
            Verify.Diagnostic("GCT0002").WithLocation(0).WithArguments("user", "; did you mean 'users'?"),
            Verify.Diagnostic("GCT0002").WithLocation(1).WithArguments("Users:readonly", "; did you mean 'users:readonly'?"),
            Verify.Diagnostic("GCT0001").WithLocation(2).WithArguments("GET", "/api/v2/users", "Users:readonly", "user, routing:readonly"));
    }

    [Fact]
    public async Task A_write_that_accepts_only_a_readonly_scope_is_reported()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IUsersApi { [Post("/api/v2/users"), RequiresScope("users:readonly")] Task {|#0:CreateAsync|}([Body] User user); }
            """,
            Verify.Diagnostic("GCT0003").WithLocation(0).WithArguments("POST", "/api/v2/users", "", "users:readonly", "is"));
    }

    [Fact]
    public async Task A_post_that_only_reads_accepts_a_readonly_scope()
    {
        // A search paged in its body and an analytics job's query read: Genesys accepts the read-only scope for them.
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IReadsApi
            {
                [Post("/api/v2/users/search"), Paging(PagingStyle.BodyPageNumber, ItemsProperty = "results"), RequiresScope("users:readonly")]
                IAsyncEnumerable<User> SearchAsync([Body] User search, CancellationToken cancellationToken = default);

                [Post("/api/v2/users/search"), Paging(PagingStyle.BodyNextPage, ItemsProperty = "results"), RequiresScope("users:readonly")]
                GenesysPageable<User> SearchByTokenAsync([Body] User search, CancellationToken cancellationToken = default);

                [Post("/api/v2/analytics/conversations/details/jobs"), AsyncJob("conversations"), RequiresScope("analytics:readonly")]
                GenesysJob<User> ExportAsync([Body] User query, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public async Task An_endpoint_without_scopes_is_noted_when_the_app_declares_its_grant()
    {
        await Verify.VerifyAsync("""
            [assembly: GrantedScopes("users")]
            [GenesysApi]
            public partial interface IUsersApi { [Get("/api/v2/users")] Task<User> {|#0:GetAsync|}(); }
            """,
            Verify.Diagnostic("GCT0004").WithLocation(0).WithArguments("GET", "/api/v2/users"));
    }

    // The interface in a shared library, the grant and the calls in an app: GCT0001 lands on the app's calls that
    // need more than the app's grant, and nowhere else.
    private const string Library = """
        using System.Threading.Tasks;
        using GenesysCloud.Typed;
        namespace Shared
        {
            public sealed class User { public string Id { get; set; } = ""; }
            [GenesysApi, RequiresScope("users", "users:readonly")]
            public partial interface IUsersApi
            {
                [Get("/api/v2/users/{userId}")] Task<User> GetAsync(string userId);
                [Patch("/api/v2/users/{userId}"), RequiresScope("users")] Task<User> UpdateAsync(string userId, [Body] User body);
            }
        }
        """;

    private const string App = """
        using System.Threading.Tasks;
        using GenesysCloud.Typed;
        using Shared;
        [assembly: GrantedScopes("users:readonly")]
        public static class Job
        {
            public static async Task RunAsync(IUsersApi users)
            {
                var user = await users.GetAsync("a");
                await users.UpdateAsync("a", user);
            }
        }
        """;

    [Fact]
    public async Task Calls_into_another_assemblys_interface_are_checked_against_this_apps_grant()
    {
        var library = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Library], assemblyName: "Shared")).Output;
        Assert.Empty(library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var app = GeneratorHarness.Compile([App], assemblyName: "App", extra: [library.ToMetadataReference()]);
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await app.WithAnalyzers([new ScopeAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var missing = Assert.Single(diagnostics, d => d.Id == "GCT0001");
        var line = missing.Location.GetLineSpan();
        Assert.Equal(10, line.StartLinePosition.Line + 1);                // the UpdateAsync call, not the GetAsync one
        Assert.Equal("PATCH /api/v2/users/{userId} needs one of the scopes [users], but [assembly: GrantedScopes] grants [users:readonly]",
            missing.GetMessage());
        Assert.Equal("users", missing.Properties[ScopeAnalyzer.SuggestedScopeKey]);
    }
}

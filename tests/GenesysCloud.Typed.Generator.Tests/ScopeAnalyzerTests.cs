using GenesysCloud.Typed.Generator.Analyzers;
using Verify = GenesysCloud.Typed.Generator.Tests.AnalyzerVerifier<GenesysCloud.Typed.Generator.Analyzers.ScopeAnalyzer>;

namespace GenesysCloud.Typed.Generator.Tests;

public sealed class ScopeAnalyzerTests
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

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_docs_and_is_tracked()
    {
        var descriptors = new ScopeAnalyzer().SupportedDiagnostics.Concat(new ContractAnalyzer().SupportedDiagnostics)
            .Concat(new CancellationAnalyzer().SupportedDiagnostics).ToList();
        var docs = File.ReadAllText(Path.Combine(Repo(), "docs", "diagnostics.md"));
        var unshipped = File.ReadAllText(Path.Combine(Repo(), "generator", "GenesysCloud.Typed.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.Matches("^GCT[0-9]{4}$", d.Id);
            Assert.EndsWith("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains($"## {d.Id}", docs);
            Assert.Contains(d.Id + " |", unshipped);
        }
    }

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

using GenesysCloud.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The interface in a shared library, the grant and the calls in an app: GCT0001 lands on the app's calls that
/// need more than the app's grant, and nowhere else.</summary>
public sealed class CrossAssemblyScopeTests
{
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

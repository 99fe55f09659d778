using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>A route's literal text decides which path is called, so whatever a URI parser, proxy or server would resolve
/// differently from how it is written — dot segments (also percent-encoded), empty segments ('//', which at the start names
/// another host), backslashes — is GCT0105 at build time, like the same thing in a route value is refused at run time.</summary>
public sealed class RoutesThatWouldChangeThePathAreBuildErrors
{
    private static readonly string[] Bad = [".", "..", "%2e", "%2E%2e", ".%2E", "", "a\\b", "\\"];

    // Each bad segment at the start, in the middle and at the end of a route, beside placeholders; and "//" at the start.
    public static TheoryData<string> Refused()
    {
        var data = new TheoryData<string> { "//evil.example/api/v2/users", "//", "/api//v2", "/api/v2/users/{id}//x", "/api\\v2",
            // Broken escapes, and escapes a value would complete ("%2{id}" with "e" is "%2e").
            "/api/v2/users/%2{id}/profile", "/api/v2/x/%{id}", "/api/v2/x/%zz", "/api/v2/x/%", "/api/v2/x/%2", "/api/v2/x/%2e%", "/api/v2/%g0/x" };
        foreach (var bad in Bad)
        {
            if (bad.Length == 0) continue;   // an empty segment is "//", above
            data.Add($"/{bad}/api/v2/users");
            data.Add($"/api/v2/{bad}/users/{{id}}");
            data.Add($"/api/v2/users/{{id}}/{bad}");
        }
        return data;
    }

    // What real routes look like, dots and percent signs inside segments included.
    public static TheoryData<string> Accepted() => new()
    {
        "/", "/api/v2/users", "/api/v2/users/", "/api/v2/users/{id}", "/api/v2/files/{name}.{ext}", "/api/v2/a.b/c", "/api/v2/..x",
        "/api/v2/x..", "/api/v2/.well-known", "/api/v2/...", "/api/v2/%2ex", "/api/v2/%2e%2e%2e", "/api/v2/{a}/{b}/", "/api/v2/a%20b/{id}",
        "/api/v2/%C3%BC/{a}", "/api/v2/{a}%2Fx",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_route_whose_literal_text_would_change_the_path_is_GCT0105_and_stubbed(string route)
    {
        var (diagnostics, generated) = await RunAsync(route);

        var problem = Assert.Single(diagnostics, d => d.Id.StartsWith("GCT01", StringComparison.Ordinal));
        Assert.Equal("GCT0105", problem.Id);
        Assert.Contains(route, problem.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("GCT0105", generated, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_route_a_user_would_write_is_accepted(string route)
    {
        var (diagnostics, generated) = await RunAsync(route);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("GCT01", StringComparison.Ordinal));
        Assert.DoesNotContain("has no generated implementation", generated, StringComparison.Ordinal);
    }

    private static async Task<(IReadOnlyList<Diagnostic> Diagnostics, string Generated)> RunAsync(string route)
    {
        var parameters = string.Join(", ", new[] { "id", "name", "ext", "a", "b" }.Where(p => route.Contains("{" + p + "}", StringComparison.Ordinal)).Select(p => "string " + p));
        var literal = "@\"" + route.Replace("\"", "\"\"") + "\"";
        var source = $$"""
            using System.Threading.Tasks; using GenesysCloud.Typed;
            [GenesysApi] public partial interface IRoutes { [Get({{literal}})] Task CallAsync({{parameters}}); }
            """;
        var compilation = GeneratorHarness.Compile([source]);
        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var run = GeneratorHarness.RunGenerator(compilation);
        return (diagnostics, GeneratorHarness.Unwrapped(string.Concat(run.GeneratedTrees.Select(t => t.ToString()))));
    }
}

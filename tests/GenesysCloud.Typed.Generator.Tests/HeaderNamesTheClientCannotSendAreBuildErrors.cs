using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>[Header] names: not an HTTP token, or a header the client sets itself (the token, the host, the body's type and
/// length, the connection's framing), is GCT0115 at the parameter, saying which; the same names the runtime refuses in
/// GenesysRequest.Headers.</summary>
public sealed class HeaderNamesTheClientCannotSendAreBuildErrors
{
    public static TheoryData<string> ReservedInEveryCase()
    {
        var data = new TheoryData<string>();
        foreach (var name in GenesysCloud.Typed.Tests.Shared.ReservedHeaderNames.InEveryCase()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReservedInEveryCase))]
    public async Task A_header_the_client_sets_itself_is_GCT0115_saying_why(string name)
    {
        var problem = Assert.Single(await AnalyzeAsync(name));

        Assert.Equal("GCT0115", problem.Id);
        Assert.Contains(name, problem.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("not a valid HTTP header name", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X Tag")]
    [InlineData("X:Tag")]
    [InlineData("Tág")]
    [InlineData("")]
    public async Task A_name_that_is_not_an_HTTP_token_is_GCT0115(string name)
    {
        var problem = Assert.Single(await AnalyzeAsync(name));

        Assert.Equal("GCT0115", problem.Id);
        Assert.Contains("not a valid HTTP header name", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Correlation-Tag")]
    [InlineData("If-Match")]
    [InlineData("X-Authorization")]
    [InlineData("Authorization-Hint")]
    [InlineData("Content-Type-Hint")]
    public async Task Other_names_are_accepted(string name) => Assert.Empty(await AnalyzeAsync(name));

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(string header)
    {
        var source = $$"""
            using System.Threading.Tasks; using GenesysCloud.Typed;
            [GenesysApi] public partial interface IHeaders { [Get("/api/v2/users")] Task CallAsync([Header("{{header}}")] string value); }
            """;
        var diagnostics = await GeneratorHarness.Compile([source]).WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("GCT01", StringComparison.Ordinal)).ToList();
    }
}

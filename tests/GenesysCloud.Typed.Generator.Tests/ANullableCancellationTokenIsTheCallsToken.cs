using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary><c>CancellationToken? cancellationToken = null</c>, as some codebases write it, is the call's token wherever a
/// <c>CancellationToken</c> would be: no diagnostic, and the generated call passes its value (none when null).</summary>
public sealed class ANullableCancellationTokenIsTheCallsToken
{
    public static TheoryData<string> Endpoints => new()
    {
        "[Get(\"/api/v2/users/{id}\")] Task<User> M(string id, CancellationToken? cancellationToken = null);",
        "[Delete(\"/api/v2/users/{id}\")] Task M(string id, CancellationToken? ct);",
        "[Get(\"/api/v2/users/{id}\")] Task<ApiResponse<User>> M(CancellationToken? ct, string id, [Header(\"X-Tag\")] string? tag = null);",
        "[Get(\"/api/v2/users\")] IAsyncEnumerable<User> M([Query] int pageSize = 25, CancellationToken? ct = null);",
        "[Post(\"/api/v2/users/search\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> M([Body] Search query, CancellationToken? ct = default);",
        "[Post(\"/api/v2/jobs\"), AsyncJob(\"users\")] GenesysJob<User> M([Body] Search query, CancellationToken? @class = null);",
        "[Patch(\"/api/v2/users/{id}\")] Task<User> M(string id, [Body] User body, [System.Diagnostics.CodeAnalysis.AllowNull] CancellationToken? ct = null);",
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Is_the_calls_token(string endpoint)
    {
        var source = "#nullable enable\nusing System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed;\n" +
                     "public sealed class User { public string Id { get; set; } = \"\"; }\npublic sealed class Search { public int PageNumber { get; set; } }\n" +
                     $"[GenesysApi, RequiresScope(\"users\")] public partial interface IApi {{ {endpoint} }}";
        var compilation = GeneratorHarness.Compile([source]);
        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.CancellationAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));

        var run = GeneratorHarness.RunGenerator(compilation);
        Assert.Empty(run.GeneratedCodeDiagnostics);
        var text = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains(".GetValueOrDefault())", text);
        Assert.DoesNotContain("NotSupportedException", text);
    }
}

using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>GCT0006: an interface that reads a result or sends a body but names no JsonContext is told, once, at its
/// [GenesysApi], that its contracts will only be checked on the first call; naming a context, or having nothing JSON to
/// read or send, draws nothing.</summary>
public class AnInterfaceThatNamesNoJsonContextIsToldSo
{
    // Each endpoint shape, and whether it reads or sends JSON.
    private static readonly (string Member, bool Json)[] Members =
    [
        ("[Get(\"/api/v2/users/{userId}\")] Task<User> GetAsync(string userId, CancellationToken ct = default);", true),
        ("[Get(\"/api/v2/users\")] IAsyncEnumerable<User> ListAsync(CancellationToken ct = default);", true),
        ("[Patch(\"/api/v2/users/{userId}\")] Task PatchAsync(string userId, [Body] UpdateUser body, CancellationToken ct = default);", true),
        ("[Get(\"/api/v2/users/{userId}/profile\")] Task<ApiResponse<User>> GetResponseAsync(string userId, CancellationToken ct = default);", true),
        ("[Delete(\"/api/v2/users/{userId}\")] Task DeleteAsync(string userId, CancellationToken ct = default);", false),
        ("[Post(\"/api/v2/users/{userId}/invite\")] Task InviteAsync(string userId, CancellationToken ct = default);", false),
    ];

    /// <summary>Every non-empty set of the endpoint shapes above, as a bit mask.</summary>
    public static TheoryData<int> Sets() => new(Enumerable.Range(1, (1 << Members.Length) - 1));

    [Theory, MemberData(nameof(Sets))]
    public async Task Only_an_interface_with_json_and_no_context_is_told(int set)
    {
        var members = Members.Where((_, i) => (set & (1 << i)) != 0).ToList();
        var usesJson = members.Any(m => m.Json);

        var without = await Gct0006Async(members.Select(m => m.Member), context: false);
        var with = await Gct0006Async(members.Select(m => m.Member), context: true);

        Assert.Empty(with);
        if (!usesJson)
        {
            Assert.Empty(without);
            return;
        }
        var diagnostic = Assert.Single(without);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("IUsersApi", diagnostic.GetMessage(), StringComparison.Ordinal);
        var at = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        Assert.StartsWith("GenesysApi", at, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Diagnostic>> Gct0006Async(IEnumerable<string> members, bool context)
    {
        var source = $$"""
            #nullable enable
            using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;
            namespace Contoso.Genesys
            {
                [GenesysApi{{(context ? "(JsonContext = typeof(AppJson))" : "")}}]
                public partial interface IUsersApi
                {
                    {{string.Join("\n        ", members)}}
                }
                {{JsonContextStandIn.Class()}}
            }
            """;
        var compilation = GeneratorHarness.Compile([Sources.Models, source]);
        var diagnostics = await compilation.WithAnalyzers([new JsonContextAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == "GCT0006").ToList();
    }
}

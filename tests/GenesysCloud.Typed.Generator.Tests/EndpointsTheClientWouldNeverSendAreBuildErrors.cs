using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Declarations that look like endpoints but that the client would never send as written: an HTTP method on a
/// static method or one with a body (the client does not implement it), and a CancellationToken given a [Body], [Query] or
/// [Header] (it would silently become the call's token and nothing would be sent). Each is an error at the member.</summary>
public sealed class EndpointsTheClientWouldNeverSendAreBuildErrors
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var verb in new[] { "Get", "Post", "Put", "Patch", "Delete" })
        {
            data.Add($"[{verb}(\"/api/v2/x\")] static Task<User> M() => null!;", "GCT0117", "a static method");
            data.Add($"[{verb}(\"/api/v2/x\")] Task<User> M() => null!;", "GCT0117", "a method with a body");
            data.Add($"[{verb}(\"/api/v2/x\")] public static Task M(string id) => Task.CompletedTask;", "GCT0117", "a static method");
        }
        data.Add("[Post(\"/api/v2/x\")] Task M([Body] CancellationToken ct);", "GCT0121", "never sent");
        data.Add("[Post(\"/api/v2/x\")] Task M([Body] CancellationToken? ct);", "GCT0121", "never sent");
        data.Add("[Get(\"/api/v2/x\")] Task M([Query] CancellationToken ct);", "GCT0116", "query");
        data.Add("[Get(\"/api/v2/x\")] Task M([Query(\"c\")] CancellationToken ct = default);", "GCT0116", "query");
        data.Add("[Get(\"/api/v2/x\")] Task M([Header(\"X-C\")] CancellationToken ct);", "GCT0116", "header");
        data.Add("[Get(\"/api/v2/x\")] Task M([Query] CancellationToken? ct);", "GCT0116", "query");
        data.Add("[Get(\"/api/v2/x\")] Task M(CancellationToken a, CancellationToken? ct = null);", "GCT0110", "more than one");
        data.Add("[Get(\"/api/v2/x\")] Task M(CancellationToken? a = null, CancellationToken? ct = null);", "GCT0110", "more than one");
        return data;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Such_an_endpoint_in_a_plain_base_interface_is_reported_too(bool baseInReferencedAssembly)
    {
        const string plain = "using System.Threading.Tasks; using GenesysCloud.Typed;\n" +
                             "namespace Lib { public sealed class User { public string Id { get; set; } = \"\"; }\n" +
                             "public interface IPlainBase { [Get(\"/api/v2/users/me\")] Task<User> MeAsync() => null!; [Get(\"/api/v2/users/me2\")] static Task<User> Me2Async() => null!; } }";
        const string api = "using System.Threading.Tasks; using GenesysCloud.Typed;\n[GenesysApi] public partial interface IApi : Lib.IPlainBase { [Get(\"/api/v2/ok\")] Task<Lib.User> OkAsync(); }";
        var compilation = baseInReferencedAssembly
            ? GeneratorHarness.Compile([api], extra: [GeneratorHarness.Compile([plain], assemblyName: "Lib").ToMetadataReference()])
            : GeneratorHarness.Compile([plain, api]);

        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        // The IDE hands a referenced project over as source of another compilation: nothing may point into it (AD0001 then).
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var problems = diagnostics.Where(d => d.Id.StartsWith("GCT01", StringComparison.Ordinal)).ToList();
        Assert.All(problems, p => Assert.True(!p.Location.IsInSource || compilation.ContainsSyntaxTree(p.Location.SourceTree!)));
        Assert.True(problems.Count == 2, string.Join("\n", problems));
        Assert.All(problems, p => Assert.Equal("GCT0117", p.Id));
        Assert.Contains(problems, p => p.GetMessage().Contains("'MeAsync' is a method with a body", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetMessage().Contains("'Me2Async' is a static method", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_an_error_at_the_member(string member, string id, string said)
    {
        var source = "using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed;\n" +
                     "public sealed class User { public string Id { get; set; } = \"\"; }\n" +
                     $"[GenesysApi] public partial interface IApi {{ {member} [Get(\"/api/v2/ok\")] Task<User> OkAsync(); }}";
        var compilation = GeneratorHarness.Compile([source]);

        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var run = GeneratorHarness.RunGenerator(compilation);

        var problem = Assert.Single(diagnostics, d => d.Id.StartsWith("GCT01", StringComparison.Ordinal));
        Assert.Equal(id, problem.Id);
        Assert.Contains(said, problem.GetMessage(), StringComparison.Ordinal);
        // At the method's name, or at the parameter for a bound token.
        Assert.Contains(compilation.SyntaxTrees[0].GetText().ToString(problem.Location.SourceSpan), new[] { "M", "ct" });
        // The rest of the interface is still generated, and compiles.
        Assert.Empty(run.GeneratedCodeDiagnostics);
        Assert.Contains("OkAsync", string.Concat(run.GeneratedTrees.Select(t => t.ToString())), StringComparison.Ordinal);
    }
}

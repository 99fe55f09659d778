using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>An interface that inherits endpoints from a [GenesysApi] base (in this project or a referenced one) and names a
/// JsonContext: its client takes the inherited endpoints' contracts from that context, so a model the context lacks is
/// GCT0122 on the inheriting interface — a stub nobody is told about would throw hours into a batch.</summary>
public sealed class InheritedEndpointsAreCheckedAgainstTheInheritingContext
{
    private const string Models = """
        using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed;
        namespace Lib
        {
            public sealed class LibUser { public string Id { get; set; } = ""; }
            public sealed class LibQuery { public string Interval { get; set; } = ""; }
            [System.Text.Json.Serialization.JsonSerializable(typeof(LibUser)), System.Text.Json.Serialization.JsonSerializable(typeof(LibQuery))]
            public sealed partial class LibJson : System.Text.Json.Serialization.JsonSerializerContext { public LibJson() : base(null) { } }
        }
        """;

    // Each way an inherited endpoint uses a model: result, body, listing, ApiResponse payload.
    public static TheoryData<string, string> Shapes() => new()
    {
        { "[Get(\"/api/v2/users/{id}\")] Task<Lib.LibUser> GetAsync(string id);", "GetAsync" },
        { "[Post(\"/api/v2/users/query\")] Task SendAsync([Body] Lib.LibQuery query);", "SendAsync" },
        { "[Get(\"/api/v2/users\")] IAsyncEnumerable<Lib.LibUser> ListAsync();", "ListAsync" },
        { "[Get(\"/api/v2/users/{id}\")] Task<ApiResponse<Lib.LibUser>> ReadAsync(string id);", "ReadAsync" },
    };

    private static string Base(string member) => Models + $$"""

        namespace Lib
        {
            [GenesysApi(JsonContext = typeof(LibJson))] public partial interface ILibApi { {{member}} }
        }
        """;

    private const string Derived = """
        using GenesysCloud.Typed;
        namespace App
        {
            public sealed class Other { }
            [System.Text.Json.Serialization.JsonSerializable(typeof(Other))]
            internal sealed partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext { public AppJson() : base(null) { } }
            [GenesysApi(JsonContext = typeof(AppJson))] public partial interface IAppApi : Lib.ILibApi { }
        }
        """;

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_base_in_the_same_project_whose_model_the_context_lacks_is_GCT0122_on_the_inheriting_interface(string member, string name)
    {
        var compilation = GeneratorHarness.Compile([Base(member), Derived]);

        await AssertReportedOnInheritingInterfaceAsync(compilation, name);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_base_from_a_referenced_assembly_whose_model_the_context_lacks_is_GCT0122_on_the_inheriting_interface(string member, string name)
    {
        var library = GeneratorHarness.Compile([Base(member)], assemblyName: "Lib");
        var compilation = GeneratorHarness.Compile([Derived], extra: [library.ToMetadataReference()]);

        await AssertReportedOnInheritingInterfaceAsync(compilation, name);
    }

    [Fact]
    public async Task A_context_that_declares_the_inherited_models_gets_no_diagnostic_and_no_stub()
    {
        var covered = Derived.Replace("JsonSerializable(typeof(Other))]", "JsonSerializable(typeof(Other)), System.Text.Json.Serialization.JsonSerializable(typeof(Lib.LibUser))]");
        var compilation = GeneratorHarness.Compile([Base("[Get(\"/api/v2/users/{id}\")] Task<Lib.LibUser> GetAsync(string id);"), covered]);

        var diagnostics = await AnalyzeAsync(compilation);
        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("GCT01", StringComparison.Ordinal));
        Assert.All(run.GeneratedTrees, t => Assert.DoesNotContain("has no generated implementation", GeneratorHarness.Unwrapped(t.ToString())));
    }

    private static async Task AssertReportedOnInheritingInterfaceAsync(Compilation compilation, string name)
    {
        var diagnostics = await AnalyzeAsync(compilation);
        var run = GeneratorHarness.RunGenerator(compilation);

        var missing = Assert.Single(diagnostics, d => d.Id == "GCT0122");
        Assert.Contains(name, missing.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("LibUser", missing.GetMessage().Replace("LibQuery", "LibUser"), StringComparison.Ordinal);
        Assert.Contains("AppJson", missing.GetMessage(), StringComparison.Ordinal);
        // At the inheriting interface's declaration: the file and the name the user can act on.
        var at = missing.Location.SourceTree!.GetText().ToString(missing.Location.SourceSpan);
        Assert.Equal("IAppApi", at);
        // The code fix extends the inheriting interface's context.
        Assert.Contains(missing.AdditionalLocations, l => l.SourceTree!.GetText().ToString(l.SourceSpan).Contains("AppJson", StringComparison.Ordinal));
        // And the stub in the client says the same ID.
        var client = GeneratorHarness.Unwrapped(Assert.Single(run.GeneratedTrees, t => t.ToString().Contains("IAppApi", StringComparison.Ordinal)).ToString());
        Assert.Matches(new Regex(name + @"[^\n]*\n[^\n]*has no generated implementation[^\n]*GCT0122"), client);
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Compilation compilation) =>
        await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.ScopeAnalyzer(), new Analyzers.CancellationAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The walk of a JsonSerializerContext's types over models that nest themselves in their own type arguments:
/// it stays small, and every type the context declares is covered whatever the order of the declarations.</summary>
public sealed class JsonContractWalkTests
{
    /// <summary>Self-nesting generic models: directly, through an array, through another generic, mutually.</summary>
    public static TheoryData<string> Models => new()
    {
        "public sealed class Node<T> { public T? Value { get; set; } public Node<Node<T>>? Child { get; set; } }",
        "public sealed class Node<T> { public Node<Node<T>[]>[]? Children { get; set; } public System.Collections.Generic.List<Node<T>>? Siblings { get; set; } }",
        "public sealed class Node<T> { public Pair<Node<T>, T>? Child { get; set; } } public sealed class Pair<A, B> { public Node<Pair<A, B>>? Back { get; set; } }",
        "public sealed class Node<T> { public Node<System.Collections.Generic.Dictionary<string, Node<T>>>? Child { get; set; } public Node<T[]>? Wider { get; set; } }",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_self_nesting_model_neither_explodes_nor_hides_a_declared_type(string model)
    {
        // Node<User> first: in a depth-first walk its nesting would use the whole bound before the other types were seen.
        var declared = new[] { "Node<User>", "Alpha", "Beta", "Gamma", "Node<Alpha>" };
        var source = "#nullable enable\nusing System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\nnamespace N {\n" + model + "\n" +
                     "public sealed class Alpha { public int A { get; set; } } public sealed class Beta { } public sealed class Gamma { }\n" +
                     string.Concat(declared.Select(t => $"[System.Text.Json.Serialization.JsonSerializable(typeof({t}))]\n")) +
                     """
                     internal sealed class AppJson : System.Text.Json.Serialization.JsonSerializerContext
                     {
                         public AppJson() : base(null) { }
                         public static AppJson Default { get; } = new();
                         protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                         public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                     }
                     [GenesysApi(JsonContext = typeof(AppJson))]
                     public partial interface IApi
                     {
                     """ + "\n" +
                     string.Concat(declared.Select((t, i) => $"[Get(\"/r{i}\")] Task<{t}> M{i}();\n")) +
                     "} }";
        var compilation = GeneratorHarness.Compile([Sources.Models, source]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id is "GCT0122" or "AD0001");

        var api = compilation.GetTypeByMetadataName("N.IApi")!;
        var contract = Rules.JsonContract.Of(api, KnownSymbols.Of(compilation), new TypeNames(), Location.None, default, out var problem);
        Assert.Null(problem);
        Assert.NotNull(contract);
        Assert.InRange(contract!.CoveredCount, declared.Length, 60);
        foreach (var method in api.GetMembers().OfType<IMethodSymbol>())
            Assert.True(contract.Covers(((INamedTypeSymbol)method.ReturnType).TypeArguments[0]), method.ToDisplayString());
    }
}

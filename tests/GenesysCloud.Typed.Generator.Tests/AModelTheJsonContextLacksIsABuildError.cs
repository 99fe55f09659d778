using Verify = GenesysCloud.Typed.Generator.Tests.AnalyzerVerifier<GenesysCloud.Typed.Generator.Analyzers.ContractAnalyzer>;
using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Tests.Shared;
using Microsoft.CodeAnalysis.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The walk of a JsonSerializerContext's types over models that nest themselves in their own type arguments:
/// it stays small, and every type the context declares is covered whatever the order of the declarations.</summary>
public sealed class AModelTheJsonContextLacksIsABuildError
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
        var (compilation, diagnostics, _) = await Analyze(model + "\npublic sealed class Alpha { public int A { get; set; } } public sealed class Beta { } public sealed class Gamma { }",
            declared, string.Concat(declared.Select((t, i) => $"[Get(\"/r{i}\")] Task<{t}> M{i}();\n")));
        Assert.DoesNotContain(diagnostics, d => d.Id == "GCT0122");

        var api = compilation.GetTypeByMetadataName("N.IApi")!;
        var contract = Rules.JsonContract.Of(api, KnownSymbols.Of(compilation), new TypeNames(), Location.None, default, out var problem);
        Assert.Null(problem);
        Assert.NotNull(contract);
        Assert.InRange(contract!.CoveredCount, declared.Length, 60);
        foreach (var method in api.GetMembers().OfType<IMethodSymbol>())
            Assert.True(contract.Covers(((INamedTypeSymbol)method.ReturnType).TypeArguments[0]), method.ToDisplayString());
    }

    /// <summary>Models with types Roslyn calls generic although they have no type arguments of their own (types nested in
    /// generic ones), and framework collections' nested types: the walk once crashed on them (generator and analyzer).</summary>
    public static TheoryData<string, string> NestedInGeneric => new()
    {
        { "public class Page<T> { public System.Collections.Generic.List<T>? Entities { get; set; } public Meta? Info { get; set; } public class Meta { public int Total { get; set; } } }", "Page<User>" },
        { "public class Outer<T> { public Mid? M { get; set; } public class Mid { public Leaf? L { get; set; } public class Leaf { public T? Value { get; set; } } } }", "Outer<User>" },
        { "public class Outer<T> { public Inner<int>? I { get; set; } public class Inner<U> { public T? A { get; set; } public U? B { get; set; } } }", "Outer<User>" },
        { "public class Attributes : System.Collections.Generic.Dictionary<string, object> { }", "Attributes" },
        { "public class Keys { public System.Collections.Generic.Dictionary<string, User>.KeyCollection? K { get; set; } public System.Collections.Generic.Dictionary<string, User>.ValueCollection? V { get; set; } }", "Keys" },
        { "public class Bag : System.Collections.Generic.List<Outer<int>.Mid> { } public class Outer<T> { public class Mid { public T? X { get; set; } } }", "Bag" },
        { "public record struct Wrapper<T>(T Value) { public enum Kind { A, B } public Kind K { get; init; } }", "Wrapper<User>" },
        { "public class Tree<T> { public Node? Root { get; set; } public class Node { public Node[]? Children { get; set; } public Tree<T[]>? Wider { get; set; } } }", "Tree<User>" },
    };

    [Theory]
    [MemberData(nameof(NestedInGeneric))]
    public async Task Types_nested_in_generic_ones_are_walked_and_a_declared_type_needs_no_walk(string model, string root)
    {
        var (compilation, diagnostics, run) = await Analyze(model, [root], $"[Get(\"/a\")] Task<{root}> Declared();\n[Get(\"/b\")] Task<Conversation> NotDeclared();");
        Assert.Single(run.Result.GeneratedSources);
        Assert.Single(diagnostics, d => d.Id == "GCT0122" && d.GetMessage().Contains("Conversation"));

        // A compilation of its own: what a context covers is shared within a compilation, and the run above walked it.
        var fresh = compilation.Clone();
        var api = fresh.GetTypeByMetadataName("N.IApi")!;
        var contract = Rules.JsonContract.Of(api, KnownSymbols.Of(fresh), new TypeNames(), Location.None, default, out _)!;
        var declared = ((INamedTypeSymbol)api.GetMembers("Declared").OfType<IMethodSymbol>().Single().ReturnType).TypeArguments[0];
        Assert.True(contract.Covers(declared));
        Assert.False(contract.Walked);
        Assert.InRange(contract.CoveredCount, 1, 60);
        Assert.True(contract.Walked);
    }

    /// <summary>Models whose contracts System.Text.Json generates for types they do not name in a property: a collection's
    /// elements, a dictionary's values (derived or implemented), and the members of the interfaces an interface model extends.</summary>
    public static TheoryData<string, string, string> ReachedWithoutAProperty => new()
    {
        { "public class UserList : System.Collections.Generic.List<User> { }", "UserList", "User" },
        { "public class GroupMap : System.Collections.Generic.Dictionary<string, Group> { }", "GroupMap", "Group" },
        { "public class Deeper : UserList { } public class UserList : System.Collections.Generic.List<User> { }", "Deeper", "User" },
        { "public class ReadOnlyUsers : System.Collections.ObjectModel.ReadOnlyCollection<User> { public ReadOnlyUsers() : base(new System.Collections.Generic.List<User>()) { } }", "ReadOnlyUsers", "User" },
        { "public sealed class Bag : System.Collections.Generic.IEnumerable<User> { public System.Collections.Generic.IEnumerator<User> GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator(); }", "Bag", "User" },
        { "public sealed class Lookup : System.Collections.Generic.IReadOnlyDictionary<string, Group> { public Group this[string key] => null!; public System.Collections.Generic.IEnumerable<string> Keys => []; public System.Collections.Generic.IEnumerable<Group> Values => []; public int Count => 0; public bool ContainsKey(string key) => false; public bool TryGetValue(string key, out Group value) { value = null!; return false; } public System.Collections.Generic.IEnumerator<System.Collections.Generic.KeyValuePair<string, Group>> GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator(); }", "Lookup", "Group" },
        { "public interface INamed { Group? Primary { get; } } public interface IPerson : INamed { string? Name { get; } }", "IPerson", "Group" },
        { "public interface IA { User? U { get; } } public interface IB : IA { } public interface IC : IB { }", "IC", "User" },
    };

    [Theory]
    [MemberData(nameof(ReachedWithoutAProperty))]
    public async Task Elements_values_and_extended_interfaces_are_covered(string model, string declared, string reached)
    {
        var (_, diagnostics, _) = await Analyze("public sealed class Group { public string? Name { get; set; } }\n" + model, [declared],
            $"[Get(\"/a\")] Task<{reached}> Reached();\n[Get(\"/b\")] Task<Conversation> NotReached();");
        Assert.DoesNotContain(diagnostics, d => d.Id == "GCT0122" && d.GetMessage().Contains($"'{reached}'"));
        Assert.Single(diagnostics, d => d.Id == "GCT0122" && d.GetMessage().Contains("Conversation"));
    }

    [Fact]
    public async Task A_type_nested_in_a_generic_one_that_nests_itself_deeper_stays_bounded()
    {
        const string model = "public class Outer<T> { public class Inner { public T? V { get; set; } public Outer<System.Collections.Generic.List<T>>.Inner? Next { get; set; } } }";
        var (compilation, diagnostics, _) = await Analyze(model, ["Outer<User>.Inner"], "[Get(\"/a\")] Task<Conversation> NotDeclared();");
        Assert.Single(diagnostics, d => d.Id == "GCT0122");
        var api = compilation.GetTypeByMetadataName("N.IApi")!;
        var contract = Rules.JsonContract.Of(api, KnownSymbols.Of(compilation), new TypeNames(), Location.None, default, out _)!;
        Assert.InRange(contract.CoveredCount, 1, 60);
    }

    /// <summary>Models, a context declaring <paramref name="declared"/>, and an interface of <paramref name="members"/> naming it.</summary>
    private static string Source(string models, string[] declared, string members) =>
        "#nullable enable\nusing System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\nnamespace N {\n" + models + "\n" +
        string.Concat(declared.Select(t => $"[System.Text.Json.Serialization.JsonSerializable(typeof({t}))]\n")) +
        JsonContextStandIn.Class() +
        "[GenesysApi(JsonContext = typeof(AppJson))]\npublic partial interface IApi\n{\n" + members + "\n} }";

    /// <summary>The source compiles; the generator and the contract analyzer run on it without an exception.</summary>
    private static async Task<(Compilation Compilation, IReadOnlyList<Diagnostic> Diagnostics, GeneratorHarness.Run Run)> Analyze(string models, string[] declared, string members)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Source(models, declared, members)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var run = GeneratorHarness.RunGenerator(compilation);
        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (compilation, diagnostics, run);
    }

    [Fact]
    public async Task Models_missing_from_the_json_context_are_build_errors()
    {
        await Verify.VerifyAsync(ContextSources.Contexts + """
            [GenesysApi(JsonContext = typeof(AppJson))]
            public partial interface IApi
            {
                [Get("/a")] Task<User> Declared(CancellationToken ct = default);
                [Get("/b")] Task<Address> Reachable(CancellationToken ct = default);
                [Get("/c")] IAsyncEnumerable<Address> ReachableItems(CancellationToken ct = default);
                [Get("/d")] Task<Orphan> {|#0:Missing|}(CancellationToken ct = default);
                [Get("/e")] Task<ApiResponse<Orphan>> {|#1:MissingPayload|}(CancellationToken ct = default);
                [Get("/f")] GenesysPageable<Orphan> {|#2:MissingItems|}();
                [Post("/g")] Task Sends([Body] Orphan {|#3:body|}, CancellationToken ct = default);
                [Get("/h")] Task<List<User>> {|#4:ListNotDeclared|}(CancellationToken ct = default);
                [Get("/i")] Task NoJson(CancellationToken ct = default);
            }
            """,
            Verify.Diagnostic("GCT0122").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Missing", "returns", "Orphan", "AppJson"),
            Verify.Diagnostic("GCT0122").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MissingPayload", "returns an ApiResponse of", "Orphan", "AppJson"),
            Verify.Diagnostic("GCT0122").WithLocation(2).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MissingItems", "lists items of", "Orphan", "AppJson"),
            Verify.Diagnostic("GCT0122").WithLocation(3).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Sends", "sends", "Orphan", "AppJson"),
            Verify.Diagnostic("GCT0122").WithLocation(4).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("ListNotDeclared", "returns", "System.Collections.Generic.List<User>", "AppJson"));
    }

    [Fact]
    public async Task Members_system_text_json_does_not_write_give_no_contract()
    {
        // Ignored, private and internal members are not serialized, so their types get no contract; [JsonInclude] and
        // a [JsonIgnore] with another condition still do.
        await Verify.VerifyAsync("""
            public sealed class Ignored { } public sealed class PrivateOnly { } public sealed class InternalOnly { }
            public sealed class Included { } public sealed class IgnoredWhenNull { }
            public sealed class Root
            {
                [System.Text.Json.Serialization.JsonIgnore] public Ignored? A { get; set; }
                private PrivateOnly? _b;
                internal InternalOnly? C { get; set; }
                [System.Text.Json.Serialization.JsonInclude] internal Included? D { get; set; }
                [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] public IgnoredWhenNull? E { get; set; }
            }
            [System.Text.Json.Serialization.JsonSerializable(typeof(Root))]
            public sealed partial class RootJson : System.Text.Json.Serialization.JsonSerializerContext
            {
                public RootJson() : base(null) { }
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }
            [GenesysApi(JsonContext = typeof(RootJson))]
            public partial interface IApi
            {
                [Get("/a")] Task<Ignored> {|#0:A|}(CancellationToken ct = default);
                [Get("/b")] Task<PrivateOnly> {|#1:B|}(CancellationToken ct = default);
                [Get("/c")] Task<InternalOnly> {|#2:C|}(CancellationToken ct = default);
                [Get("/d")] Task<Included> D(CancellationToken ct = default);
                [Get("/e")] Task<IgnoredWhenNull> E(CancellationToken ct = default);
            }
            """,
            Verify.Diagnostic("GCT0122").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("A", "returns", "Ignored", "RootJson"),
            Verify.Diagnostic("GCT0122").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("B", "returns", "PrivateOnly", "RootJson"),
            Verify.Diagnostic("GCT0122").WithLocation(2).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("C", "returns", "InternalOnly", "RootJson"));
    }
}

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GenesysCloud.Typed.Generator.Emit;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Issue #15 (readable output) over extreme but legal interfaces: long namespaces, long type, member and
/// parameter names, generic types nested up to four deep with several arguments, arrays, nullable types, many parameters,
/// every endpoint shape, with and without a JsonContext, nested in classes. The generated client compiles without errors or
/// warnings and no line is longer than <see cref="SourceWriter.MaxWidth"/> unless it is one token longer than that.</summary>
public sealed class EveryGeneratedLineFitsTheWidth
{
    public const int Cases = 60;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Cases; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Extreme_interfaces_compile_cleanly_and_every_line_fits(int seed)
    {
        var source = ExtremeSource(new Random(seed * 7919 + 15));
        // Documentation comments are checked as with <GenerateDocumentationFile>: a wrapped cref must still resolve.
        var compilation = GeneratorHarness.Compile([source], parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose));
        // The test's own public types have no documentation (CS1591): that is about the user's code, not the generated.
        var userProblems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").ToList();
        Assert.True(userProblems.Count == 0, "The test's own source is not legal C#:\n" + string.Join("\n", userProblems) + "\n" + source);

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Concat(run.GeneratedCodeDiagnostics).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + source);
        var generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        var stub = System.Text.RegularExpressions.Regex.Match(GeneratorHarness.Unwrapped(generated), "has no generated implementation: [^\n]*");
        Assert.False(stub.Success, stub.Value);
        LineWidth.AssertLinesFit(generated, userSource: source);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(6, 36)]
    [InlineData(12, 40)]
    public void An_enum_from_a_long_namespace_gets_a_formatter_whose_name_fits(int segments, int length)
    {
        var random = new Random(segments * 100 + length);
        var ns = string.Join(".", Enumerable.Range(0, segments).Select(_ => Name(random, length, length)));
        var color = Name(random, 20, 20);
        // Two enums of one simple name in two long namespaces: the shortened formatter names must still differ.
        var source = $$"""
            namespace {{ns}} { public enum {{color}} { Red, Green } }
            namespace {{ns}}.Other { public enum {{color}} { Blue } }
            namespace Api
            {
                using System.Threading.Tasks; using GenesysCloud.Typed;
                [GenesysApi] public partial interface IPaintApi
                {
                    [Get("/api/v2/paint/{first}")] Task PaintAsync(global::{{ns}}.{{color}} first, [Query] global::{{ns}}.Other.{{color}} second);
                }
            }
            """;
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([source]));

        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Concat(run.GeneratedCodeDiagnostics).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        LineWidth.AssertLinesFit(generated, userSource: source);
        var formatters = System.Text.RegularExpressions.Regex.Matches(generated, @"private string\s+(Format_\w+)\s*\(").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, formatters.Distinct().Count());
        Assert.All(formatters, name => Assert.InRange(name.Length, 8, 70));
    }

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>An identifier of <paramref name="min"/> to <paramref name="max"/> characters, never a keyword (it starts
    /// with an upper-case letter or ends with a digit).</summary>
    private static string Name(Random random, int min, int max, string prefix = "")
    {
        var b = new StringBuilder(prefix);
        b.Append(Letters[26 + random.Next(26)]);
        for (var n = random.Next(min, max + 1) - prefix.Length - 2; n > 0; n--)
            b.Append(random.Next(8) == 0 ? '_' : random.Next(6) == 0 ? (char)('0' + random.Next(10)) : Letters[random.Next(Letters.Length)]);
        return b.Append(random.Next(10)).ToString();
    }

    private static string Namespace(Random random) =>
        string.Join(".", Enumerable.Range(0, random.Next(2, 7)).Select(_ => Name(random, 4, 36)));

    /// <summary>Two model namespaces of long names, each with two classes, three generic classes (one, two and three type
    /// parameters) and an enum; an interface using them in every endpoint shape.</summary>
    internal static string ExtremeSource(Random random)
    {
        var b = new StringBuilder("#nullable enable\n");
        var classes = new List<string>();
        var generics = new List<(string Name, int Arity)>();
        var enums = new List<string>();
        var obsoleteIds = new List<string>();
        foreach (var ns in new[] { Namespace(random), Namespace(random) })
        {
            b.Append("namespace ").Append(ns).Append("\n{\n");
            for (var i = 0; i < 2; i++)
            {
                var name = Name(random, 3, 60);
                classes.Add(ns + "." + name);
                // Now and then obsolete with a long diagnostic ID of its own: the generated code suppresses it by name.
                var marker = "";
                if (random.Next(2) == 0)
                {
                    var id = Name(random, 30, 70).ToUpperInvariant();
                    obsoleteIds.Add(id);
                    marker = $"[System.Obsolete(\"Old.\", DiagnosticId = \"{id}\")] ";
                }
                b.Append($"    {marker}public sealed class {name} {{ public string? Text {{ get; set; }} public int Number {{ get; set; }} }}\n");
            }
            for (var arity = 1; arity <= 3; arity++)
            {
                var name = Name(random, 3, 50);
                generics.Add((ns + "." + name, arity));
                var parameters = Enumerable.Range(1, arity).Select(a => "T" + a).ToList();
                b.Append($"    public sealed class {name}<{string.Join(", ", parameters)}> {{ ");
                foreach (var p in parameters) b.Append($"public {p}? Value{p} {{ get; set; }} ");
                b.Append("}\n");
            }
            var e = Name(random, 3, 60);
            enums.Add(ns + "." + e);
            b.Append($"    public enum {e} {{ First, Second, [System.Runtime.Serialization.EnumMember(Value = \"third-value\")] Third }}\n");
            b.Append("}\n");
        }

        // A type: a leaf (a model class, a simple type, maybe an array of it) or a generic model of such types, up to four deep.
        string Type(int depth, bool classOnly = false)
        {
            if (depth == 0 || random.Next(4) == 0)
            {
                if (classOnly) return classes[random.Next(classes.Count)];
                var leaf = random.Next(6) switch
                {
                    0 => "int", 1 => "string", 2 => "System.Guid", 3 => "long?",
                    _ => classes[random.Next(classes.Count)],
                };
                return random.Next(4) == 0 ? leaf + "[]" : leaf;
            }
            var (name, arity) = generics[random.Next(generics.Count)];
            var generic = name + "<" + string.Join(", ", Enumerable.Range(0, arity).Select(_ => Type(depth - 1))) + ">";
            return !classOnly && random.Next(5) == 0 ? generic + "[]" : generic;
        }
        string Nullable(string type) => random.Next(3) == 0 && !type.EndsWith("?", StringComparison.Ordinal) ? type + "?" : type;

        var apiNamespace = Namespace(random);
        var outers = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Name(random, 5, 50)).ToList();
        var useContext = random.Next(2) == 0;
        var context = Name(random, 10, 60, "Json");
        b.Append("namespace ").Append(apiNamespace).Append("\n{\n");
        b.Append("    using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed;\n");
        var serializable = new List<string>();
        var contextAt = b.Length;
        if (useContext)
        {
            b.Append($$"""
                    internal sealed class {{context}} : System.Text.Json.Serialization.JsonSerializerContext
                    {
                        public {{context}}() : base(null) { }
                        public static {{context}} Default { get; } = new();
                        protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                        public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                    }

                """);
        }
        foreach (var outer in outers) b.Append($"public partial class {outer} {{\n");
        b.Append(useContext ? $"[GenesysApi(JsonContext = typeof({apiNamespace}.{context}))]\n" : "[GenesysApi]\n");
        b.Append($"public partial interface {Name(random, 3, 90, "I")}\n{{\n");
        var shapes = Enumerable.Range(0, 7).Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(7)));
        foreach (var shape in shapes)
        {
            var parameters = new List<string>();
            var route = new StringBuilder("/api/v2/" + Name(random, 3, 20).ToLowerInvariant());
            for (var r = random.Next(0, 3); r > 0; r--)
            {
                var name = Name(random, 3, 70, "route");
                route.Append("/{").Append(name).Append('}');
                parameters.Add((random.Next(3) == 0 ? "System.Guid " : "string ") + name);
            }
            for (var q = random.Next(0, 7); q > 0; q--)
            {
                var name = Name(random, 3, 70, "query");
                var key = random.Next(2) == 0 ? $"(\"{Name(random, 2, 30)}\")" : "";
                parameters.Add(random.Next(7) switch
                {
                    0 => $"[Query{key}] int? {name}",
                    1 => $"[Query{key}] string? {name}",
                    2 => $"[Query{key}] {enums[random.Next(enums.Count)]}? {name}",
                    3 => $"[Query(Format = QueryCollectionFormat.Csv)] {enums[random.Next(enums.Count)]}[]? {name}",
                    4 => $"[Query{key}] IReadOnlyList<{enums[random.Next(enums.Count)]}>? {name}",
                    5 => $"[Query{key}] System.TimeSpan {name}",
                    _ => $"[Header(\"X-{Name(random, 2, 40)}\")] string? {name}",
                });
            }
            var body = Type(random.Next(1, 5), classOnly: true);
            var method = Name(random, 3, 90);
            var cancellation = random.Next(2) == 0 ? $"CancellationToken {Name(random, 3, 40, "cancel")} = default" : null;
            string Join(IEnumerable<string> all) => string.Join(", ", cancellation is null ? all : all.Append(cancellation));
            var result = Type(random.Next(1, 5));
            var nullableResult = Nullable(result);
            var nullableBody = Nullable(body);
            serializable.AddRange([body, result]);
            if (result is "int" or "System.Guid") serializable.Add(nullableResult);   // Nullable<T> is a type of its own; T? of a class is not
            b.Append(shape switch
            {
                0 => $"    [Delete(\"{route}\")] Task {method}({Join(parameters)});\n",
                1 => $"    [Get(\"{route}\")] Task<{nullableResult}> {method}({Join(parameters)});\n",
                2 => $"    [Put(\"{route}\")] Task<ApiResponse<{result}>> {method}({Join(parameters.Append($"[Body] {nullableBody} {Name(random, 3, 60, "body")}"))});\n",
                3 => $"    [Get(\"{route}\")] IAsyncEnumerable<{result}> {method}({Join(parameters)});\n",
                4 => $"    [Get(\"{route}\"), Paging(PagingStyle.Cursor)] GenesysPageable<{result}> {method}({Join(parameters)});\n",
                5 => $"    [Post(\"{route}\"), AsyncJob(\"{Name(random, 3, 30).ToLowerInvariant()}\")] GenesysJob<{result}> {method}({Join(parameters.Append($"[Body] {body} {Name(random, 3, 60, "query")}"))});\n",
                _ => $"    [Post(\"{route}/search\"), Paging(PagingStyle.BodyPageNumber, ItemsProperty = \"results\")] IAsyncEnumerable<{result}> {method}({Join(parameters.Append($"[Body] {body} {Name(random, 3, 60, "search")}"))});\n",
            });
        }
        b.Append("}\n");
        foreach (var _ in outers) b.Append("}\n");
        b.Append("}\n");
        // The context declares every body and result type, as the analyzer asks (GCT0122).
        if (useContext)
            b.Insert(contextAt, string.Concat(serializable.Distinct().Select(t => $"    [System.Text.Json.Serialization.JsonSerializable(typeof({t}))]\n")));
        // The user's own code uses the obsolete models knowingly.
        if (obsoleteIds.Count > 0) b.Insert(0, "#pragma warning disable " + string.Join(", ", obsoleteIds) + "\n");
        return b.ToString();
    }
}

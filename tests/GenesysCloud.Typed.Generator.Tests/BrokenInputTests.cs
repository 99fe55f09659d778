using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Broken and unusual declarations: the generator never throws, and whatever it emits compiles — errors may
/// only come from the user's own code.</summary>
public sealed class BrokenInputTests
{
    private const string Usings = "#nullable enable\nusing System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\n";

    public static TheoryData<string> Corpus => new()
    {
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(",                                   // truncated file
        "[GenesysApi] public partial interface I { [Get] Task<User> M(); }",                                          // missing argument
        "[GenesysApi] public partial interface I { [Get(42)] Task<User> M(); }",                                      // wrong argument type
        "[GenesysApi] public partial interface I { [Get(null)] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{x}/{x}\")] Task<User> M(string x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a?b=c\")] Task<User> M(); }",
        "[GenesysApi] public interface INotPartial { [Get(\"/a\")] Task<User> M(); }",
        "[GenesysApi] public partial class NotAnInterface { }",
        "[GenesysApi] public partial interface IGeneric<T> { [Get(\"/a\")] Task<T> M(); }",
        "public class Outer { [GenesysApi] public partial interface INested { [Get(\"/a\")] Task<User> M(); } }",
        "public partial class Outer<T> { [GenesysApi] public partial interface INested { [Get(\"/a\")] Task<User> M(); } }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<UnknownType> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> M(UnknownType id); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] User notSimple); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query][Body] string both); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Body] User b); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\")] Task<User> M([Body] User a, [Body] User b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(CancellationToken a, CancellationToken b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Header(\"Bad Header\")] string h); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Header(\"X-A\")] User h); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Post(\"/b\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] IEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<Task<User>> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] ValueTask<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(params string[] rest); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(in int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] static Task<User> M() => null!; }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M() => Task.FromResult(new User()); }",
        "[GenesysApi] public partial interface I { int this[int i] { get; } }",
        "[GenesysApi] public partial interface @class { [Get(\"/a/{@event}\")] Task<User> @struct(string @event); }",
        "[GenesysApi] public partial interface Iü { [Get(\"/ü/{naïve}\")] Task<User> Métier(string naïve); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/" + new string('x', 5000) + "\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<Dictionary<string, List<KeyValuePair<int, User>>>> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(); }\n[GenesysApi] public partial interface I { [Get(\"/b\")] Task<User> N(); }",
        "[GenesysApi] public partial interface IA : IB { [Get(\"/a\")] Task<User> M(); }\npublic interface IB { Task<User> Plain(); }",
        "[GenesysApi] public partial interface IA : IA { }",
        "[GenesysApi][GenesysApi] public partial interface I { }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(\"\")] int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] int x, [Query(\"x\")] int y); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)99)] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), RequiresScope(null)] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(this int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User?> M(); [Get(\"/b\")] Task<ApiResponse<User?>> N(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> M(int? id); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] IEnumerable<int?>? ids, [Query] List<SortOrder>? orders, [Query] DateOnly? day, [Query] TimeSpan? span); }",
        "namespace A.B { public static partial class C { public partial struct D { [GenesysApi] internal partial interface I { [Get(\"/a\")] Task M(); } } } }",
        "[GenesysApi] public partial interface I { [Delete(\"/a/{id}\")] Task M(string id, [Body] User b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(); event System.Action E; }",
        "[GenesysApi] partial interface I { [Get(\"/a\")] Task<User> M(); } partial interface I { [Get(\"/b\")] Task<User> N(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(__arglist); }",
        // Attribute arguments the generator does not understand, and paging that cannot apply: stubs with GCT errors.
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)7)] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)(-1))] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor, ItemsProperty = \"\")] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor, ItemsProperty = null)] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int[] ids); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int scalar); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(\"k\", Format = (QueryCollectionFormat)(-2))] IEnumerable<SortOrder>? orders); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\")] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Delete(\"/a\"), Paging(PagingStyle.Cursor)] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor)] Task<User> M(); }",
        // Names and enums the emitter once tripped over.
        "[GenesysApi] public partial interface I { [Post(\"/a/{path}\")] Task<User> M(string path, [Query] int[] query, [Header(\"X-H\")] string headers, [Body] User request, CancellationToken __item); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] Dup d, [Query] Big b); }\npublic enum Dup { A = 1, B = 1, C = -1 }\npublic enum Big : ulong { Max = ulong.MaxValue }",
        "namespace N.A { public enum B_C { X } } namespace N.A_B { public enum C { Y } }\n[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] N.A.B_C a, [Query] N.A_B.C b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> GenesysClient(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Obsolete] Task<Gone> M([Query] Old o); }\n[Obsolete(\"g\", true)] public class Gone { }\n[Obsolete] public enum Old { A }",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_generator_never_throws_and_its_output_compiles(string declaration)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + declaration]);
        var userErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var generatedErrors = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } t && run.GeneratedTrees.Contains(t))
            .Where(d => !userErrors.Contains(d.Id))   // the same error the user's own code already has (an unknown type, say)
            .ToList();
        Assert.True(generatedErrors.Count == 0, string.Join("\n", generatedErrors));
        if (userErrors.Count == 0)
        {
            var all = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(all.Count == 0, string.Join("\n", all));
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task The_analyzers_never_throw_and_explain_every_stub_with_an_error(string declaration)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + declaration]);
        var exceptions = new List<Exception>();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.ScopeAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var run = GeneratorHarness.RunGenerator(compilation);
        var stubbed = run.Result.GeneratedSources.Any(s => s.SourceText.ToString().Contains("has no generated implementation"));
        var nothingGenerated = run.Result.GeneratedSources.Length == 0 && declaration.Contains("[GenesysApi]") && compilation.GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error);
        if (stubbed || nothingGenerated)
            Assert.True(diagnostics.Any(d => d.Id.StartsWith("GCT01") && d.Severity == DiagnosticSeverity.Error),
                "The generator stubbed or skipped this declaration but no GCT error explains it: " + declaration);
    }

    /// <summary>What the generator does not understand it does not guess: a stub naming the diagnostic, which the analyzer
    /// reports.</summary>
    [Theory]
    [InlineData("[Get(\"/a\"), Paging((PagingStyle)7)] IAsyncEnumerable<User> M();", "GCT0113")]
    [InlineData("[Get(\"/a\"), Paging((PagingStyle)7)] GenesysPageable<User> M();", "GCT0113")]
    [InlineData("[Post(\"/a\")] IAsyncEnumerable<User> M();", "GCT0113")]
    [InlineData("[Put(\"/a\")] GenesysPageable<User> M();", "GCT0113")]
    [InlineData("[Get(\"/a\"), Paging(PagingStyle.Cursor)] Task<User> M();", "GCT0113")]
    [InlineData("[Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int[] ids);", "GCT0120")]
    [InlineData("[Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int one);", "GCT0120")]
    [InlineData("[Get(\"/a\"), Paging(PagingStyle.Cursor, ItemsProperty = \"\")] IAsyncEnumerable<User> M();", "GCT0120")]
    [InlineData("[Get(\"/a\"), Paging(PagingStyle.PageNumber, ItemsProperty = null)] IAsyncEnumerable<User> M();", "GCT0120")]
    public async Task An_argument_the_generator_does_not_understand_becomes_a_stub_naming_the_error(string member, string id)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + "[GenesysApi] public partial interface I { " + member + " }"]);
        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var run = GeneratorHarness.RunGenerator(compilation);

        var text = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains($"({id}). See the GCT diagnostics", text);
        Assert.DoesNotContain("this._connection.", text.Substring(text.IndexOf("I.M(", StringComparison.Ordinal)));
        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.GeneratedCodeDiagnostics);
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_cases() => Assert.True(Corpus.Count >= 50, Corpus.Count.ToString());
}

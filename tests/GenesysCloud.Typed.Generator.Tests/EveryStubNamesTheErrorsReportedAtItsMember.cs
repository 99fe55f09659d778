using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generator and the analyzers read one classification: across the broken-input corpus, every stub the
/// generator emits names (in its exception text) exactly the GCT errors the analyzers report at that member, and every
/// GCT error at a member of a generated interface is named by that member's stub.</summary>
public sealed partial class EveryStubNamesTheErrorsReportedAtItsMember
{
    private const string Usings = "#nullable enable\nusing System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\n";

    public static TheoryData<string> Corpus()
    {
        var all = new TheoryData<string>();
        foreach (var row in BrokenDeclarationsNeverCrashTheGeneratorOrTheAnalyzers.Corpus) all.Add(row);
        foreach (var row in ContractCases) all.Add(row);
        return all;
    }

    /// <summary>The analyzer tests' declarations, so every GCT01xx rule is exercised.</summary>
    private static readonly string[] ContractCases =
    [
        // Endpoints the client cannot implement (static, or with a body), and cancellation tokens bound to the request.
        "[GenesysApi] public partial interface IApi { [Get(\"/a\")] static Task<User> S() => null!; [Get(\"/b\")] Task<User> D() => null!; [Get(\"/c\")] Task<User> Ok(); }",
        "[GenesysApi] public partial interface IApi { [Post(\"/a\")] Task B([Body] CancellationToken ct); [Get(\"/b\")] Task Q([Query] CancellationToken ct); [Get(\"/c\")] Task H([Header(\"X-C\")] CancellationToken ct); }",
        "[GenesysApi] public partial interface IApi { Task<User> NoVerb(); [Get(\"api/v2/users\")] Task<User> RelativeRoute(); [Get(\"/api/v2/users?x=1\")] Task<User> QueryInRoute(); [Get(\"/api/v2/users\")] Task<T> Generic<T>(); [Get(\"/api/v2/users\")] User NotAsync(); [Post(\"/api/v2/users\")] IAsyncEnumerable<User> PagedPost(); [Get(\"/api/v2/users\"), Paging(PagingStyle.Cursor)] Task<User> PagingOnSingle(); string Name { get; } }",
        "[GenesysApi] public partial interface IApi { [Get(\"/api/v2/users/{userId}\")] Task<User> Missing(); [Get(\"/api/v2/users\")] Task<User> Unbound(int page); [Get(\"/api/v2/users\")] Task<User> TwiceQuery([Query(\"a\")] int x, [Query(\"a\")] int y); [Post(\"/api/v2/users\")] Task TwoBodies([Body] User a, [Body] User b); [Get(\"/api/v2/users\")] Task TwoTokens(CancellationToken a, CancellationToken b); [Get(\"/api/v2/users\")] Task BodyOnGet([Body] User b); [Get(\"/api/v2/users\")] Task BadHeader([Header(\"X Bad\")] string h); [Get(\"/api/v2/users\")] Task ComplexQuery([Query] User u); [Get(\"/api/v2/users\")] Task ByRef(ref int x); [Get(\"/api/v2/users\")] Task Both([Query][Header(\"X-A\")] string both); [Get(\"/api/v2/users\")] Task Varargs(__arglist); }",
        "[GenesysApi] public partial interface IApi { [Get(\"/a/{x}\")] ref Task<User> M([Body] ReadOnlySpan<byte> x, [Query(Format = (QueryCollectionFormat)9)] int[] ids, [Header(\"X-A\")] int a, [Header(\"x-a\")] int b); [Get(\"/a\"), Paging((PagingStyle)7, ItemsProperty = \"\")] Task<int> N<T>(); }",
        ContextSources.Contexts + "[GenesysApi(JsonContext = typeof(AppJson))] public partial interface IJ { [Get(\"/a\")] Task<Orphan> M(); [Post(\"/b\")] Task N([Body] Orphan o, [Body] User u); [Get(\"/c\")] IAsyncEnumerable<Address> O(); [Get(\"/d\")] Task<ApiResponse<List<Orphan>>> P(); }",
        // Paging and jobs, one ID per mistake (GCT0113, GCT0124, GCT0126–GCT0136).
        "[GenesysApi] public partial interface IPaging { [Get(\"/a\"), Paging(PagingStyle.Cursor)] Task<User> Single(); [Get(\"/a\"), Paging((PagingStyle)7)] IAsyncEnumerable<User> Unknown(); [Delete(\"/a\")] IAsyncEnumerable<User> Deleted(); [Get(\"/a\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> ByGet(); [Post(\"/a\"), Paging(PagingStyle.BodyNextPage)] GenesysPageable<User> NoBody(); [Post(\"/a\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> ListBody([Body] int[] q); }",
        "[GenesysApi] public partial interface IJobs { [Post(\"/a\"), AsyncJob(\"x\")] Task<User> NotAJob([Body] User q); [Post(\"/a\")] GenesysJob<User> NoAttribute([Body] User q); [Get(\"/a\"), AsyncJob(\"x\")] GenesysJob<User> ByGet(); [Post(\"/a\"), AsyncJob(\"x\"), Paging(PagingStyle.Cursor)] GenesysJob<User> Paged([Body] User q); [Post(\"/a\"), AsyncJob(\"\")] GenesysJob<User> NoItems([Body] User q); [Post(\"/a\"), AsyncJob(\"x\", StatusPath = \"no-slash\")] GenesysJob<User> BadStatus([Body] User q); [Post(\"/a\"), AsyncJob(\"x\", ResultsPath = \"/a/{id}\")] GenesysJob<User> OtherId([Body] User q); }",
        "[GenesysApi] public partial interface IHead { [Head(\"/a\")] Task Ok(); [Head(\"/a\")] Task<User> R(); [Head(\"/a/{id}\")] Task B(string id, [Body] User b); [Head(\"/a\")] IAsyncEnumerable<User> P(); }",
        ContextSources.Contexts + "[GenesysApi(JsonContext = typeof(NotAContext))] public partial interface IK { [Get(\"/a\")] Task<Orphan> M(); }",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_stub_names_the_errors_reported_at_its_member_and_every_error_has_its_stub(string declaration)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + declaration]);
        var analyzers = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.ScopeAnalyzer(), new Analyzers.CancellationAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        var errors = analyzers.Where(d => d.Id.StartsWith("GCT01", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
        var run = GeneratorHarness.RunGenerator(compilation);

        // Each stub: the interface member it implements and the IDs its exception names.
        var stubs = new List<(ISymbol Member, HashSet<string> Ids)>();
        foreach (var tree in run.GeneratedTrees)
        {
            var model = run.Output.GetSemanticModel(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                if (member is not (MethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax)) continue;
                var text = GeneratorHarness.Unwrapped(member.ToString());
                if (!text.Contains("has no generated implementation", StringComparison.Ordinal)) continue;
                var symbol = model.GetDeclaredSymbol(member);
                var implemented = symbol switch
                {
                    IMethodSymbol m => m.ExplicitInterfaceImplementations.FirstOrDefault() as ISymbol,
                    IPropertySymbol p => p.ExplicitInterfaceImplementations.FirstOrDefault(),
                    IEventSymbol e => e.ExplicitInterfaceImplementations.FirstOrDefault(),
                    _ => null,
                };
                Assert.True(implemented is not null, "A stub that implements no interface member: " + text);
                stubs.Add((implemented!.OriginalDefinition, GctIds().Matches(text).Select(m => m.Value).ToHashSet()));
            }
        }

        foreach (var (member, ids) in stubs)
        {
            Assert.True(ids.Count > 0, $"The stub of {member.Name} names no GCT diagnostic: {declaration}");
            var reported = errors.Where(d => IsAt(d, member, run.Output)).Select(d => d.Id).ToHashSet();
            // A member inherited from another [GenesysApi] interface is reported where that interface is declared.
            if (reported.Count == 0 && member.ContainingType.Locations.Any(l => l.IsInSource) && Inherited(member)) continue;
            Assert.True(ids.SetEquals(reported),
                $"{member.Name}: the stub names [{string.Join(", ", ids.Order())}] but the analyzers report [{string.Join(", ", reported.Order())}] there: {declaration}");
        }
        // Vice versa: an error inside a member of an interface that has generated output is explained by that member's stub.
        var generated = run.GeneratedTrees.Any();
        foreach (var error in errors)
        {
            var member = MemberAt(error, run.Output);
            if (member is null || !generated || !HasOutput(member.ContainingType, run)) continue;
            // A member the client does not implement (static, or with a body) has no stub: the error is all there is.
            if (member.IsStatic || !member.IsAbstract) continue;
            Assert.True(stubs.Any(s => SymbolEqualityComparer.Default.Equals(s.Member, member) && s.Ids.Contains(error.Id)),
                $"{error.Id} at {member.Name} has no stub naming it: {error.GetMessage()} in {declaration}");
        }
    }

    [Fact]
    public async Task The_corpus_covers_every_contract_rule()
    {
        var rules = new Analyzers.ContractAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var row in Corpus())
        {
            var compilation = GeneratorHarness.Compile([Sources.Models, Usings + row]);
            foreach (var d in await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync()) seen.Add(d.Id);
        }
        Assert.Empty(rules.Except(seen));
    }

    private static bool Inherited(ISymbol member) =>
        member.ContainingType.GetAttributes().Any(a => a.AttributeClass?.Name == "GenesysApiAttribute");

    private static bool HasOutput(INamedTypeSymbol type, GeneratorHarness.Run run) =>
        run.GeneratedTrees.Any(t => t.ToString().Contains("partial interface " + type.Name + " ", StringComparison.Ordinal) ||
                                    t.ToString().Contains("partial interface @" + type.Name + " ", StringComparison.Ordinal));

    // Symbols are compared in the generator's output compilation, which holds the user's syntax trees too.
    /// <summary>The diagnostic lies inside a declaration of <paramref name="member"/> (its attributes and parameters included),
    /// or, for a member with no source, on its interface's declaration.</summary>
    private static bool IsAt(Diagnostic diagnostic, ISymbol member, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(MemberAt(diagnostic, compilation), member);

    private static ISymbol? MemberAt(Diagnostic diagnostic, Compilation compilation)
    {
        if (diagnostic.Location.SourceTree is not { } tree) return null;
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var declaration = node.AncestorsAndSelf().FirstOrDefault(n => n is MethodDeclarationSyntax or BasePropertyDeclarationSyntax or EventFieldDeclarationSyntax);
        if (declaration is null) return null;
        var model = compilation.GetSemanticModel(tree);
        var symbol = declaration is EventFieldDeclarationSyntax field
            ? model.GetDeclaredSymbol(field.Declaration.Variables[0])
            : model.GetDeclaredSymbol(declaration);
        return symbol switch
        {
            IMethodSymbol { ExplicitInterfaceImplementations: [var target, ..] } => target.OriginalDefinition,
            IPropertySymbol { ExplicitInterfaceImplementations: [var target, ..] } => target.OriginalDefinition,
            _ => symbol?.OriginalDefinition,
        };
    }

    [GeneratedRegex(@"GCT\d{4}")]
    private static partial Regex GctIds();

    /// <summary>What the generator does not understand it does not guess: a stub naming the diagnostic, which the analyzer
    /// reports.</summary>
    [Theory]
    [InlineData("[Get(\"/a\"), Paging((PagingStyle)7)] IAsyncEnumerable<User> M();", "GCT0126")]
    [InlineData("[Get(\"/a\"), Paging((PagingStyle)7)] GenesysPageable<User> M();", "GCT0126")]
    [InlineData("[Post(\"/a\")] IAsyncEnumerable<User> M();", "GCT0127")]
    [InlineData("[Put(\"/a\")] GenesysPageable<User> M();", "GCT0127")]
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

        var text = GeneratorHarness.Unwrapped(Assert.Single(run.Result.GeneratedSources).SourceText.ToString());
        Assert.Contains($"({id}). See the GCT diagnostics", text);
        Assert.DoesNotContain("this._connection.", text.Substring(text.IndexOf("I.M(", StringComparison.Ordinal)));
        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.GeneratedCodeDiagnostics);
    }
}

using System.Collections.Immutable;
using GenesysCloud.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The document checks stay out of the generator/analyzer lockstep: across the lockstep corpus (and endpoints
/// that break every document rule), the generator writes the same with and without genesys-api.json, the contract errors
/// that its stubs name are the same with and without it, and no document diagnostic is an error a stub would have to name.</summary>
public sealed class TheDocumentIndexChangesNoGeneratedCode
{
    private const string DocumentMistakes = """
        [GenesysApi]
        public partial interface IMistaken
        {
            [Get("/api/v2/user/{userId}")] Task<User> Typo(string userId);
            [Get("/api/v2/users/{id}"), RequiresScope("users:readonly")] Task<User> Renamed(string id, [Query("expnd")] string? expand = null);
            [Patch("/api/v2/users/{userId}"), RequiresScope("users:readonly", "analytics")] Task<User> Patch(string userId, [Body] UpdateUser body);
            [Get("/api/v2/users/{userId}/queues")] Task Queues(string userId, [Header("X-Request-Tags")] string tag);
            [Get("/api/v2/users/{userId}/adjacents")] Task Adjacents(string userId);
            [Get("/api/v2/users/{userId}/skillgroups")] Task SkillGroups(string userId);
        }
        """;

    public static TheoryData<string> Corpus()
    {
        var all = new TheoryData<string> { DocumentMistakes };
        foreach (var row in EveryStubNamesTheErrorsReportedAtItsMember.Corpus()) all.Add(row);
        return all;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task The_index_changes_no_generated_code_and_no_contract_error(string declaration)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, DocumentIndex.Usings + declaration]);
        var without = GeneratorHarness.RunGenerator(compilation);
        var driver = GeneratorHarness.Driver((CSharpParseOptions?)compilation.SyntaxTrees.First().Options)
            .AddAdditionalTexts([new DocumentIndex.Text(DocumentIndex.Path, DocumentIndex.Json)]);
        var with = GeneratorHarness.RunGenerator(compilation, driver);
        Assert.Equal(without.Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            with.Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));

        var contractWithout = await Errors(await DocumentIndex.AnalyzeAsync(compilation, []));
        var all = await DocumentIndex.AnalyzeAsync(compilation, [new DocumentIndex.Text(DocumentIndex.Path, DocumentIndex.Json)]);
        Assert.Equal(contractWithout, await Errors(all));
        Assert.All(all.DocumentIds(), d => Assert.NotEqual(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    private static Task<List<string>> Errors(ImmutableArray<Diagnostic> diagnostics) => Task.FromResult(
        diagnostics.Where(d => d.Id.StartsWith("GCT01", StringComparison.Ordinal)).Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()}").Order().ToList());

    [Fact]
    public async Task The_corpus_fires_every_document_rule()
    {
        var seen = new HashSet<string>();
        foreach (var row in Corpus())
        {
            var diagnostics = await DocumentIndex.AnalyzeAsync(DocumentIndex.Json, row);
            foreach (var d in diagnostics.DocumentIds()) seen.Add(d.Id);
        }
        // GCT0200 needs an unusable file, GCT0209/GCT0210 a model of the user's: EndpointsAreHeldToGenesyssDocument and TheDocumentIndexIsReadOnceOrRefusedSayingWhy cover them.
        var rules = new DocumentAnalyzer().SupportedDiagnostics.Select(d => d.Id).Except(["GCT0200", "GCT0209", "GCT0210"]);
        Assert.Empty(rules.Except(seen));
    }
}

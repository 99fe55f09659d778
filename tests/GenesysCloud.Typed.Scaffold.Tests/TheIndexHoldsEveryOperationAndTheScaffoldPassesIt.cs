using System.Collections.Immutable;
using GenesysCloud.Typed.Generator.Document;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>genesys-api.json: the compact index of the document that the analyzers check endpoints against.</summary>
public sealed class TheIndexHoldsEveryOperationAndTheScaffoldPassesIt
{
    private static readonly Lazy<string> WholeIndex = new(() => IndexWriter.Write(Fixture.Document));

    [Fact]
    public void The_whole_API_index_is_under_a_megabyte_and_the_same_every_time()
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(WholeIndex.Value);
        Assert.InRange(bytes, 100_000, 1_048_576);
        Assert.Equal(WholeIndex.Value, IndexWriter.Write(DocumentReader.Read(File.ReadAllBytes(Fixture.Path), Fixture.Path)));
        Assert.DoesNotContain("\r", WholeIndex.Value);
    }

    /// <summary>Every operation of the document reads back through the analyzers' reader as the document says it.</summary>
    [Fact]
    public void Every_operation_reads_back_with_its_route_parameters_scopes_and_flags()
    {
        var document = Fixture.Document;
        var index = ApiIndex.Parse(WholeIndex.Value);
        Assert.Equal(document.ScopeNames, index.Scopes.Order(StringComparer.Ordinal));
        Assert.Equal(document.Operations.Count, index.Operations.Count);
        Assert.True(document.Operations.Count > 3000);
        for (var i = 0; i < document.Operations.Count; i++)
        {
            var expected = document.Operations[i];
            var read = index.Operations[i];
            Assert.Equal(expected.Verb, read.Verb);
            Assert.Equal(expected.Route, read.Route);
            Assert.Same(read, index.Find(expected.Verb, expected.Route));
            Assert.Equal(expected.Scopes, read.Scopes);
            Assert.Equal(expected.Deprecated, read.Deprecated);
            Assert.Equal(expected.Preview, read.Preview);
            Assert.Equal(expected.Parameters.Select(p => (p.Name, p.Required, Place(p.In))), read.Parameters.Select(p => (p.Name, p.Required, p.Place)));
            Assert.Equal(expected.Parameters.Select(p => p.Type is ApiType.Array ? p.Csv ? "csv" : "multi" : null), read.Parameters.Select(p => p.CollectionFormat));
            foreach (var (schema, type) in new[] { (read.Body, expected.Body?.Type), (read.Result, expected.Result) })
            {
                if (type is ApiType.Reference { Name: var name } && document.Definitions[name].EnumValues is null)
                    Assert.Equal(document.Definitions[name].Properties.Select(p => p.JsonName), index.SchemaProperties(schema)!);
                else Assert.Equal("", schema);
            }
        }
    }

    private static char Place(ParameterPlace place) => place switch { ParameterPlace.Path => 'p', ParameterPlace.Query => 'q', _ => 'h' };

    [Fact]
    public async Task Scaffold_writes_the_whole_document_index_beside_its_code_as_a_file_it_owns()
    {
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "Genesys");
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Users"], [], "AcmeJson"), default);
        Assert.Equal(WholeIndex.Value, await File.ReadAllTextAsync(Path.Combine(output, IndexWriter.FileName)));
        Assert.Contains(IndexWriter.FileName, await File.ReadAllLinesAsync(Path.Combine(output, ".genesys-typed")));

        // Owned: the next scaffold replaces it rather than refusing the folder.
        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, "Acme", ["Routing"], [], "AcmeJson"), default);
        Assert.True(File.Exists(Path.Combine(output, IndexWriter.FileName)));
    }

    /// <summary>The no-false-positive corpus: every operation of the document scaffolded, compiled in memory and analysed
    /// with its own index reports none of the document's diagnostics but one GCT0208 per preview operation (the scaffold
    /// marks deprecated ones [Obsolete], which GCT0207 takes as acknowledged), and its scopes are all the document's.</summary>
    [Fact]
    public async Task The_whole_scaffolded_API_analysed_with_its_own_index_reports_nothing_but_its_previews()
    {
        var document = Fixture.Document;
        var plan = Planner.Plan(document, document.Operations, "Acme.Genesys", "AcmeJson", "fixture");
        const string usings = "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Scaffolder.Files(plan).Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, f.Key)).Append(CSharpSyntaxTree.ParseText(usings, parse, "Usings.cs"));
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        var compilation = CSharpCompilation.Create("Scaffolded", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new AnalyzerOptions([new InMemoryFile("/repo/Genesys/genesys-api.json", WholeIndex.Value)]);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new GenesysCloud.Typed.Generator.Analyzers.DocumentAnalyzer(), new GenesysCloud.Typed.Generator.Analyzers.ScopeAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, true, false, false)).GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var unexpected = diagnostics.Where(d => d.Id.StartsWith("GCT02", StringComparison.Ordinal) && d.Id != "GCT0208" || d.Id is "GCT0002" or "GCT0003").ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected, e.g.\n" + string.Join("\n", unexpected.Take(15).Select(d => d.Id + " " + d.GetMessage())));
        var previews = plan.Interfaces.SelectMany(i => i.Methods).Count(m => m.Preview);
        Assert.True(previews > 0);
        Assert.Equal(previews, diagnostics.Count(d => d.Id == "GCT0208"));
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

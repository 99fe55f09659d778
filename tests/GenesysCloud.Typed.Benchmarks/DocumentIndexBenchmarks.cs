using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Generator;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Document;
using GenesysCloud.Typed.Scaffold;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Reading genesys-api.json (the whole Platform API's index, 3,315 operations): parsing it, and what each later
/// compilation pays to find it again (the same text object; a new text object of the same content).</summary>
[MemoryDiagnoser]
public class DocumentIndexReadBenchmarks
{
    private string _text = null!;
    private AnalyzerOptions _same = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "genesys-platform-api.swagger.json.gz");
        _text = IndexWriter.Write(DocumentReader.Read(File.ReadAllBytes(fixture), fixture));
        _same = new AnalyzerOptions([new InMemoryFile("/repo/genesys-api.json", _text)]);
        IndexFiles.Find(_same, default);
    }

    [Benchmark(Baseline = true)]
    public object Parse() => ApiIndex.Parse(_text);

    [Benchmark]
    public object? FindSameText() => IndexFiles.Find(_same, default);

    [Benchmark]
    public object? FindSameContentNewText() => IndexFiles.Find(new AnalyzerOptions([new InMemoryFile("/repo/genesys-api.json", _text)]), default);
}

/// <summary>The scaffolded API (its first <see cref="Endpoints"/> operations, or all 3,315) with and without its index:
/// a full generation (baseline), and what an unrelated edit costs afterwards — the generator's re-run plus our analyzers
/// on the edited file, as the IDE runs them per keystroke — and a build's whole analysis by our analyzers.</summary>
[MemoryDiagnoser]
public class DocumentCheckBenchmarks
{
    [Params(500, 3315)]
    public int Endpoints;

    [Params(false, true)]
    public bool Index;

    private CSharpCompilation _base = null!, _editA = null!, _editB = null!;
    private GeneratorDriver _warm = null!;
    private AnalyzerOptions _options = null!;
    private bool _toggle;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new ContractAnalyzer(), new ScopeAnalyzer(), new CancellationAnalyzer(), new JsonContextAnalyzer(), new DocumentAnalyzer()];

    [GlobalSetup]
    public void Setup()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "genesys-platform-api.swagger.json.gz");
        var document = DocumentReader.Read(File.ReadAllBytes(fixture), fixture);
        var operations = document.Operations.Take(Endpoints).ToList();
        var plan = Planner.Plan(document, operations, "Acme.Genesys", "AcmeJson", "fixture");
        const string usings = "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";
        var files = Scaffolder.Files(plan).Select(f => (f.Value, f.Key)).Append((usings, "Usings.cs")).ToArray();
        _base = GeneratorInputs.Compile("Scaffolded", files);
        _editA = GeneratorInputs.WithUnrelatedEdit(_base, 1);
        _editB = GeneratorInputs.WithUnrelatedEdit(_base, 2);
        _warm = GeneratorInputs.Warm(_editA, _editB);
        _options = new AnalyzerOptions(Index ? [new InMemoryFile("/repo/Genesys/genesys-api.json", IndexWriter.Write(document))] : []);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Generate() => CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: GeneratorInputs.Parse).RunGenerators(_base);

    /// <summary>The generator alone (it never reads the index): the 10% target.</summary>
    [Benchmark]
    public GeneratorDriver RerunGeneratorOnly()
    {
        _toggle = !_toggle;
        return _warm = _warm.RunGenerators(_toggle ? _editB : _editA);
    }

    [Benchmark]
    public async Task<int> RerunAfterUnrelatedEdit()
    {
        _toggle = !_toggle;
        var compilation = _toggle ? _editB : _editA;
        _warm = _warm.RunGenerators(compilation);
        var edited = compilation.SyntaxTrees.Last();
        var analysis = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(_options, null, true, false, false));
        var diagnostics = await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(edited), null, default);
        return diagnostics.Length;
    }

    [Benchmark]
    public async Task<int> AnalyzeEverything()
    {
        var analysis = _editA.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(_options, null, true, false, false));
        return (await analysis.GetAnalyzerDiagnosticsAsync()).Length;
    }
}

internal sealed class InMemoryFile(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

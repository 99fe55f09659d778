using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Generator;
using GenesysCloud.Typed.Scaffold;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Our generator on the whole Platform API as genesys-typed scaffolds it from the full-size fixture (3,315
/// operations in 83 interfaces over about 5,000 models and a JsonContext naming them): a full generation, and the re-run
/// after an edit in an unrelated file. System.Text.Json's generator does not run here, so this is our share alone.</summary>
[MemoryDiagnoser]
public class GeneratorScaffoldedBenchmarks
{
    private CSharpCompilation _base = null!, _editA = null!, _editB = null!;
    private GeneratorDriver _warm = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "genesys-platform-api.swagger.json.gz");
        var document = DocumentReader.Read(File.ReadAllBytes(fixture), fixture);
        var plan = Planner.Plan(document, document.Operations, "Acme.Genesys", "AcmeJson", "fixture");
        const string usings = "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";
        var files = Scaffolder.Files(plan).Select(f => (f.Value, f.Key)).Append((usings, "Usings.cs")).ToArray();
        _base = GeneratorInputs.Compile("Scaffolded", files);
        _editA = GeneratorInputs.WithUnrelatedEdit(_base, 1);
        _editB = GeneratorInputs.WithUnrelatedEdit(_base, 2);
        _warm = GeneratorInputs.Warm(_editA, _editB);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Generate() => CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: GeneratorInputs.Parse).RunGenerators(_base);

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _toggle = !_toggle;
        return _warm = _warm.RunGenerators(_toggle ? _editB : _editA);
    }
}

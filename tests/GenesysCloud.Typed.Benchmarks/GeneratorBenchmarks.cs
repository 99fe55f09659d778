using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Generation time for interfaces of 1, 50 and 500 endpoints against Refit 16.4's generator on the equivalent
/// interface, and our re-run after an unrelated edit (what the IDE pays per keystroke).</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions Parse = GeneratorInputs.Parse;

    [Params(1, 50, 500)]
    public int Methods;

    private CSharpCompilation _ours = null!;
    private CSharpCompilation _refit = null!;
    private CSharpCompilation _editA = null!, _editB = null!;
    private IIncrementalGenerator _refitGenerator = null!;
    private GeneratorDriver _warm = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        var ours = new StringBuilder("using System.Threading.Tasks; using GenesysCloud.Typed;\npublic sealed class Thing { public string Id { get; set; } = \"\"; }\n[GenesysApi] public partial interface IThingsApi\n{\n");
        var refit = new StringBuilder("using System.Threading.Tasks; using Refit;\npublic sealed class Thing { public string Id { get; set; } = \"\"; }\npublic interface IThingsApi\n{\n");
        for (var i = 0; i < Methods; i++)
        {
            ours.Append($"    [Get(\"/api/v2/things/{{id}}/m{i}\")] Task<Thing> M{i}Async(string id, [Query] int pageSize);\n");
            refit.Append($"    [Get(\"/api/v2/things/{{id}}/m{i}\")] Task<Thing> M{i}Async(string id, [Query] int pageSize);\n");
        }
        _ours = GeneratorInputs.Compile("Ours", (ours.Append('}').ToString(), ""));
        _refit = GeneratorInputs.Compile("Theirs", (refit.Append('}').ToString(), ""));
        _editA = GeneratorInputs.WithUnrelatedEdit(_ours, 1);
        _editB = GeneratorInputs.WithUnrelatedEdit(_ours, 2);
        _refitGenerator = LoadRefitGenerator();
        _warm = CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: Parse).RunGenerators(_editA);
    }

    /// <summary>Refit's incremental generator from its package's analyzers folder (it is not a library type).</summary>
    private static IIncrementalGenerator LoadRefitGenerator()
    {
        var version = typeof(Refit.RestService).Assembly.GetName().Version!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The assembly version (16.0.0.0) is not the package version (16.4.0): match the major version only.
        var root = Directory.GetDirectories(Path.Combine(packages, "refit")).OrderByDescending(d => d).First(d => Path.GetFileName(d).StartsWith($"{version.Major}."));
        var dll = Directory.GetFiles(Path.Combine(root, "analyzers"), "InterfaceStubGenerator*.dll", SearchOption.AllDirectories)
            .Where(f => f.Contains("roslyn4")).OrderByDescending(f => f).First();
        var type = Assembly.LoadFrom(dll).GetTypes().First(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Refit_Generate() =>
        CSharpGeneratorDriver.Create([_refitGenerator.AsSourceGenerator()], parseOptions: Parse).RunGenerators(_refit);

    [Benchmark]
    public GeneratorDriver Ours_Generate() =>
        CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: Parse).RunGenerators(_ours);

    [Benchmark]
    public GeneratorDriver Ours_RerunAfterUnrelatedEdit()
    {
        _toggle = !_toggle;
        return _warm = _warm.RunGenerators(_toggle ? _editB : _editA);
    }
}

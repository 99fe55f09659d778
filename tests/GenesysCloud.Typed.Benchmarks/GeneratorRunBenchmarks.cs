using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>A full generation and the re-run after an edit in an unrelated file, on the compilation a subclass prepares.</summary>
[MemoryDiagnoser]
public abstract class GeneratorRunBenchmarks
{
    private CSharpCompilation _base = null!, _editA = null!, _editB = null!;
    private GeneratorDriver _warm = null!;
    private bool _toggle;

    protected void Prepare(CSharpCompilation compilation)
    {
        _base = compilation;
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

using GenesysCloud.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>What the generator benchmarks share: the language version, the references (framework, runtime, Refit), and the
/// two versions of an unrelated file a re-run alternates between.</summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12);

    private static readonly Lazy<List<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location))
            .ToList());

    public static CSharpCompilation Compile(string name, params (string Source, string Path)[] files) =>
        CSharpCompilation.Create(name, files.Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, f.Path)), References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary><paramref name="compilation"/> with an unrelated file in one of two versions.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int version) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"public static class Edit {{ public static int X => {version}; }}", Parse, "Edit.cs"));

    /// <summary>A driver of our generator that has run on both versions of the edit (every step cached).</summary>
    public static GeneratorDriver Warm(CSharpCompilation a, CSharpCompilation b) =>
        CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: Parse).RunGenerators(a).RunGenerators(b);
}

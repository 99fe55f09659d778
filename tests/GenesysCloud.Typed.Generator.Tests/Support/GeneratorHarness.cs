using System.Collections.Immutable;
using GenesysCloud.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Compiles sources against real reference assemblies (net8.0 or net10.0) plus the runtime, and runs the generator.</summary>
public static class GeneratorHarness
{
    public enum Target { Net80, Net100 }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>C# 13 (params collections, allows ref struct, ref structs with interfaces): what .NET 9+ SDKs compile by default.</summary>
    internal static readonly CSharpParseOptions CSharp13 = new(LanguageVersion.Preview);   // Roslyn 4.11 names C# 13 "preview"

    internal static CSharpCompilation Compile(string source, Target target = Target.Net80, string assemblyName = "UserCode") =>
        Compile([source], target, assemblyName);

    internal static CSharpCompilation Compile(IEnumerable<string> sources, Target target = Target.Net80, string assemblyName = "UserCode", IEnumerable<MetadataReference>? extra = null,
        CSharpParseOptions? parseOptions = null)
    {
        var references = (target == Target.Net80 ? Basic.Reference.Assemblies.Net80.References.All : Basic.Reference.Assemblies.Net100.References.All)
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location))
            .Concat(extra ?? []);
        return CSharpCompilation.Create(assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions ?? ParseOptions, path: $"Source{i}.cs")),
            references,
            // Unsafe code is allowed as in a project with <AllowUnsafeBlocks>: a user's pointer signatures must compile then.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true,
                generalDiagnosticOption: ReportDiagnostic.Error, specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Reference-assembly version unification notes are not about our code.
                    ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    internal static GeneratorDriver Driver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create([new ApiGenerator().AsSourceGenerator()], parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    internal sealed record Run(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorRunResult Result, GeneratorDriver Driver)
    {
        public IEnumerable<SyntaxTree> GeneratedTrees => Result.GeneratedSources.Select(s => s.SyntaxTree);

        /// <summary>Errors and warnings the compiler reports inside generated files.</summary>
        public IReadOnlyList<Diagnostic> GeneratedCodeDiagnostics =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } t && GeneratedTrees.Contains(t)).ToList();
    }

    /// <summary>Generated text with string literals that were wrapped to the line width joined again ("a " +\n "b" → "a b"),
    /// so a test can look for a message whatever the wrapping.</summary>
    internal static string Unwrapped(string generated) => System.Text.RegularExpressions.Regex.Replace(generated, "\" \\+\n\\s*\"", "");

    internal static Run RunGenerator(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? Driver((CSharpParseOptions?)compilation.SyntaxTrees.FirstOrDefault()?.Options)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(output, diagnostics, driver.GetRunResult().Results.Single(), driver);
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Microsoft.CodeAnalysis.Testing against the net8.0 reference pack plus the runtime assembly.</summary>
internal static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    public const string Usings = "using System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed;\n";

    private const string Models = "public sealed class User { public string Id { get; set; } = \"\"; }\n";

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], expected);

    public static async Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = Net80 };
        foreach (var source in sources) test.TestState.Sources.Add(Usings + source);
        test.TestState.Sources.Add(Models);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithSeverity(
        new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);
}

using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0005: an endpoint without a CancellationToken cannot be stopped, nor can its retries and waits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancellationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoCancellationToken);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAbstract: true, ContainingType: { TypeKind: TypeKind.Interface } type } method ||
            !EndpointFacts.IsGenesysApi(type) || EndpointFacts.Read(method).HttpMethod is null)
            return;
        // GenesysPageable<T> takes its token when enumerated (AsPages), so the method needs none.
        if (method.ReturnType.OriginalDefinition.ToDisplayString() == "GenesysCloud.Typed.GenesysPageable<T>") return;
        if (method.Parameters.Any(p => p.Type.ToDisplayString() == KnownNames.CancellationToken)) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoCancellationToken, method.Locations.FirstOrDefault() ?? Location.None, method.Name));
    }
}

using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0005: an endpoint without a CancellationToken cannot be stopped, nor can its retries and waits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancellationAnalyzer : GenesysAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoCancellationToken);

    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols known) =>
        start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.Method);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols known)
    {
        if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAbstract: true, ContainingType: { TypeKind: TypeKind.Interface } type } method ||
            !known.IsGenesysApi(type) || known.HttpAttributes(method).Count != 1)
            return;
        // GenesysPageable<T> takes its token when enumerated (AsPages), so the method needs none.
        if (KnownSymbols.IsDefinition(method.ReturnType, known.Pageable)) return;
        if (method.Parameters.Any(p => KnownSymbols.Is(KnownSymbols.NullableOf(p.Type) ?? p.Type, known.CancellationToken))) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoCancellationToken, method.Locations.FirstOrDefault() ?? Location.None, method.Name));
    }
}

using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0006: an interface that sends or reads JSON but names no JsonContext, so its contracts are checked only on
/// the first call (in a batch job, possibly hours in) instead of at build time.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonContextAnalyzer : GenesysAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoJsonContext);

    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols known) =>
        start.RegisterSymbolAction(context =>
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Interface || KnownSymbols.Find(type, known.GenesysApi) is not { } attribute) return;
            if (attribute.NamedArguments.Any(n => n.Key == "JsonContext")) return;
            if (!type.GetMembers().OfType<IMethodSymbol>().Any(m => UsesJson(m, known))) return;
            var where = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoJsonContext, where, type.Name));
        }, SymbolKind.NamedType);

    /// <summary>The endpoint reads a result or sends a body.</summary>
    private static bool UsesJson(IMethodSymbol method, KnownSymbols known) =>
        known.HttpAttributes(method).Count == 1 &&
        (method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } || method.Parameters.Any(p => KnownSymbols.Has(p, known.Body)));
}

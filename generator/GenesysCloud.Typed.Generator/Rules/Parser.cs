using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The generator's first step, run on every compilation: the interface a ForAttributeWithMetadataName on
/// [GenesysApi] matched, read by <see cref="InterfaceClassifier"/> into equatable <see cref="InterfaceFacts"/> (null when
/// nothing is generated for it). The rules (<see cref="ApiRules.Build"/>) run only when the facts changed, and the
/// emitter only when the model did.</summary>
internal static class Parser
{
    /// <summary>The generator's step on every compilation: the interface's facts, or null when nothing is generated for it.</summary>
    public static InterfaceFacts? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } api) return null;
        var known = KnownSymbols.Of(context.SemanticModel.Compilation, context.Attributes.FirstOrDefault()?.AttributeClass);
        // A (wrongly) repeated [GenesysApi] on several partial declarations must still produce one file.
        if (!IsFirstAnnotatedDeclaration(api, context.TargetNode, known, cancellationToken)) return null;
        // A second source type of the same full name (CS0101, already the user's error) would get the same file name.
        if (HasNamesake(api)) return null;
        return InterfaceClassifier.Read(api, known, null, cancellationToken);
    }

    /// <summary>True when <paramref name="target"/> is the first declaration of the interface that carries [GenesysApi]
    /// (found through the attributes' syntax references, recognised by symbol), so repeated annotations give one file.</summary>
    private static bool IsFirstAnnotatedDeclaration(INamedTypeSymbol api, SyntaxNode target, KnownSymbols known, CancellationToken cancellationToken)
    {
        var applications = api.GetAttributes()
            .Where(a => KnownSymbols.Is(a.AttributeClass, known.GenesysApi) && a.ApplicationSyntaxReference is not null)
            .Select(a => a.ApplicationSyntaxReference!).ToList();
        foreach (var reference in api.DeclaringSyntaxReferences)
        {
            if (applications.Any(a => a.SyntaxTree == reference.SyntaxTree && reference.Span.Contains(a.Span)))
                return reference.GetSyntax(cancellationToken) == target;
        }
        return true;
    }

    private static bool HasNamesake(INamedTypeSymbol api)
    {
        static int SourceTypes(INamespaceOrTypeSymbol container, string name, int arity) =>
            container.GetTypeMembers(name, arity).Count(t => t.Locations.Any(l => l.IsInSource));
        for (INamedTypeSymbol? type = api; type is not null; type = type.ContainingType)
            if (type.ContainingSymbol is INamespaceOrTypeSymbol container && SourceTypes(container, type.Name, type.Arity) > 1) return true;
        for (var ns = api.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            if (SourceTypes(ns.ContainingNamespace, ns.Name, 0) > 0) return true;
        return false;
    }
}

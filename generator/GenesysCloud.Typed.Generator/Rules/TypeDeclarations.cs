using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>Facts about a type's declarations, shared by the reader and the rules so they agree.</summary>
internal static class TypeDeclarations
{
    /// <summary>True when every declaration of the type carries <c>partial</c>, so code can be generated into it.</summary>
    public static bool IsPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                                                declaration.Modifiers.Any(m => m.ValueText == "partial"));

    /// <summary>Why no client can be generated into a partial, non-generic interface although the user's code is legal
    /// (GCT0103); null when one can. A file-local type (or one nested in a file-local type) is invisible from the
    /// generated file. An interface left with a static abstract member cannot be the T of IGenesysApi&lt;T&gt; (CS8920), and
    /// the client class could not implement that member anyway.</summary>
    public static string? WhyNotGenerable(INamedTypeSymbol api)
    {
        for (INamedTypeSymbol? type = api; type is not null; type = type.ContainingType)
            if (type.IsFileLocal)
                return type.Equals(api, SymbolEqualityComparer.Default)
                    ? "it is a file-local type, which the generated file cannot see"
                    : $"it is nested in the file-local type '{type.Name}', which the generated file cannot see";
        if (UnimplementedStaticAbstract(api) is { } member)
            return $"it has the static abstract member '{member.ContainingType.Name}.{member.Name}', so it cannot be the type argument of IGenesysApi<T>; give the member a body (static virtual) or move it to another interface";
        return null;
    }

    /// <summary>A static abstract member of the interface or its bases (the runtime's IGenesysApi&lt;T&gt; aside, which the
    /// generated code implements) that no interface in the hierarchy implements.</summary>
    private static ISymbol? UnimplementedStaticAbstract(INamedTypeSymbol api)
    {
        var all = new[] { api }.Concat(api.AllInterfaces).ToList();
        var implemented = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var type in all)
            foreach (var member in type.GetMembers())
                if (member.IsStatic && !member.IsAbstract)
                    foreach (var target in ExplicitImplementations(member)) implemented.Add(target.OriginalDefinition);
        foreach (var type in all)
        {
            if (Rules.InterfaceRules.IsRuntimeType(type)) continue;
            foreach (var member in type.GetMembers())
                if (member.IsStatic && member.IsAbstract && !implemented.Contains(member.OriginalDefinition)) return member;
        }
        return null;
    }

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        IEventSymbol @event => @event.ExplicitInterfaceImplementations,
        _ => [],
    };
}

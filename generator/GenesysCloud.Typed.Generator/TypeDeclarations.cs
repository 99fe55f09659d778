using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator;

/// <summary>Facts about a type's declarations, shared by the parser and the analyzers so they agree.</summary>
internal static class TypeDeclarations
{
    /// <summary>True when every declaration of the type carries <c>partial</c>, so code can be generated into it.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration &&
                                                declaration.Modifiers.Any(m => m.ValueText == "partial"));
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The rules for the [GenesysApi] type itself (GCT0101–GCT0103): whether a client can be generated into it.</summary>
internal static class InterfaceRules
{
    /// <param name="declaration">Where member problems of members without a source location are reported.</param>
    /// <param name="canClassifyMembers">False when the type is no interface or nothing can be generated into it at all.</param>
    public static List<Problem> Problems(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken, out Location declaration,
        out bool canClassifyMembers)
    {
        var problems = new List<Problem>();
        Location Where() => KnownSymbols.Find(type, known.GenesysApi)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
                            ?? type.Locations.FirstOrDefault() ?? Location.None;
        canClassifyMembers = false;
        if (type.TypeKind != TypeKind.Interface)
        {
            declaration = Where();
            problems.Add(new Problem(Descriptors.NotAnInterface, declaration, [type.Name]));
            return problems;
        }
        declaration = type.Locations.FirstOrDefault() ?? Where();
        if (!TypeDeclarations.IsPartial(type, cancellationToken)) problems.Add(new Problem(Descriptors.NotPartial, declaration, [type.Name]));
        if (type.IsGenericType) problems.Add(new Problem(Descriptors.CannotExtend, declaration, [type.Name, "generic interfaces cannot have a generated client"]));
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
                problems.Add(new Problem(Descriptors.CannotExtend, declaration, [type.Name, $"it is nested in the generic type '{outer.Name}'"]));
            else if (!TypeDeclarations.IsPartial(outer, cancellationToken))
                problems.Add(new Problem(Descriptors.CannotExtend, declaration, [type.Name, $"it is nested in '{outer.Name}', which is not partial"]));
        }
        if (TypeDeclarations.WhyNotGenerable(type) is { } why)
        {
            problems.Add(new Problem(Descriptors.CannotExtend, declaration, [type.Name, why]));
            return problems;
        }
        canClassifyMembers = true;
        return problems;
    }

    /// <summary>A client can be generated into <paramref name="api"/> (it breaks none of the rules above).</summary>
    public static bool CanGenerateInto(INamedTypeSymbol api, CancellationToken cancellationToken)
    {
        if (api.TypeKind != TypeKind.Interface || api.IsGenericType || !TypeDeclarations.IsPartial(api, cancellationToken) ||
            TypeDeclarations.WhyNotGenerable(api) is not null)
            return false;
        for (var outer = api.ContainingType; outer is not null; outer = outer.ContainingType)
            if (outer.IsGenericType || !TypeDeclarations.IsPartial(outer, cancellationToken)) return false;
        return true;
    }

    /// <summary>A type of the runtime's namespace (IGenesysApi&lt;T&gt;): the generated code implements it, the user does not.</summary>
    public static bool IsRuntimeType(INamedTypeSymbol type) =>
        type.ContainingNamespace is { Name: "Typed" } typed && typed.ContainingNamespace is { Name: "GenesysCloud" } root &&
        root.ContainingNamespace is { IsGlobalNamespace: true };
}

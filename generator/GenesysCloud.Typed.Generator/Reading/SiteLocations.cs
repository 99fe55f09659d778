using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Turns the <see cref="Site"/>s the rules name (they read facts, never symbols) into the locations the analyzers
/// report at. The generator reports nothing and never needs them.</summary>
internal static class SiteLocations
{
    /// <summary>The problems of a method at their locations: its name (<paramref name="at"/>), a parameter, an attribute.</summary>
    public static List<Problem> Resolve(List<Problem> problems, IMethodSymbol method, Location at, KnownSymbols known, INamedTypeSymbol? jsonContext,
        CancellationToken cancellationToken)
    {
        if (problems.Count == 0) return problems;
        Location AttributeAt(AttributeData? attribute, Location fallback) =>
            attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;
        Location ParameterAt(int index) => method.Parameters[index].Locations.FirstOrDefault(l => l.IsInSource) ?? at;
        Location? Where(Site site) => site.Kind switch
        {
            SiteKind.Parameter => ParameterAt(site.Parameter),
            SiteKind.Query => AttributeAt(KnownSymbols.Find(method.Parameters[site.Parameter], known.Query), ParameterAt(site.Parameter)),
            SiteKind.Paging => AttributeAt(KnownSymbols.Find(method, known.Paging), at),
            SiteKind.Job => AttributeAt(KnownSymbols.Find(method, known.AsyncJob), at),
            SiteKind.RouteArgument => known.HttpAttributes(method) is [var http] &&
                                      http.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
                ? syntax.ArgumentList.Arguments[0].GetLocation() : at,
            SiteKind.JsonContext => jsonContext?.Locations.FirstOrDefault(l => l.IsInSource),
            _ => at,
        };
        return problems.Select(p => p.Resolve(Where)).ToList();
    }
}

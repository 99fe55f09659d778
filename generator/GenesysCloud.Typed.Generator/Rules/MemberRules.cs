using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>GCT0117: the members of a [GenesysApi] interface that are not endpoints the client can implement.</summary>
internal static class MemberRules
{
    /// <summary>A property or indexer: the client stubs it.</summary>
    public static Problem NotAMethod(IPropertySymbol property, Location at) =>
        new(Descriptors.NotAMethod, at, [property.Name, property.IsIndexer ? "an indexer" : "a property"]);

    /// <summary>An event: the client stubs it.</summary>
    public static Problem NotAMethod(IEventSymbol @event, Location at) => new(Descriptors.NotAMethod, at, [@event.Name, "an event"]);

    /// <summary>Methods declared as endpoints (an HTTP method attribute) that the client cannot implement: static ones, and
    /// ones with a body (a default implementation the client does not replace). Without this they would vanish silently.</summary>
    public static IEnumerable<Problem> EndpointsNotImplemented(INamedTypeSymbol api, KnownSymbols known, Location declaration)
    {
        // The interface's own members and those of plain bases (a [GenesysApi] base reports its own).
        foreach (var declaring in new[] { api }.Concat(api.AllInterfaces))
        {
            if (!ReferenceEquals(declaring, api) && (known.IsGenesysApi(declaring) || InterfaceRules.IsRuntimeType(declaring))) continue;
            foreach (var problem in EndpointsNotImplementedIn(declaring, known, declaration)) yield return problem;
        }
    }

    private static IEnumerable<Problem> EndpointsNotImplementedIn(INamedTypeSymbol declaring, KnownSymbols known, Location declaration)
    {
        foreach (var member in declaring.GetMembers())
        {
            // The usual abstract instance method fails the first test at once: no attribute is read for it.
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || (!method.IsStatic && method.IsAbstract)) continue;
            if (!method.GetAttributes().Any(a => known.HttpMethodOf(a.AttributeClass) is not null)) continue;
            var what = method.IsStatic ? "a static method, which the client cannot implement" : "a method with a body, which the client does not replace";
            yield return new Problem(Descriptors.NotAMethod, method.Locations.FirstOrDefault(l => l.IsInSource) ?? declaration, [method.Name, what]);
        }
    }
}

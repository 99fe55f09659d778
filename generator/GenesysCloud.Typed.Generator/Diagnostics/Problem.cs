using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Diagnostics;

/// <summary>One broken rule found by the classifier: the analyzers report it as a diagnostic, the generator writes its
/// message and ID into the stub it emits instead of the member. It never enters the equatable model.</summary>
internal sealed class Problem
{
    public Problem(DiagnosticDescriptor descriptor, Location location, object?[] arguments, ImmutableDictionary<string, string?>? properties = null,
        Location? elsewhere = null)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments;
        Properties = properties;
        Elsewhere = elsewhere;
    }

    /// <summary>A member's problem found by the rules, at a <see cref="Diagnostics.Site"/> that <see cref="Resolve"/> makes a location.</summary>
    public Problem(DiagnosticDescriptor descriptor, Site site, object?[] arguments, ImmutableDictionary<string, string?>? properties = null,
        Site? elsewhere = null)
        : this(descriptor, Location.None, arguments, properties)
    {
        Site = site;
        ElsewhereSite = elsewhere;
    }

    public DiagnosticDescriptor Descriptor { get; }
    public Location Location { get; }

    /// <summary>Where the rules found it, until resolved; null for a problem found with its location.</summary>
    public Site? Site { get; }

    private Site? ElsewhereSite { get; }
    public object?[] Arguments { get; }
    public ImmutableDictionary<string, string?>? Properties { get; }

    /// <summary>A second place the fix edits (the JsonSerializerContext to extend), as the diagnostic's additional location.</summary>
    public Location? Elsewhere { get; }

    /// <summary>The problem at the locations of its sites (a site-less problem is returned as it is).</summary>
    public Problem Resolve(System.Func<Site, Location?> where) =>
        Site is { } site ? new(Descriptor, where(site) ?? Location.None, Arguments, Properties, ElsewhereSite is { } other ? where(other) : null) : this;

    /// <summary>The same problem reported at <paramref name="location"/> (an inherited member's, on the inheriting interface).</summary>
    public Problem At(Location location) => new(Descriptor, location, Arguments, Properties, Elsewhere);

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location, Elsewhere is null ? null : new[] { Elsewhere }, Properties, Arguments);

    /// <summary>The diagnostic for <paramref name="compilation"/>: a place in another compilation's source (a base interface
    /// of a referenced project, which the IDE hands over as source) becomes <paramref name="fallback"/>, the interface being
    /// analyzed; a diagnostic may only point into its own compilation.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation, Location fallback)
    {
        bool Outside(Location? l) => l is { IsInSource: true } && !compilation.ContainsSyntaxTree(l.SourceTree!);
        var location = Outside(Location) ? fallback : Location;
        var elsewhere = Elsewhere is null || Outside(Elsewhere) ? null : new[] { Elsewhere };
        return Diagnostic.Create(Descriptor, location, elsewhere, Properties, Arguments);
    }

    /// <summary>"the route is empty (GCT0105); generic methods … (GCT0114)": every problem of a stubbed member.</summary>
    public static string Explain(IEnumerable<Problem> problems) => string.Join("; ", problems.Select(p => p.Explanation));

    /// <summary>"the route must start with '/' (GCT0105)": what a stub's exception says.</summary>
    public string Explanation =>
        Diagnostic.Create(Descriptor, Location.None, Arguments).GetMessage(CultureInfo.InvariantCulture) + " (" + Descriptor.Id + ")";
}

using System.Collections.Generic;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>What reading an interface found besides its facts, for the analyzers: the problems of the interface and of its
/// members that are not methods, and each member with where its problems go.</summary>
internal sealed class InterfaceReading
{
    public List<Problem> Problems { get; } = new();
    public List<(INamedTypeSymbol Declaring, ISymbol Member, Location At, List<Problem>? Problems)> Members { get; } = new();
    public InterfaceFacts? Facts { get; set; }
    public Location Declaration { get; set; } = Location.None;
    public JsonContract? Json { get; set; }
}

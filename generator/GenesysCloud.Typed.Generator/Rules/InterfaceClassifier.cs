using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>Reads a [GenesysApi] interface into the equatable <see cref="InterfaceFacts"/> the endpoint rules classify,
/// deciding the interface-level rules on the way (so it sits in Rules/, above the readers it drives): whether a client can
/// be generated (<see cref="InterfaceRules"/>), its name (<see cref="ClientNames"/>), whether its JsonContext is usable
/// (<see cref="JsonContract"/>), and the stub a property or event becomes (<see cref="MemberRules"/>). Each method's facts
/// and every type those mention come from <see cref="SymbolReader"/>. The generator runs only this on every compilation;
/// the analyzers run the same, keeping what else they need in an <see cref="InterfaceReading"/>. Never throws on broken
/// input.</summary>
internal static class InterfaceClassifier
{
    /// <summary>Reads the interface's facts. Null when nothing can be generated into it; with <paramref name="reading"/> (the
    /// analyzers), its members are read even then, and <paramref name="reading"/> holds what else it found.</summary>
    public static InterfaceFacts? Read(INamedTypeSymbol api, KnownSymbols known, InterfaceReading? reading, CancellationToken cancellationToken)
    {
        var interfaceProblems = InterfaceRules.Problems(api, known, cancellationToken, out var declaration, out var canClassifyMembers);
        reading?.Problems.AddRange(interfaceProblems);
        if (reading is not null) reading.Declaration = declaration;
        if (!canClassifyMembers || (reading is null && interfaceProblems.Count > 0)) return null;

        var types = new TypeNames();
        var members = new List<MemberFacts>(api.GetMembers().Length);
        // Experimental IDs (and custom [Obsolete] DiagnosticIds) of everything the generated file references.
        var diagnosticIds = new SortedSet<string>(System.StringComparer.Ordinal);
        var markContext = new MarkContext(known, diagnosticIds);
        new SymbolMarks(markContext).Type(api);
        var json = JsonContract.Of(api, known, types, declaration, cancellationToken, out var jsonProblem);
        if (reading is not null)
        {
            reading.Json = json;
            if (jsonProblem is not null) reading.Problems.Add(jsonProblem);
        }
        var reader = new SymbolReader(markContext, types, ParameterBinding.Of, json is null ? null : json.Lacks, cancellationToken);
        var needsUnsafe = false;
        var interfaceScopes = new Dictionary<INamedTypeSymbol, EquatableArray<string>>(SymbolEqualityComparer.Default);
        foreach (var (declaring, member) in MembersToImplement(api))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var interfaceName = types.Of(declaring);
            // An explicit implementation references its interface, the member and every type of its signature.
            var marks = new SymbolMarks(markContext).Type(declaring);
            var at = reading is null ? Location.None : member.Locations.FirstOrDefault(l => l.IsInSource) ?? declaration;
            if (member is not IMethodSymbol) marks.Member(member);   // a method's are read with its other attributes
            switch (member)
            {
                case IMethodSymbol method:
                    if (!interfaceScopes.TryGetValue(declaring, out var scopes))
                        interfaceScopes[declaring] = scopes = AttributeArguments.Scopes(KnownSymbols.Find(declaring, known.RequiresScope)).ToEquatableArray();
                    var facts = reader.Method(method, interfaceName, scopes, marks);
                    needsUnsafe |= reader[facts.ReturnType].NeedsUnsafe;
                    foreach (var parameter in facts.Parameters) needsUnsafe |= reader[parameter.Type].NeedsUnsafe;
                    members.Add(new MemberFacts(facts, null));
                    reading?.Members.Add((declaring, member, at, null));
                    break;
                case IPropertySymbol property:
                    marks.Type(property.Type);
                    foreach (var parameter in property.Parameters) marks.Type(parameter.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(property.Type) || property.Parameters.Any(p => Signatures.NeedsUnsafe(p.Type));
                    List<Problem> propertyProblems = [MemberRules.NotAMethod(property, at)];
                    members.Add(new MemberFacts(null, new StubModel(property.IsIndexer ? StubKind.Indexer : StubKind.Property, interfaceName, Identifier.Escape(property.Name),
                        Signatures.ReturnPrefix(property) + types.Of(property.Type), "", Signatures.Parameters(property.Parameters, known, types), "",
                        Signatures.Attributes(property, known), property.GetMethod is not null, property.SetMethod is not null, property.SetMethod?.IsInitOnly == true,
                        Problem.Explain(propertyProblems), marks.Marks)));
                    reading?.Members.Add((declaring, member, at, propertyProblems));
                    break;
                case IEventSymbol @event:
                    marks.Type(@event.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(@event.Type);
                    List<Problem> eventProblems = [MemberRules.NotAMethod(@event, at)];
                    members.Add(new MemberFacts(null, new StubModel(StubKind.Event, interfaceName, Identifier.Escape(@event.Name), types.Of(@event.Type),
                        "", "", "", "", false, false, false, Problem.Explain(eventProblems), marks.Marks)));
                    reading?.Members.Add((declaring, member, at, eventProblems));
                    break;
            }
        }

        var interfaceFacts = new InterfaceFacts(interfaceProblems.Count > 0 ? null : Shell(api, known, types, reader.Symbols, needsUnsafe, json, diagnosticIds, cancellationToken),
            json?.Context.ToDisplayString(), reader.Types, members.ToEquatableArray());
        if (reading is not null) reading.Facts = interfaceFacts;
        return interfaceFacts.Shell is null ? null : interfaceFacts;
    }

    /// <summary>The model's interface-level part (no endpoints or stubs yet).</summary>
    private static ApiModel Shell(INamedTypeSymbol api, KnownSymbols known, TypeNames types, IReadOnlyList<ITypeSymbol> readTypes, bool needsUnsafe,
        JsonContract? json, SortedSet<string> diagnosticIds, CancellationToken cancellationToken)
    {
        var fullName = types.Of(api);
        var clientName = ClientNames.Of(api, readTypes);
        // A base [GenesysApi] interface in this compilation gets its own client class, invisible here: hide it when the
        // names meet. (From metadata the base's client is an ordinary member, so ClientNames.Of already avoids it.)
        var hidesBase = api.AllInterfaces.Any(i => i.Locations.Any(l => l.IsInSource) && known.IsGenesysApi(i) &&
                                                   InterfaceRules.CanGenerateInto(i, cancellationToken) && ClientNames.Of(i) == clientName);
        return new ApiModel(
            api.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(api),
            Identifier.Escape(api.Name),
            fullName,
            clientName,
            hidesBase,
            !DeclaresCreate(api, known),
            api.GetMembers("Endpoints").IsEmpty,
            needsUnsafe,
            json?.Name,
            diagnosticIds.ToEquatableArray(),
            EquatableArray<EndpointModel>.Empty,
            EquatableArray<StubModel>.Empty);
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol api)
    {
        var containing = new List<ContainingTypeModel>();
        for (var outer = api.ContainingType; outer is not null; outer = outer.ContainingType)
            containing.Insert(0, new ContainingTypeModel(KeywordOf(outer), Identifier.Escape(outer.Name)));
        return containing.ToEquatableArray();
    }

    /// <summary>Every instance member the client class must implement, each once, with the interface it implements it
    /// for: the abstract members of the interface and its bases (the runtime's aside), and the members a derived
    /// interface re-abstracts (<c>abstract Task M() of IBase</c> written as an explicit abstract member).</summary>
    internal static IEnumerable<(INamedTypeSymbol Declaring, ISymbol Member)> MembersToImplement(INamedTypeSymbol api)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var declaring in new[] { api }.Concat(api.AllInterfaces))
        {
            if (InterfaceRules.IsRuntimeType(declaring)) continue;
            // The interface's own members are each met once: only a base member can also be a re-abstraction's target.
            var own = ReferenceEquals(declaring, api);
            foreach (var member in declaring.GetMembers())
            {
                if (member.IsStatic || !member.IsAbstract) continue;
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol { ExplicitInterfaceImplementations.Length: 0 } or IEventSymbol { ExplicitInterfaceImplementations.Length: 0 }:
                        if (own || seen.Add(member)) yield return (declaring, member);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation, ExplicitInterfaceImplementations: [var target, ..] }:
                        if (target.MethodKind == MethodKind.Ordinary && seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                    case IPropertySymbol { ExplicitInterfaceImplementations: [var target, ..] }:
                        if (seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                    case IEventSymbol { ExplicitInterfaceImplementations: [var target, ..] }:
                        if (seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                }
            }
        }
    }

    /// <summary>The interface declares a member the public static Create(GenesysCloudConnection) would clash with.</summary>
    private static bool DeclaresCreate(INamedTypeSymbol api, KnownSymbols known) =>
        api.GetMembers("Create").Any(m => m is not IMethodSymbol method ||
            (method.Arity == 0 && method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None &&
             KnownSymbols.Is(method.Parameters[0].Type, known.Connection)));

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };
}

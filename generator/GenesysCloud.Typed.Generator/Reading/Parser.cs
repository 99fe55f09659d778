using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator;

/// <summary>Turns a [GenesysApi] interface symbol into an <see cref="ApiModel"/> and the problems that stop parts of it, in
/// two steps: <see cref="Read"/> takes from the symbols what the rules need (<see cref="InterfaceFacts"/>, equatable), and
/// <see cref="Build"/> applies the rules of <see cref="EndpointClassifier"/> to the facts alone. The generator runs the
/// first on every compilation and the second only when the facts changed; it emits the model (a member with problems
/// becomes a stub naming them). The contract analyzer runs both (<see cref="Classify"/>) and reports the problems, at
/// their locations. Never throws on broken input; an interface it cannot extend (not partial, generic, nested in a
/// non-partial type) has no model.</summary>
internal static class Parser
{
    /// <summary>The nested client class's name: "GenesysClient" unless a member of the interface, of a base interface or
    /// the interface itself already uses it.</summary>
    public const string ClientName = "GenesysClient";

    /// <summary>What <see cref="Classify"/> found: the model (null when nothing can be generated) and the problems to
    /// report for this interface (members inherited from another [GenesysApi] interface are reported there).</summary>
    internal sealed class Classification
    {
        public ApiModel? Model { get; set; }
        public List<Problem> Problems { get; } = new();
    }

    /// <summary>The generator's step on every compilation: the interface's facts, or null when nothing is generated for it.</summary>
    public static InterfaceFacts? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } api) return null;
        var known = KnownSymbols.Of(context.SemanticModel.Compilation, context.Attributes.FirstOrDefault()?.AttributeClass);
        // A (wrongly) repeated [GenesysApi] on several partial declarations must still produce one file.
        if (!IsFirstAnnotatedDeclaration(api, context.TargetNode, known, cancellationToken)) return null;
        // A second source type of the same full name (CS0101, already the user's error) would get the same file name.
        if (HasNamesake(api)) return null;
        return ReadFacts(api, known, cancellationToken);
    }

    /// <summary>The facts of an interface a client can be generated into (else null), as the generator reads them.</summary>
    internal static InterfaceFacts? ReadFacts(INamedTypeSymbol api, KnownSymbols known, CancellationToken cancellationToken) =>
        Read(api, known, null, cancellationToken);

    /// <summary>The generator's step when the facts changed: the rules make each method an endpoint or a stub.</summary>
    public static ApiModel Build(InterfaceFacts facts) => Build(facts, out _)!;

    private static ApiModel? Build(InterfaceFacts facts, out List<List<Problem>?> problems)
    {
        var classifier = new EndpointClassifier(facts.Types, facts.JsonContext);
        var endpoints = new List<EndpointModel>(facts.Members.Count);
        var stubs = new List<StubModel>();
        problems = new List<List<Problem>?>(facts.Members.Count);
        foreach (var member in facts.Members)
        {
            if (member.Stub is not null)
            {
                stubs.Add(member.Stub);
                problems.Add(null);
                continue;
            }
            var method = member.Method!;
            var classified = classifier.Classify(method);
            problems.Add(classified.Problems);
            if (classified.Endpoint is not null) endpoints.Add(classified.Endpoint);
            else stubs.Add(MethodStub(method, facts.Types, classified.Problems));
        }
        return facts.Shell is null ? null : facts.Shell with { Endpoints = endpoints.ToEquatableArray(), Stubs = stubs.ToEquatableArray() };
    }

    /// <summary>The analyzers' view: the model and every problem, at its location.</summary>
    public static Classification Classify(INamedTypeSymbol api, KnownSymbols known, CancellationToken cancellationToken)
    {
        var result = new Classification();
        var reading = new Reading();
        var facts = Read(api, known, reading, cancellationToken);
        result.Problems.AddRange(reading.Problems);
        if (reading.Facts is null) return result;

        // The members are classified even when the interface's own problems stop the model.
        var model = Build(reading.Facts, out var memberProblems);
        for (var i = 0; i < reading.Members.Count; i++)
        {
            var (declaring, member, at, ownProblems) = reading.Members[i];
            var problems = ownProblems ?? Resolve(memberProblems[i]!, (IMethodSymbol)member, at, known, reading.Json, cancellationToken);
            // Members of a base [GenesysApi] interface are reported where that interface is analyzed.
            var reportHere = !(member.IsAbstract && !SymbolEqualityComparer.Default.Equals(declaring, api) && known.IsGenesysApi(declaring));
            if (reportHere) result.Problems.AddRange(problems);
            else
            {
                // A base [GenesysApi] interface in this compilation reports its own members' problems; what depends on this
                // interface (its JsonContext) is reported here, on this interface, as is everything of a base compiled
                // elsewhere: either way this client stubs the member, so this build must say why.
                var compiledElsewhere = !declaring.Locations.Any(l => l.IsInSource);
                foreach (var problem in problems)
                    if (compiledElsewhere || problem.Descriptor == Descriptors.MissingJsonContract) result.Problems.Add(problem.At(reading.Declaration));
            }
        }
        result.Problems.AddRange(EndpointsNotImplemented(api, known, reading.Declaration));
        result.Model = facts is null ? null : model;
        return result;
    }

    /// <summary>What reading an interface found besides its facts, for the analyzers: the problems of the interface and of its
    /// members that are not methods, and each member with where its problems go.</summary>
    private sealed class Reading
    {
        public List<Problem> Problems { get; } = new();
        public List<(INamedTypeSymbol Declaring, ISymbol Member, Location At, List<Problem>? Problems)> Members { get; } = new();
        public InterfaceFacts? Facts { get; set; }
        public Location Declaration { get; set; } = Location.None;
        public JsonContract? Json { get; set; }
    }

    /// <summary>Reads the interface's facts. Null when nothing can be generated into it; with <paramref name="reading"/> (the
    /// analyzers), its members are read even then, and <paramref name="reading"/> holds what else it found.</summary>
    private static InterfaceFacts? Read(INamedTypeSymbol api, KnownSymbols known, Reading? reading, CancellationToken cancellationToken)
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
        var reader = new SymbolReader(markContext, types, json, cancellationToken);
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
                        interfaceScopes[declaring] = scopes = EndpointFacts.ScopesOf(KnownSymbols.Find(declaring, known.RequiresScope)).ToEquatableArray();
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
                    List<Problem> propertyProblems = [new Problem(Descriptors.NotAMethod, at, [property.Name, property.IsIndexer ? "an indexer" : "a property"])];
                    members.Add(new MemberFacts(null, new StubModel(property.IsIndexer ? StubKind.Indexer : StubKind.Property, interfaceName, Identifier.Escape(property.Name),
                        Signatures.ReturnPrefix(property) + types.Of(property.Type), "", Signatures.Parameters(property.Parameters, known, types), "",
                        Signatures.Attributes(property, known), property.GetMethod is not null, property.SetMethod is not null, property.SetMethod?.IsInitOnly == true,
                        Explain(propertyProblems), marks.Marks)));
                    reading?.Members.Add((declaring, member, at, propertyProblems));
                    break;
                case IEventSymbol @event:
                    marks.Type(@event.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(@event.Type);
                    List<Problem> eventProblems = [new Problem(Descriptors.NotAMethod, at, [@event.Name, "an event"])];
                    members.Add(new MemberFacts(null, new StubModel(StubKind.Event, interfaceName, Identifier.Escape(@event.Name), types.Of(@event.Type),
                        "", "", "", "", false, false, false, Explain(eventProblems), marks.Marks)));
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
        var clientName = ClientNameOf(api, readTypes);
        // A base [GenesysApi] interface in this compilation gets its own client class, invisible here: hide it when the
        // names meet. (From metadata the base's client is an ordinary member, so ClientNameOf already avoids it.)
        var hidesBase = api.AllInterfaces.Any(i => i.Locations.Any(l => l.IsInSource) && known.IsGenesysApi(i) &&
                                                   InterfaceRules.CanGenerateInto(i, cancellationToken) && ClientNameOf(i) == clientName);
        return new ApiModel(
            api.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(api),
            Identifier.Escape(api.Name),
            fullName,
            HintNames.Natural(fullName),
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

    /// <summary>The problems of a method at their locations: its name (<paramref name="at"/>), a parameter, an attribute.</summary>
    private static List<Problem> Resolve(List<Problem> problems, IMethodSymbol method, Location at, KnownSymbols known, JsonContract? json,
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
            SiteKind.JsonContext => json?.Context.Locations.FirstOrDefault(l => l.IsInSource),
            _ => at,
        };
        return problems.Select(p => p.Resolve(Where)).ToList();
    }

    /// <summary>Methods declared as endpoints (an HTTP method attribute) that the client cannot implement: static ones, and
    /// ones with a body (a default implementation the client does not replace). Without this they would vanish silently.</summary>
    private static IEnumerable<Problem> EndpointsNotImplemented(INamedTypeSymbol api, KnownSymbols known, Location declaration)
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

    /// <summary>"the route is empty (GCT0105); generic methods … (GCT0114)": every problem of a stubbed member.</summary>
    private static string Explain(List<Problem> problems) => string.Join("; ", problems.Select(p => p.Explanation));

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

    /// <summary>The name of the client class generated into <paramref name="api"/>: a nested type may not share its name with
    /// a member of the interface (CS0102), hide a base interface's member without 'new' (CS0108), or be named like the
    /// interface (CS0542). The same rule run on a base [GenesysApi] interface tells whether this client hides that one's.</summary>
    /// <param name="readTypes">Every type of the signatures of the interface's abstract methods, each once (the reader's
    /// table), so those methods are not walked again; null to walk every member.</param>
    internal static string ClientNameOf(INamedTypeSymbol api, IReadOnlyList<ITypeSymbol>? readTypes = null)
    {
        var name = ClientName;
        for (var i = 1; IsTaken(name); i++) name = ClientName + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;

        // Looked up by name (GetMembers(name) includes nested types), not by listing every member: this runs on every compilation.
        bool IsTaken(string candidate)
        {
            if (api.Name == candidate || !api.GetMembers(candidate).IsEmpty) return true;
            foreach (var type in api.AllInterfaces)
                if (!type.GetMembers(candidate).IsEmpty) return true;
            // A name written anywhere in the interface's declarations (a type, an alias, a qualifier, an attribute argument,
            // a default value, a helper's body): inside the interface a nested class of that name would be found first and
            // take its place. Read from the text (a name in a comment only costs the client a suffix); the signatures' types
            // are also read as symbols, for a name spelled with escapes.
            foreach (var reference in api.DeclaringSyntaxReferences)
                if (TextContains(reference.SyntaxTree, reference.Span, candidate)) return true;
            var mentions = new SignatureNames(candidate);
            if (readTypes is not null)
                foreach (var type in readTypes)
                    if (mentions.In(type)) return true;
            foreach (var member in api.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAbstract: true } when readTypes is not null:
                        break;
                    case IMethodSymbol method:
                        if (mentions.In(method.ReturnType)) return true;
                        foreach (var parameter in method.Parameters)
                            if (mentions.In(parameter.Type)) return true;
                        break;
                    case IPropertySymbol property:
                        if (mentions.In(property.Type)) return true;
                        foreach (var parameter in property.Parameters)
                            if (mentions.In(parameter.Type)) return true;
                        break;
                    case IEventSymbol @event:
                        if (mentions.In(@event.Type)) return true;
                        break;
                }
            }
            return false;
        }
    }

    /// <summary><paramref name="value"/> occurs in <paramref name="span"/> of <paramref name="tree"/>'s text, read in chunks
    /// (the declaration of a large interface is never copied into one string). Remembered per tree: a tree's text never
    /// changes, and an edit elsewhere leaves the interface's tree the same object.</summary>
    private static bool TextContains(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, string value)
    {
        var answers = TextAnswers.GetValue(tree, _ => new System.Collections.Concurrent.ConcurrentDictionary<(int, int, string), bool>());
        if (answers.TryGetValue((span.Start, span.Length, value), out var known)) return known;
        return answers[(span.Start, span.Length, value)] = Search(tree.GetText(), span, value);

        static bool Search(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span, string value)
        {
            if (span.Length < value.Length) return false;
            var buffer = new char[System.Math.Min(span.Length, 4096)];
            for (var start = span.Start; ; start += buffer.Length - value.Length + 1)
            {
                var count = System.Math.Min(buffer.Length, span.End - start);
                text.CopyTo(start, buffer, 0, count);
                if (System.MemoryExtensions.IndexOf(new System.ReadOnlySpan<char>(buffer, 0, count), System.MemoryExtensions.AsSpan(value), System.StringComparison.Ordinal) >= 0) return true;
                if (start + count >= span.End) return false;
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, System.Collections.Concurrent.ConcurrentDictionary<(int, int, string), bool>> TextAnswers = new();

    /// <summary>Whether a type as written in a signature uses a name: the type, a type argument or element, a containing
    /// type, or a namespace that holds it. Each type definition's chain of names is read once (signatures repeat types).</summary>
    private sealed class SignatureNames
    {
        private readonly string _name;
        private readonly HashSet<ISymbol> _read = new(SymbolEqualityComparer.Default);

        public SignatureNames(string name) => _name = name;

        public bool In(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return In(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return In(pointer.PointedAtType);
                case INamedTypeSymbol named:
                    if (_read.Add(named.OriginalDefinition))
                    {
                        for (ISymbol? outer = named; outer is not null and not INamespaceSymbol { IsGlobalNamespace: true }; outer = outer.ContainingSymbol)
                            if (outer.Name == _name) return true;
                    }
                    foreach (var argument in named.TypeArguments)
                        if (In(argument)) return true;
                    return false;
                default:
                    return type.Name == _name;
            }
        }
    }

    /// <summary>The interface declares a member the public static Create(GenesysCloudConnection) would clash with.</summary>
    private static bool DeclaresCreate(INamedTypeSymbol api, KnownSymbols known) =>
        api.GetMembers("Create").Any(m => m is not IMethodSymbol method ||
            (method.Arity == 0 && method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None &&
             KnownSymbols.Is(method.Parameters[0].Type, known.Connection)));

    private static StubModel MethodStub(MethodFacts method, EquatableArray<TypeFacts> types, List<Problem> problems)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => Signatures.Declaration(p, types[p.Type].Name)));
        if (method.IsVararg) parameters += parameters.Length == 0 ? "__arglist" : ", __arglist";
        return new StubModel(StubKind.Method, method.InterfaceName, Identifier.Escape(method.Name), method.RefReturn + types[method.ReturnType].Name,
            method.TypeParameters, parameters, method.Constraints, method.ReturnAttributes, false, false, false, Explain(problems), method.Marks);
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

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };
}

internal static class HeaderName
{
    /// <summary>An RFC 9110 token: visible ASCII without separators.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var c in name!)
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0) return false;
        return true;
    }
}

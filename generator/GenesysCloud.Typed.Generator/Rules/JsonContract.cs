using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The <c>JsonSerializerContext</c> an interface names in <c>[GenesysApi(JsonContext = typeof(…))]</c> and the types
/// it has contracts for: those it declares with [JsonSerializable], and what System.Text.Json generates alongside them
/// (property and field types, collection elements, type arguments, [JsonDerivedType]s). The set errs on the generous
/// side: a type it holds that the context lacks is found at run time as before, but a type it lacks is surely missing.</summary>
internal sealed class JsonContract
{
    /// <summary>Diagnostic property of GCT0122: the missing type as C# (for the code fix).</summary>
    public const string TypeKey = "JsonType";

    private const int MaxTypes = 10_000;   // a bound on the walk, for pathological models

    // The types the context declares ([JsonSerializable]); the walk from them (properties, elements, type arguments,
    // derived types) only when a type is not one of them: the walk reads every model's members, and a context that lists
    // what the endpoints send and read never needs it (the generator reads contracts on every compilation).
    private readonly HashSet<ITypeSymbol> _declared;
    private readonly System.Lazy<HashSet<ITypeSymbol>> _covered;
    // The covered types as typeof spells them: to System.Text.Json, dynamic is object and tuple element names do not exist.
    private readonly System.Lazy<HashSet<string>> _spellings;

    // What a context covers depends only on the compilation (KnownSymbols is one per compilation) and the context: read
    // once and shared by every interface naming it (a scaffolded API has 80 interfaces on one context of 5,000 types).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnownSymbols,
        System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, Coverage>> Coverages = new();

    private sealed class Coverage
    {
        public Coverage(INamedTypeSymbol context, KnownSymbols known)
        {
            Declared = JsonContract.Declared(context, known);
            Covered = new System.Lazy<HashSet<ITypeSymbol>>(() => JsonContract.Covered(Declared, known));
            Spellings = new System.Lazy<HashSet<string>>(() => new HashSet<string>(Covered.Value.Select(t => TypeOfSpelling(t))));
        }

        public HashSet<ITypeSymbol> Declared { get; }
        public System.Lazy<HashSet<ITypeSymbol>> Covered { get; }
        public System.Lazy<HashSet<string>> Spellings { get; }
    }

    private JsonContract(INamedTypeSymbol context, string name, KnownSymbols known)
    {
        Context = context;
        Name = name;
        var coverage = Coverages.GetValue(known, static _ => new(SymbolEqualityComparer.Default))
            .GetOrAdd(context, c => new Coverage(c, known));
        _declared = coverage.Declared;
        _covered = coverage.Covered;
        _spellings = coverage.Spellings;
    }

    public INamedTypeSymbol Context { get; }

    /// <summary>How generated code names the context (global::…).</summary>
    public string Name { get; }

    /// <summary>The context <paramref name="api"/> names, or null (none named, or not usable: then <paramref name="problem"/>
    /// says why and the client falls back to the connection's options).</summary>
    public static JsonContract? Of(INamedTypeSymbol api, KnownSymbols known, TypeNames types, Location at, System.Threading.CancellationToken cancellationToken,
        out Problem? problem)
    {
        problem = null;
        var attribute = KnownSymbols.Find(api, known.GenesysApi);
        var named = attribute?.NamedArguments.Where(n => n.Key == "JsonContext").ToList();
        if (named is not { Count: > 0 }) return null;
        var value = named[named.Count - 1].Value;
        if (value.IsNull && value.Kind != TypedConstantKind.Error) return null;   // JsonContext = null: none
        var where = attribute!.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? at;
        // A context the interface cannot access binds to an error type whose candidate is the context.
        if (value.Value is IErrorTypeSymbol { CandidateReason: CandidateReason.Inaccessible, CandidateSymbols: [INamedTypeSymbol hidden] })
        {
            problem = new Problem(Descriptors.BadJsonContext, where, [api.Name, $"{hidden.ToDisplayString()}, which the interface cannot see"]);
            return null;
        }
        string? why = value.Value is not INamedTypeSymbol context || context.TypeKind == TypeKind.Error ? "not a type"
            : !DerivesFrom(context.IsUnboundGenericType ? context.OriginalDefinition : context, known.JsonSerializerContext) ? $"{context.ToDisplayString()}, which is not a JsonSerializerContext"
            : context.IsAbstract || context.IsUnboundGenericType || context.IsGenericType ? $"{context.ToDisplayString()}, which is abstract or generic"
            : !IsVisibleFrom(context, api, known.Compilation) ? $"{context.ToDisplayString()}, which the interface cannot see"
            : null;
        if (why is not null)
        {
            problem = new Problem(Descriptors.BadJsonContext, where, [api.Name, why]);
            return null;
        }
        var resolved = (INamedTypeSymbol)value.Value!;
        return new JsonContract(resolved, types.Of(resolved), known);
    }

    /// <summary>The context has (or generates) a contract for <paramref name="type"/>.</summary>
    public bool Covers(ITypeSymbol type) =>
        _declared.Contains(type) || _covered.Value.Contains(type) || _spellings.Value.Contains(TypeOfSpelling(type));

    /// <summary>How GCT0122 names <paramref name="type"/> when the context lacks it; null when it has a contract for it.</summary>
    public JsonMissingFacts? Lacks(ITypeSymbol type) => Covers(type) ? null : MissingFacts(type);

    /// <summary>How GCT0122 names <paramref name="type"/>, which the context lacks.</summary>
    public static JsonMissingFacts MissingFacts(ITypeSymbol type) =>
        new(TypeOfSpelling(type, SymbolDisplayFormat.CSharpErrorMessageFormat), TypeOfSpelling(type));

    /// <summary>GCT0122 for a type <paramref name="method"/> sends or reads as <paramref name="role"/>, which the context
    /// <paramref name="context"/> lacks; the fix edits the context, the second site.</summary>
    public static Problem Missing(JsonMissingFacts type, string context, string method, string role, Site at) =>
        new(Descriptors.MissingJsonContract, at, [method, role, type.Display, context],
            ImmutableDictionary<string, string?>.Empty.Add(TypeKey, type.TypeOf), Site.JsonContext);

    /// <summary>How many types the walk of the context visited (for tests: the walk stays small).</summary>
    internal int CoveredCount => _covered.Value.Count;

    /// <summary>Whether the walk of the context's models has been made (for tests: a context that declares what is asked
    /// for is never walked).</summary>
    internal bool Walked => _covered.IsValueCreated;

    /// <summary>Breadth-first, so the types the context declares come first whatever the bound. A construction of a generic
    /// type nested more than one level deeper than its shallowest construction seen (Node&lt;Node&lt;Node&lt;User&gt;&gt;&gt;
    /// after Node&lt;User&gt;, of a Node&lt;T&gt; whose child is a Node&lt;Node&lt;T&gt;&gt;) counts as covered but is not
    /// walked: each level would only nest one deeper, without end.</summary>
    /// <summary><paramref name="type"/> as typeof(…) accepts it: dynamic is object, no '?' on a reference type, no tuple
    /// element names (the code fix writes it into [JsonSerializable(typeof(…))]).</summary>
    internal static string TypeOfSpelling(ITypeSymbol type, SymbolDisplayFormat? format = null)
    {
        format = (format ?? SymbolDisplayFormat.FullyQualifiedFormat).RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        var builder = new System.Text.StringBuilder();
        var parts = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayParts(format);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Kind == SymbolDisplayPartKind.FieldName && part.Symbol is IFieldSymbol { ContainingType.IsTupleType: true })
            {
                if (builder.Length > 0 && builder[builder.Length - 1] == ' ') builder.Length--;   // "(int a" → "(int"
                continue;
            }
            if (part.Kind == SymbolDisplayPartKind.Keyword && part.ToString() == "dynamic") builder.Append("object");
            else if (part.Kind == SymbolDisplayPartKind.Punctuation && part.ToString() == "?" && i > 0 && parts[i - 1].Symbol is ITypeSymbol { IsReferenceType: true }) continue;
            else builder.Append(part.ToString());
        }
        return builder.ToString();
    }

    private static HashSet<ITypeSymbol> Declared(INamedTypeSymbol context, KnownSymbols known)
    {
        var declared = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var attribute in context.GetAttributes())
            if (KnownSymbols.Is(attribute.AttributeClass, known.JsonSerializable) && attribute.ConstructorArguments is [{ Value: ITypeSymbol root }, ..] &&
                root.TypeKind != TypeKind.Error)
                declared.Add(root);
        return declared;
    }

    private static HashSet<ITypeSymbol> Covered(HashSet<ITypeSymbol> declared, KnownSymbols known)
    {
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<ITypeSymbol>(declared);
        var shallowest = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && covered.Count < MaxTypes)
        {
            var type = pending.Dequeue();
            if (type.TypeKind == TypeKind.Error || !covered.Add(type)) continue;
            switch (type)
            {
                case IArrayTypeSymbol array:
                    pending.Enqueue(array.ElementType);
                    continue;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments) pending.Enqueue(argument);
                    // A generic definition is walked at most one level deeper than its shallowest construction.
                    if (named.IsGenericType)
                    {
                        var depth = Depth(named);
                        if (shallowest.TryGetValue(named.OriginalDefinition, out var least) && depth > least + 1) continue;
                        if (!shallowest.ContainsKey(named.OriginalDefinition) || depth < least) shallowest[named.OriginalDefinition] = depth;
                    }
                    break;
            }
            foreach (var attribute in type.GetAttributes())
                if (KnownSymbols.Is(attribute.AttributeClass, known.JsonDerivedType) && attribute.ConstructorArguments is [{ Value: ITypeSymbol derived }, ..])
                    pending.Enqueue(derived);
            // The framework's own types are primitives or collections to System.Text.Json: their members are not walked.
            if (IsFramework(type)) continue;
            // A model that is a collection or dictionary (UserList : List<User>, a class implementing IEnumerable<User>) has
            // contracts for its elements, keys and values.
            foreach (var implemented in type.AllInterfaces)
                if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
                    KnownSymbols.IsDefinition(implemented, known.DictionaryOfT) || KnownSymbols.IsDefinition(implemented, known.ReadOnlyDictionaryOfT))
                    foreach (var argument in implemented.TypeArguments) pending.Enqueue(argument);
            foreach (var declaring in MembersOf(type))
                foreach (var member in declaring.GetMembers())
                {
                    if (member.IsStatic || !Serialized(member, known)) continue;
                    if (member is IPropertySymbol { IsIndexer: false } property) pending.Enqueue(property.Type);
                    else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field) pending.Enqueue(field.Type);
                }
        }
        return covered;
    }

    /// <summary>The types whose members System.Text.Json writes for <paramref name="type"/>: a class and its base classes;
    /// an interface and the interfaces it extends.</summary>
    private static IEnumerable<ITypeSymbol> MembersOf(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            yield return type;
            foreach (var extended in type.AllInterfaces) yield return extended;
            yield break;
        }
        for (var current = type; current is not null; current = current.BaseType) yield return current;
    }

    /// <summary>How deeply arrays and type arguments nest in <paramref name="type"/> (User 0, User[] and Node&lt;User&gt; 1).
    /// A type nested in a generic one (Page&lt;User&gt;.Meta) is "generic" to Roslyn but has no type arguments of its own:
    /// it counts its containing type's.</summary>
    private static int Depth(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => 1 + Depth(array.ElementType),
        // Outer<List<User>>.Inner nests as deeply as its outer type: else Outer<T>.Inner with a Outer<List<T>>.Inner
        // property would nest one deeper at every step, unbounded.
        INamedTypeSymbol named => System.Math.Max(named.TypeArguments.IsEmpty ? 0 : 1 + named.TypeArguments.Max(Depth),
            named.ContainingType is { } outer ? Depth(outer) : 0),
        _ => 0,
    };

    /// <summary>A member System.Text.Json writes: public (fields too, in case the context includes fields) or [JsonInclude],
    /// and not [JsonIgnore] (whose default condition is Always).</summary>
    private static bool Serialized(ISymbol member, KnownSymbols known)
    {
        var included = false;
        foreach (var attribute in member.GetAttributes())
        {
            if (KnownSymbols.Is(attribute.AttributeClass, known.JsonInclude)) included = true;
            else if (KnownSymbols.Is(attribute.AttributeClass, known.JsonIgnore) &&
                     attribute.NamedArguments.FirstOrDefault(n => n.Key == "Condition").Value.Value is null or 1)   // JsonIgnoreCondition.Always
                return false;
        }
        return included || member.DeclaredAccessibility == Accessibility.Public;
    }

    private static bool IsFramework(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false }) ns = ns.ContainingNamespace;
        return ns is { Name: "System" } || type.SpecialType != SpecialType.None;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (KnownSymbols.Is(current, baseType)) return true;
        return false;
    }

    /// <summary>Generated code inside <paramref name="api"/> can name the context: C#'s own accessibility from there (a
    /// protected context of a base class of the interface's containing type is), and no file-local type on the way (the
    /// generated code is another file).</summary>
    private static bool IsVisibleFrom(INamedTypeSymbol context, INamedTypeSymbol api, Compilation compilation)
    {
        for (INamedTypeSymbol? type = context; type is not null; type = type.ContainingType)
            if (type.IsFileLocal) return false;
        return compilation.IsSymbolAccessibleWithin(context, api);
    }
}

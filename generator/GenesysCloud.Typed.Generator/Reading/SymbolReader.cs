using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Reads what the endpoint rules need of an interface's methods from their symbols: attributes as written, each
/// parameter's requested binding and value, and every type once (a table the facts index). This is all the generator
/// does on every compilation; the rules and the emitter then run only when these facts change. It reads no more than the
/// rules use: a diagnostic's spelling of a type, a body's shape or a JSON contract only where a rule may need them.</summary>
internal sealed class SymbolReader
{
    private readonly KnownSymbols _known;
    private readonly MarkContext _marks;
    private readonly TypeNames _types;
    private readonly BindingRule _binding;
    private readonly JsonCoverage? _json;
    private readonly CancellationToken _cancellationToken;
    // The comparer tells nullability apart but not tuple names, dynamic or nint (spelled differently): those are not shared
    // (as in TypeNames).
    private readonly Dictionary<ITypeSymbol, int> _index = new(SymbolEqualityComparer.IncludeNullability);
    private readonly List<TypeFacts> _table = new();
    private readonly List<ITypeSymbol> _symbols = new();
    // How each type becomes route/header text, and query text (read once per type, as the rules need them).
    private readonly List<(bool Read, ValueModel? Value)> _scalars = new(), _queryValues = new();
    private HashSet<int>? _jsonRead;
    private Dictionary<string, EquatableArray<string>>? _scopes;

    /// <param name="binding">The rule for what a parameter binds to (what is read of it depends on that).</param>
    /// <param name="json">What the interface's JsonContext lacks; null without a usable context.</param>
    public SymbolReader(MarkContext marks, TypeNames types, BindingRule binding, JsonCoverage? json, CancellationToken cancellationToken)
    {
        _known = marks.Known;
        _marks = marks;
        _types = types;
        _binding = binding;
        _json = json;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Every type read so far, in the order the facts index them.</summary>
    public EquatableArray<TypeFacts> Types => new(_table.ToImmutableArray());

    public TypeFacts this[int index] => _table[index];

    /// <summary>The types read so far, each once (a tuple, say, may appear once per use).</summary>
    public IReadOnlyList<ITypeSymbol> Symbols => _symbols;

    /// <summary>The index of <paramref name="type"/>'s facts, read on first use.</summary>
    public int TypeOf(ITypeSymbol type)
    {
        if (_index.TryGetValue(type, out var index)) return index;
        index = _table.Count;
        _table.Add(null!);
        _symbols.Add(type);
        _scalars.Add(default);
        _queryValues.Add(default);
        if (TypeNames.IsPlain(type)) _index[type] = index;
        var (kind, result) = ReturnOf(type);
        var nullableOf = KnownSymbols.NullableOf(type);
        _table[index] = new TypeFacts(_types.Of(type), SymbolMarks.Of(type, _marks), KnownSymbols.Is(type, _known.CancellationToken),
            nullableOf is not null && KnownSymbols.Is(nullableOf, _known.CancellationToken), Signatures.NeedsUnsafe(type), kind,
            result is null ? -1 : TypeOf(result), Signatures.NotSerializable(type));
        return index;
    }

    /// <summary>The method's facts. <paramref name="marks"/>: those of its interface (the member's own and its signature's types are added).</summary>
    public MethodFacts Method(IMethodSymbol method, string interfaceName, EquatableArray<string> interfaceScopes, SymbolMarks marks)
    {
        // One pass over the method's attributes.
        var httpCount = 0;
        string? httpMethod = null, route = null;
        AttributeData? paging = null, job = null, requiresScope = null;
        var idempotent = false;
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (_known.HttpMethodOf(type) is { } verbName)
            {
                if (++httpCount > 1) continue;
                httpMethod = verbName;
                route = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            }
            else if (paging is null && KnownSymbols.Is(type, _known.Paging)) paging = attribute;
            else if (job is null && KnownSymbols.Is(type, _known.AsyncJob)) job = attribute;
            else if (requiresScope is null && KnownSymbols.Is(type, _known.RequiresScope)) requiresScope = attribute;
            else if (KnownSymbols.Is(type, _known.Idempotent)) idempotent = true;
            else marks.Attribute(attribute);
        }
        if (httpCount != 1) httpMethod = route = null;

        var returnType = TypeOf(method.ReturnType);
        marks.Add(_table[returnType].Marks);
        var byRef = method.ReturnsByRef || method.ReturnsByRefReadonly;
        string? returnMessage = null;
        if (byRef || _table[returnType].ReturnKind is null) returnMessage = Message(returnType);
        else if (_table[returnType].Result is var result and >= 0)
        {
            if (_table[result].NotSerializable is not null) Message(result);
            else ReadJson(result);
        }
        var pagingFacts = paging is null ? null : Paging(paging);
        var search = pagingFacts?.Style is { } style && PagingDefaults.PagesInBody(style);

        var symbols = method.Parameters;
        var parameters = symbols.Length == 0 ? null : ImmutableArray.CreateBuilder<ParameterFacts>(symbols.Length);
        foreach (var parameter in symbols)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var facts = Parameter(parameter);
            marks.Add(_table[facts.Type].Marks);
            // The rules check a search's [Body] (the first, when there are more: more is its own error).
            if (search && facts.HasBody && !SearchBody(facts.Type)) Message(facts.Type);
            parameters!.Add(facts);
        }

        return new MethodFacts(method.Name, interfaceName, interfaceScopes, marks.Marks, method.IsGenericMethod, method.IsVararg,
            Signatures.ReturnPrefix(method), returnType, returnMessage, Signatures.ReturnAttributes(method, _known), httpCount, httpMethod, route,
            pagingFacts, job is null ? null : Job(job), Scopes(requiresScope), idempotent,
            parameters is null ? EquatableArray<ParameterFacts>.Empty : new EquatableArray<ParameterFacts>(parameters.MoveToImmutable()),
            method.IsGenericMethod ? TypeParameters(method) : "", method.IsGenericMethod ? Signatures.Constraints(method) : "");
    }

    /// <summary>The method's own [RequiresScope] scopes; the same array for every method that lists the same ones.</summary>
    private EquatableArray<string> Scopes(AttributeData? requiresScope)
    {
        var scopes = AttributeArguments.Scopes(requiresScope);
        if (scopes.Count == 0) return EquatableArray<string>.Empty;
        var key = string.Join("\n", scopes);
        if (!(_scopes ??= new Dictionary<string, EquatableArray<string>>()).TryGetValue(key, out var shared))
            _scopes[key] = shared = scopes.ToEquatableArray();
        return shared;
    }

    private ParameterFacts Parameter(IParameterSymbol parameter)
    {
        var type = TypeOf(parameter.Type);
        // One pass over the parameter's attributes.
        AttributeData? query = null, header = null;
        bool body = false, allowNull = false, nullability = false;
        var attributes = parameter.GetAttributes();
        foreach (var attribute in attributes)
        {
            var attributeClass = attribute.AttributeClass;
            if (query is null && KnownSymbols.Is(attributeClass, _known.Query)) query = attribute;
            else if (header is null && KnownSymbols.Is(attributeClass, _known.Header)) header = attribute;
            else if (KnownSymbols.Is(attributeClass, _known.Body)) body = true;
            else nullability |= attributeClass is not null && _known.NullabilityAttributes.Contains(attributeClass);
            allowNull |= KnownSymbols.Is(attributeClass, _known.AllowNull);
        }
        var facts = _table[type];
        // What is read depends on the binding the rule gives the parameter: no more than the classifier will check.
        var role = _binding(parameter.RefKind, query is not null, header is not null, body, facts.IsCancellationToken || facts.IsNullableCancellationToken);

        string? key = null;
        QueryCollectionFormat? format = QueryCollectionFormat.Multi;
        var formatWritten = "";
        ValueModel? value = null;
        switch (role)
        {
            case ParameterRole.Body:
                if (facts.NotSerializable is not null || facts.IsCancellationToken || facts.IsNullableCancellationToken) Message(type);
                else ReadJson(type);
                break;
            case ParameterRole.Query:
                key = query!.ConstructorArguments.Length == 1 ? query.ConstructorArguments[0].Value as string : parameter.Name;
                value = Value(_queryValues, type, ValueClassifier.ScalarOrCollection);
                format = AttributeArguments.QueryFormat(query);
                if (format is null) formatWritten = AttributeArguments.Display(AttributeArguments.LastNamed(query, "Format")!.Value);
                break;
            case ParameterRole.Header:
                key = header!.ConstructorArguments.Length == 1 ? header.ConstructorArguments[0].Value as string : null;
                value = Value(_scalars, type, ValueClassifier.Scalar);
                break;
            case ParameterRole.Route:
                // A route value when the route names it (the rules decide); unbound otherwise.
                value = Value(_scalars, type, ValueClassifier.Scalar);
                break;
        }
        if (value is null && role is ParameterRole.Query or ParameterRole.Header or ParameterRole.Route) Message(type);
        return new ParameterFacts(parameter.Name, parameter.RefKind, type, query is not null, header is not null, body, key, format, formatWritten, allowNull, value,
            nullability ? Signatures.Attributes(parameter, _known) : "", parameter.IsParams, Scoped(parameter));
    }

    /// <summary>An explicit 'scoped' to repeat: only a ref, a ref struct or a type parameter (allows ref struct) can be
    /// scoped ('out' is implicitly), and Roslyn computes the scope on every read.</summary>
    private static bool Scoped(IParameterSymbol parameter) =>
        parameter.RefKind != RefKind.Out &&
        (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type is ITypeParameterSymbol) &&
        parameter.ScopedKind != ScopedKind.None;

    private static PagingFacts Paging(AttributeData paging)
    {
        var style = AttributeArguments.PagingStyle(paging);
        var items = AttributeArguments.ItemsProperty(paging);
        return new PagingFacts(style,
            style is not null ? "" : paging.ConstructorArguments.Length == 1 ? AttributeArguments.Display(paging.ConstructorArguments[0]) : "missing",
            items, items is not null ? "" : AttributeArguments.Display(AttributeArguments.LastNamed(paging, "ItemsProperty")!.Value));
    }

    private static JobFacts Job(AttributeData job)
    {
        var items = job.ConstructorArguments.Length == 1 && job.ConstructorArguments[0].Value is string { Length: > 0 } name ? name : null;
        (bool, string?) Path(string key)
        {
            foreach (var named in job.NamedArguments)
                if (named.Key == key) return named.Value.Value is null ? (false, null) : (true, named.Value.Value as string);
            return (false, null);
        }
        var (hasStatus, status) = Path("StatusPath");
        var (hasResults, results) = Path("ResultsPath");
        return new JobFacts(items, hasStatus, status, hasResults, results);
    }

    private static string TypeParameters(IMethodSymbol method)
    {
        var names = new List<string>(method.TypeParameters.Length);
        foreach (var typeParameter in method.TypeParameters) names.Add(Identifier.Escape(typeParameter.Name));
        return "<" + string.Join(", ", names) + ">";
    }

    /// <summary>A value classification of the type, read once.</summary>
    private ValueModel? Value(List<(bool Read, ValueModel? Value)> values, int index, System.Func<ITypeSymbol, MarkContext, ValueModel?> classify)
    {
        if (!values[index].Read) values[index] = (true, classify(_symbols[index], _marks));
        return values[index].Value;
    }

    /// <summary>How a diagnostic spells the type, read once.</summary>
    private string Message(int index)
    {
        var facts = _table[index];
        if (facts.Message is null) _table[index] = facts = facts with { Message = _symbols[index].ToDisplayString() };
        return facts.Message!;
    }

    /// <summary>Whether the type is among the JsonContext's contracts (and how to name it when not), read once.</summary>
    private void ReadJson(int index)
    {
        if (_json is null || !(_jsonRead ??= new HashSet<int>()).Add(index)) return;
        var type = _symbols[index];
        // A generic method's T has no contract to declare (typeof(T) does not compile there); GCT0114 says why it is stubbed.
        if (Signatures.Contains(type, static t => t is ITypeParameterSymbol)) return;
        if (_json(type) is { } missing) _table[index] = _table[index] with { JsonMissing = missing };
    }

    /// <summary>Whether a search body can be a JSON object, read once.</summary>
    private bool SearchBody(int index)
    {
        var facts = _table[index];
        if (facts.CanBeJsonObject is null) _table[index] = facts = facts with { CanBeJsonObject = CanBeJsonObject(_symbols[index]) };
        return facts.CanBeJsonObject!.Value;
    }

    /// <summary>False for what serializes as a JSON string, number or array: scalars, arrays and non-dictionary collections.</summary>
    private bool CanBeJsonObject(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol || ValueClassifier.ScalarOrCollection(type, _marks) is not null) return false;
        var interfaces = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? type.AllInterfaces.Add(self) : type.AllInterfaces;
        var dictionary = false;
        var collection = false;
        foreach (var i in interfaces)
        {
            dictionary |= KnownSymbols.Is(i, _known.Dictionary) || KnownSymbols.IsDefinition(i, _known.DictionaryOfT) ||
                          KnownSymbols.IsDefinition(i, _known.ReadOnlyDictionaryOfT);
            collection |= i.OriginalDefinition.SpecialType is SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_Generic_IEnumerable_T;
        }
        // A JsonNode may hold an object; a JsonObject is one (and enumerable).
        return dictionary || !collection || KnownSymbols.Is(type, _known.JsonNode) || KnownSymbols.Is(type, _known.JsonObject);
    }

    /// <summary>The kind of a supported return type and the type read as JSON (the T of Task&lt;T&gt;,
    /// Task&lt;ApiResponse&lt;T&gt;&gt;, IAsyncEnumerable&lt;T&gt; or GenesysPageable&lt;T&gt;); a null kind when unsupported.</summary>
    private (ReturnKind? Kind, ITypeSymbol? Result) ReturnOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return (null, null);
        if (KnownSymbols.Is(named, _known.Task)) return (ReturnKind.Task, null);
        if (named.TypeArguments.Length != 1) return (null, null);
        var argument = named.TypeArguments[0];
        if (KnownSymbols.IsDefinition(named, _known.TaskOfT))
            return argument is INamedTypeSymbol { TypeArguments.Length: 1 } inner && KnownSymbols.IsDefinition(inner, _known.ApiResponse)
                ? (ReturnKind.ApiResponse, inner.TypeArguments[0])
                : (ReturnKind.Value, argument);
        if (KnownSymbols.IsDefinition(named, _known.AsyncEnumerable)) return (ReturnKind.AsyncEnumerable, argument);
        if (KnownSymbols.IsDefinition(named, _known.Pageable)) return (ReturnKind.Pageable, argument);
        if (KnownSymbols.IsDefinition(named, _known.Job)) return (ReturnKind.Job, argument);
        return (null, null);
    }
}

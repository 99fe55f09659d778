namespace GenesysCloud.Typed.Generator.Model;

// The equatable model between Parser and Emitter: strings, numbers and EquatableArrays only — no ISymbol,
// SyntaxNode, Location or Compilation — so an edit elsewhere leaves it equal and the emit step cached.

/// <summary>One [GenesysApi] interface and everything its client must implement. <paramref name="JsonContext"/>: the
/// JsonSerializerContext the client takes its contracts from (global::…), or null for the connection's options.</summary>
internal sealed record ApiModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    string HintName,
    string ClientName,
    bool ClientHidesBase,
    bool EmitPublicCreate,
    bool EmitPublicEndpoints,
    bool Unsafe,
    string? JsonContext,
    EquatableArray<string> SuppressedDiagnostics,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<StubModel> Stubs);

/// <summary>What a generated member must carry because it references a symbol marked [Obsolete] or
/// [RequiresPreviewFeatures]: the same marker puts it in an obsolete / preview context, where such references are not
/// reported at all (error-level [Obsolete(..., true)] cannot be suppressed any other way).</summary>
internal sealed record Marks(bool Obsolete, bool Preview)
{
    public static readonly Marks None = new(false, false);

    public Marks Or(Marks other) => other == None ? this : this == None ? other : new(Obsolete || other.Obsolete, Preview || other.Preview);
}

/// <summary>A type the interface is nested in: "partial class Outer".</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>An endpoint method the generator implements.</summary>
internal sealed record EndpointModel(
    string DeclaringInterface,
    string Name,
    string ReturnType,
    string ReturnAttributes,
    ReturnKind ReturnKind,
    string? ResultType,
    string HttpMethod,
    string Route,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<string> Scopes,
    PagingStyle PagingStyle,
    string ItemsProperty,
    bool Idempotent,
    Marks Marks,
    Marks ResultMarks,
    string? JobStatusPath = null,
    string? JobResultsPath = null);

internal enum ReturnKind { Task, Value, ApiResponse, AsyncEnumerable, Pageable, Job }

/// <param name="Declaration">The parameter as the implementation declares it: nullability attributes, params, type, name.</param>
/// <param name="AllowsNull">[AllowNull]: the value may be null although its type says otherwise.</param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string Declaration,
    bool AllowsNull,
    ParameterRole Role,
    string Key,
    QueryCollectionFormat Format,
    ValueModel Value,
    Marks TypeMarks);

internal enum ParameterRole { Route, Query, Header, Body, CancellationToken }

/// <summary>How a route, query or header value becomes text. <paramref name="EnumerateAsInterface"/>: a collection whose
/// own GetEnumerator does not yield the element type (or that implements IEnumerable&lt;T&gt; more than once) is
/// enumerated through IEnumerable&lt;ElementType&gt;.</summary>
internal sealed record ValueModel(
    ValueKind Kind,
    bool IsNullableValueType,
    bool IsReferenceType,
    bool IsCollection,
    bool ElementIsNullableValueType,
    bool ElementIsReferenceType,
    string? ElementType,
    string? EnumType,
    string EnumUnderlyingType,
    Marks EnumMarks,
    EquatableArray<EnumMemberModel> EnumMembers,
    bool EnumerateAsInterface = false)
{
    /// <summary>No value to format: a body or a CancellationToken.</summary>
    public static readonly ValueModel None = new(ValueKind.None, false, false, false, false, false, null, null, "long", Marks.None,
        EquatableArray<EnumMemberModel>.Empty);

    /// <summary>A CancellationToken? as the call's token: null means none.</summary>
    public static readonly ValueModel NullableToken = None with { IsNullableValueType = true };
}

/// <summary>How a value becomes text: as it is (String), through QueryBuilder.Format (Formattable), as an ISO 8601
/// duration (Duration), or by its JSON name (Enum).</summary>
internal enum ValueKind { None, String, Formattable, Duration, Enum }

/// <summary>One value of an enum, first member per distinct constant. <paramref name="Constant"/> is the value as C# literal
/// text; <paramref name="ByValue"/>: the member is [Obsolete]/[Experimental]/preview, so the formatter matches it by its
/// value instead of naming it.</summary>
internal sealed record EnumMemberModel(string Member, string JsonName, string Constant, bool ByValue);

/// <summary>A member the generator cannot implement (the analyzers say why): it gets an explicit implementation that
/// throws, so the client still compiles. Its signature repeats everything the implementation must match: <paramref name="ReturnType"/>
/// with "ref "/"ref readonly ", <paramref name="Parameters"/> with ref kinds, scoped, params and nullability attributes,
/// <paramref name="Constraints"/> (" where T : class"), <paramref name="Attributes"/> ("[return: …] " of a method, the
/// nullability attributes of a property), and an init-only setter.</summary>
internal sealed record StubModel(StubKind Kind, string DeclaringInterface, string Name, string ReturnType, string TypeParameters,
    string Parameters, string Constraints, string Attributes, bool HasGetter, bool HasSetter, bool SetterIsInit, string Reason, Marks Marks);

internal enum StubKind { Method, Property, Indexer, Event }

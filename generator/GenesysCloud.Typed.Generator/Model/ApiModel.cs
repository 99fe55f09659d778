namespace GenesysCloud.Typed.Generator.Model;

// The equatable model between Parser and Emitter: strings, numbers and EquatableArrays only — no ISymbol,
// SyntaxNode, Location or Compilation — so an edit elsewhere leaves it equal and the emit step cached.

/// <summary>One [GenesysApi] interface and everything its client must implement.</summary>
internal sealed record ApiModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    string HintName,
    bool HasBaseApi,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<StubModel> Stubs);

/// <summary>A type the interface is nested in: "partial class Outer".</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>An endpoint method the generator implements.</summary>
internal sealed record EndpointModel(
    string DeclaringInterface,
    string Name,
    string ReturnType,
    ReturnKind ReturnKind,
    string? ResultType,
    string HttpMethod,
    string Route,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<string> Scopes,
    int PagingStyle,
    string ItemsProperty,
    bool Idempotent);

internal enum ReturnKind { Task, Value, ApiResponse, AsyncEnumerable, Pageable }

internal sealed record ParameterModel(
    string Name,
    string Type,
    ParameterRole Role,
    string Key,
    bool Csv,
    ValueModel Value);

internal enum ParameterRole { Route, Query, Header, Body, CancellationToken }

/// <summary>How a route, query or header value becomes text.</summary>
internal sealed record ValueModel(
    ValueKind Kind,
    bool IsNullableValueType,
    bool IsReferenceType,
    bool IsCollection,
    bool ElementIsNullableValueType,
    bool ElementIsReferenceType,
    string? EnumType,
    EquatableArray<EnumMemberModel> EnumMembers);

internal enum ValueKind { None, String, Formattable, Enum }

internal sealed record EnumMemberModel(string Member, string JsonName);

/// <summary>A member the generator cannot implement (the analyzers say why): it gets an explicit implementation that
/// throws, so the client still compiles.</summary>
internal sealed record StubModel(StubKind Kind, string DeclaringInterface, string Name, string ReturnType, string TypeParameters,
    string Parameters, bool HasGetter, bool HasSetter, string Reason);

internal enum StubKind { Method, Property, Indexer, Event }

namespace GenesysCloud.Typed.Generator.Model;

// The equatable model between the rules (ApiRules) and the Emitter: strings, numbers and EquatableArrays only — no ISymbol,
// SyntaxNode, Location or Compilation — so an edit elsewhere leaves it equal and the emit step cached.

/// <summary>One [GenesysApi] interface and everything its client must implement. <paramref name="JsonContext"/>: the
/// JsonSerializerContext the client takes its contracts from (global::…), or null for the connection's options.</summary>
internal sealed record ApiModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    string ClientName,
    bool ClientHidesBase,
    bool EmitPublicCreate,
    bool EmitPublicEndpoints,
    bool Unsafe,
    string? JsonContext,
    EquatableArray<string> SuppressedDiagnostics,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<StubModel> Stubs);

/// <summary>A type the interface is nested in: "partial class Outer".</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

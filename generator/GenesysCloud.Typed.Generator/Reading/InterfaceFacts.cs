using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.Generator.Reading;

// What the endpoint rules read of an interface, read once from its symbols by SymbolReader: equatable values only, so an
// edit elsewhere that leaves them equal leaves the generator's classification and emission cached. The rules
// (EndpointClassifier) see nothing else, so nothing they depend on can change without these changing.

/// <summary>One [GenesysApi] interface as the rules read it: the model's interface-level part (<see cref="Shell"/>, with no
/// endpoints or stubs yet), every type its members mention (indexed by <see cref="MethodFacts"/>), and its members in
/// declaration order.</summary>
/// <paramref name="Shell"/> is null when the interface's own problems stop its client (the analyzers still classify its
/// members); <paramref name="JsonContext"/>: how a diagnostic names the interface's JsonContext; null without one.
internal sealed record InterfaceFacts(ApiModel? Shell, string? JsonContext, EquatableArray<TypeFacts> Types, EquatableArray<MemberFacts> Members);

/// <summary>A member: a method for the rules to classify, or a stub already decided (a property, an indexer, an event).</summary>
internal sealed record MemberFacts(MethodFacts? Method, StubModel? Stub);

using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

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

/// <summary>A type as the rules need it, once per interface. The optional parts are read only where some member needs
/// them (a message, a body's shape, a JSON contract), as the rules would have read them.</summary>
/// <param name="Name">How generated code spells it (global::…).</param>
/// <param name="ReturnKind">What it is as a method's return; null when no supported return.</param>
/// <param name="Result">The index of the type read as JSON (the T of Task&lt;T&gt; …), or -1.</param>
/// <param name="NotSerializable">Why it cannot be a JSON body or result; null when it can.</param>
/// <param name="Message">How a diagnostic spells it (read when a member's problem may need it).</param>
/// <param name="CanBeJsonObject">For a search body: whether it can be a JSON object (null when not read).</param>
/// <param name="JsonMissing">With a JsonContext: how the missing contract is spelled, or null when covered or not read.</param>
internal sealed record TypeFacts(
    string Name,
    Marks Marks,
    bool IsCancellationToken,
    bool IsNullableCancellationToken,
    bool NeedsUnsafe,
    ReturnKind? ReturnKind,
    int Result,
    string? NotSerializable,
    string? Message = null,
    bool? CanBeJsonObject = null,
    JsonMissingFacts? JsonMissing = null);

/// <summary>A type the interface's JsonContext lacks: as a diagnostic spells it, as typeof(…) takes it (for the fix).</summary>
internal sealed record JsonMissingFacts(string Display, string TypeOf);

/// <summary>One interface method as the rules read it. Types are indexes into <see cref="InterfaceFacts.Types"/>.</summary>
/// <param name="InterfaceName">The interface that declares it (global::…), which the explicit implementation names.</param>
/// <param name="InterfaceScopes">The declaring interface's [RequiresScope].</param>
/// <param name="Marks">Obsolete / preview marks of the member, its interface and the types of its signature.</param>
/// <param name="RefReturn">"ref " / "ref readonly " / "".</param>
/// <param name="HttpCount">How many HTTP method attributes it has; <paramref name="HttpMethod"/> and <paramref name="Route"/> are the one's, when one.</param>
/// <param name="RouteWritten">The HTTP attribute has one argument (its route, whatever its value).</param>
/// <param name="OwnScopes">The method's own non-empty [RequiresScope] scopes (empty: the interface's apply).</param>
/// <param name="TypeParameters">"&lt;T&gt;" and <paramref name="Constraints"/>: for the stub of a generic method.</param>
internal sealed record MethodFacts(
    string Name,
    string InterfaceName,
    EquatableArray<string> InterfaceScopes,
    Marks Marks,
    bool IsGeneric,
    bool IsVararg,
    string RefReturn,
    int ReturnType,
    string? ReturnMessage,
    string ReturnAttributes,
    int HttpCount,
    string? HttpMethod,
    string? Route,
    PagingFacts? Paging,
    JobFacts? Job,
    EquatableArray<string> OwnScopes,
    bool Idempotent,
    EquatableArray<ParameterFacts> Parameters,
    string TypeParameters,
    string Constraints);

/// <summary>[Paging] as written. <paramref name="Style"/>: null when not a PagingStyle (then <paramref name="StyleWritten"/>
/// says what was written); <paramref name="ItemsProperty"/>: null when given but not a name (then <paramref name="ItemsWritten"/>).</summary>
internal sealed record PagingFacts(PagingStyle? Style, string StyleWritten, string? ItemsProperty, string ItemsWritten);

/// <summary>[AsyncJob] as written: the items property (null when not a non-empty string) and each path, when given.</summary>
internal sealed record JobFacts(string? ItemsProperty, bool HasStatusPath, string? StatusPath, bool HasResultsPath, string? ResultsPath);

/// <summary>How a parameter asks to be bound, before the rules check it: the first of a call token (a CancellationToken
/// bound to nothing), [Body], [Query], [Header], or its name (a route placeholder, else unbound).</summary>
internal enum Binding { ByReference, Conflicting, Token, Body, Query, Header, Name }

/// <summary>One parameter as the rules read it. <paramref name="HasBody"/>: it carries [Body], whatever its binding.</summary>
/// <param name="Key">The query key ([Query("key")], else the name) or the header name ([Header("name")]; null when none).</param>
/// <param name="Format">[Query] Format: null when not a QueryCollectionFormat (then <paramref name="FormatWritten"/>).</param>
/// <param name="Value">How its type becomes text for its binding; null when it cannot (or has no value to format).</param>
/// <param name="Attributes">The nullability attributes an explicit implementation repeats ("[…AllowNull] ").</param>
/// <param name="Scoped">An explicit <c>scoped</c> the implementation must repeat.</param>
internal sealed record ParameterFacts(
    string Name,
    RefKind RefKind,
    int Type,
    Binding Binding,
    bool HasBody,
    string? Key,
    QueryCollectionFormat? Format,
    string FormatWritten,
    bool AllowNull,
    ValueModel? Value,
    string Attributes,
    bool IsParams,
    bool Scoped);

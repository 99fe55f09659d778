using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.Generator.Reading;

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

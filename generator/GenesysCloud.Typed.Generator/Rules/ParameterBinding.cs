using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>What a parameter binds to, from how it is declared — decided here alone: the reader is handed <see cref="Of"/>
/// (as a <see cref="Reading.BindingRule"/>) so it reads only what that binding needs, the classifier asks again and checks
/// the binding.</summary>
internal static class ParameterBinding
{
    /// <summary>The first that applies: passed by reference, or more than one of [Query], [Body] and [Header] — nothing
    /// (null; <see cref="Refusal"/> says why); a CancellationToken (or CancellationToken?) bound to nothing — the call's
    /// token (one given [Body], [Query] or [Header] is refused there, not taken as the call's token); [Body]; [Query];
    /// [Header]; else its name, which binds the route placeholder of that name (or nothing, GCT0107).</summary>
    public static ParameterRole? Of(RefKind refKind, bool query, bool header, bool body, bool isCancellationToken) =>
        refKind != RefKind.None || (query ? 1 : 0) + (header ? 1 : 0) + (body ? 1 : 0) > 1 ? null
        : isCancellationToken && !body && !query && !header ? ParameterRole.CancellationToken
        : body ? ParameterRole.Body
        : query ? ParameterRole.Query
        : header ? ParameterRole.Header
        : ParameterRole.Route;

    /// <summary>Why <see cref="Of"/> bound the parameter to nothing: passed by reference (GCT0118), else several binding
    /// attributes (GCT0119).</summary>
    public static DiagnosticDescriptor Refusal(RefKind refKind) =>
        refKind != RefKind.None ? Descriptors.ByReference : Descriptors.ConflictingBindings;
}

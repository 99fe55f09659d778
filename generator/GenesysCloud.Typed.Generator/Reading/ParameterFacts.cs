using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>One parameter as the rules read it: its binding attributes as written (<see cref="Rules.ParameterBinding"/>
/// decides what they bind), and what its binding needs read.</summary>
/// <param name="Key">The query key ([Query("key")], else the name) or the header name ([Header("name")]; null when none).</param>
/// <param name="Format">[Query] Format: null when not a QueryCollectionFormat (then <paramref name="FormatWritten"/>).</param>
/// <param name="Value">How its type becomes text for its binding; null when it cannot (or has no value to format).</param>
/// <param name="Attributes">The nullability attributes an explicit implementation repeats ("[…AllowNull] ").</param>
/// <param name="Scoped">An explicit <c>scoped</c> the implementation must repeat.</param>
internal sealed record ParameterFacts(
    string Name,
    RefKind RefKind,
    int Type,
    bool HasQuery,
    bool HasHeader,
    bool HasBody,
    string? Key,
    QueryCollectionFormat? Format,
    string FormatWritten,
    bool AllowNull,
    ValueModel? Value,
    string Attributes,
    bool IsParams,
    bool Scoped);

using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.Generator.Reading;

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

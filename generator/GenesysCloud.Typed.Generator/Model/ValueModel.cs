namespace GenesysCloud.Typed.Generator.Model;

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

using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>How the generated code spells a type: fully qualified with global::, keywords for special types, keyword
/// identifiers escaped, nullable reference annotations kept.</summary>
internal static class TypeText
{
    public static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
}

using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator;

/// <summary>Which parameter types can become route, query or header text, and how.</summary>
internal static class ValueClassifier
{
    /// <summary>A scalar (string, number, bool, Guid, date, enum, or a nullable of one); null when unsupported.</summary>
    public static ValueModel? Scalar(ITypeSymbol type)
    {
        var (nullable, inner) = Unwrap(type);
        var (kind, enumType, members) = KindOf(inner);
        return kind == ValueKind.None
            ? null
            : new ValueModel(kind, nullable, inner.IsReferenceType, false, false, false, enumType, members);
    }

    /// <summary>A scalar, or an array / IEnumerable&lt;T&gt; of scalars (query parameters); null when unsupported.</summary>
    public static ValueModel? ScalarOrCollection(ITypeSymbol type)
    {
        if (Scalar(type) is { } scalar) return scalar;
        var element = ElementOf(type);
        if (element is null) return null;
        var (elementNullable, inner) = Unwrap(element);
        var (kind, enumType, members) = KindOf(inner);
        return kind == ValueKind.None
            ? null
            : new ValueModel(kind, false, true, true, elementNullable, inner.IsReferenceType, enumType, members);
    }

    private static ITypeSymbol? ElementOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array) return array.ElementType;
        if (type.SpecialType == SpecialType.System_String) return null;
        if (type is INamedTypeSymbol named && IsEnumerableOfT(named)) return named.TypeArguments[0];
        return type.AllInterfaces.FirstOrDefault(IsEnumerableOfT)?.TypeArguments[0];
    }

    private static bool IsEnumerableOfT(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static (bool Nullable, ITypeSymbol Inner) Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? (true, nullable.TypeArguments[0])
            : (false, type);

    private static (ValueKind, string?, EquatableArray<EnumMemberModel>) KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return (ValueKind.String, null, EquatableArray<EnumMemberModel>.Empty);
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return (ValueKind.Formattable, null, EquatableArray<EnumMemberModel>.Empty);
        }
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
                .Select(f => new EnumMemberModel(Identifier.Escape(f.Name), JsonNameOf(f))).ToEquatableArray();
            return (ValueKind.Enum, enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), members);
        }
        var name = type.ToDisplayString();
        return name is "System.Guid" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeSpan"
            ? (ValueKind.Formattable, null, EquatableArray<EnumMemberModel>.Empty)
            : (ValueKind.None, null, EquatableArray<EnumMemberModel>.Empty);
    }

    /// <summary>[JsonStringEnumMemberName] or [EnumMember(Value)] if present, else the camelCase member name.</summary>
    private static string JsonNameOf(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute" &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string explicitName)
                return explicitName;
            if (name == "System.Runtime.Serialization.EnumMemberAttribute")
                foreach (var named in attribute.NamedArguments)
                    if (named.Key == "Value" && named.Value.Value is string value) return value;
        }
        return field.Name.Length == 0 ? field.Name : char.ToLowerInvariant(field.Name[0]) + field.Name.Substring(1);
    }
}

internal static class Identifier
{
    /// <summary>"class" → "@class": a symbol name usable as an identifier in emitted code.</summary>
    public static string Escape(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
}

using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Which parameter types can become route, query or header text, and how. (Adding a kind of value: a
/// <see cref="ValueKind"/>, its case here, its formatting call in the emitter, and the runtime's formatter.)</summary>
internal static class ValueClassifier
{
    /// <summary>A scalar (string, number, bool, Guid, date, enum, or a nullable of one); null when unsupported.
    /// <paramref name="diagnosticIds"/> collects the experimental IDs an enum and its members carry.</summary>
    public static ValueModel? Scalar(ITypeSymbol type, MarkContext marks)
    {
        // Once per type per interface: endpoints repeat their parameter types.
        if (marks.ScalarValues.TryGetValue(type, out var known)) return known;
        return marks.ScalarValues[type] = ClassifyScalar(type, marks);
    }

    private static ValueModel? ClassifyScalar(ITypeSymbol type, MarkContext marks)
    {
        var (nullable, inner) = Unwrap(type);
        var kind = KindOf(inner, marks);
        return kind.Kind == ValueKind.None
            ? null
            : new ValueModel(kind.Kind, nullable, inner.IsReferenceType, false, false, false, null, kind.EnumType, kind.Underlying, kind.Marks, kind.Members);
    }

    /// <summary>A scalar, or an array / IEnumerable&lt;T&gt; of scalars (query parameters); null when unsupported.</summary>
    public static ValueModel? ScalarOrCollection(ITypeSymbol type, MarkContext marks)
    {
        if (marks.QueryValues.TryGetValue(type, out var known)) return known;
        return marks.QueryValues[type] = ClassifyScalarOrCollection(type, marks);
    }

    private static ValueModel? ClassifyScalarOrCollection(ITypeSymbol type, MarkContext marks)
    {
        if (Scalar(type, marks) is { } scalar) return scalar;
        // A ref struct cannot be boxed to IEnumerable<T> nor stored; it is not a query collection.
        var element = type.IsRefLikeType ? null : ElementOf(type);
        if (element is null) return null;
        var (elementNullable, inner) = Unwrap(element);
        var kind = KindOf(inner, marks);
        return kind.Kind == ValueKind.None
            ? null
            : new ValueModel(kind.Kind, false, !type.IsValueType, true, elementNullable, inner.IsReferenceType, element.ToDisplayString(TypeText.Format),
                kind.EnumType, kind.Underlying, kind.Marks, kind.Members, !EnumeratesDirectly(type, element));
    }

    private static ITypeSymbol? ElementOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array) return array.ElementType;
        if (type.SpecialType == SpecialType.System_String) return null;
        if (type is INamedTypeSymbol named && IsEnumerableOfT(named)) return named.TypeArguments[0];
        return type.AllInterfaces.FirstOrDefault(IsEnumerableOfT)?.TypeArguments[0];
    }

    /// <summary>True when <c>foreach (T item in value)</c> compiles for the element type <paramref name="element"/>: an
    /// array, a type whose public GetEnumerator() yields T, or one with no such method and a single IEnumerable&lt;T&gt;.
    /// Otherwise (another pattern enumerator, IEnumerable&lt;T&gt; implemented twice) the emitter goes through the interface.</summary>
    private static bool EnumeratesDirectly(ITypeSymbol type, ITypeSymbol element)
    {
        if (type is IArrayTypeSymbol) return true;
        if (type.TypeKind != TypeKind.Interface)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var getEnumerator = current.GetMembers("GetEnumerator").OfType<IMethodSymbol>()
                    .FirstOrDefault(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == 0 && !m.IsGenericMethod);
                if (getEnumerator is null) continue;
                var current_ = PropertyOf(getEnumerator.ReturnType, "Current");
                return current_ is not null && SymbolEqualityComparer.Default.Equals(current_.Type, element);
            }
        }
        var enumerables = (type is INamedTypeSymbol named && IsEnumerableOfT(named) ? 1 : 0) + type.AllInterfaces.Count(IsEnumerableOfT);
        return enumerables == 1;
    }

    private static IPropertySymbol? PropertyOf(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic) is { } property) return property;
        return type.AllInterfaces.SelectMany(i => i.GetMembers(name).OfType<IPropertySymbol>()).FirstOrDefault();
    }

    private static bool IsEnumerableOfT(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static (bool Nullable, ITypeSymbol Inner) Unwrap(ITypeSymbol type) =>
        KnownSymbols.NullableOf(type) is { } inner ? (true, inner) : (false, type);

    private readonly record struct Classified(ValueKind Kind, string? EnumType, string Underlying, Marks Marks, EquatableArray<EnumMemberModel> Members);

    private static Classified Simple(ValueKind kind) => new(kind, null, "long", Marks.None, EquatableArray<EnumMemberModel>.Empty);

    private static Classified KindOf(ITypeSymbol type, MarkContext marks)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return Simple(ValueKind.String);
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
                return Simple(ValueKind.Formattable);
        }
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            var known = marks.Known;
            // One arm per distinct value (a second member with the same value would be an unreachable arm, CS8510); a
            // member the formatter may not name without a diagnostic is matched by its value.
            var members = new List<EnumMemberModel>();
            var constants = new HashSet<string>();
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                var constant = ConstantText(field.ConstantValue);
                if (!constants.Add(constant)) continue;
                var own = new SymbolMarks(marks).Own(field);
                var hasIds = KnownSymbols.Has(field, known.Experimental);
                members.Add(new EnumMemberModel(Identifier.Escape(field.Name), JsonNameOf(field, known), constant, own.Obsolete || own.Preview || hasIds));
            }
            var underlying = enumType.EnumUnderlyingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "long";
            return new Classified(ValueKind.Enum, enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), underlying,
                SymbolMarks.Of(enumType, marks), members.ToEquatableArray());
        }
        if (KnownSymbols.Is(type, marks.Known.TimeSpan)) return Simple(ValueKind.Duration);
        return KnownSymbols.Is(type, marks.Known.Guid) || KnownSymbols.Is(type, marks.Known.DateTimeOffset) || KnownSymbols.Is(type, marks.Known.DateOnly)
            ? Simple(ValueKind.Formattable)
            : Simple(ValueKind.None);
    }

    private static string ConstantText(object? value)
    {
        var text = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "0";
        return text.StartsWith("-") ? "(" + text + ")" : text;
    }

    /// <summary>[JsonStringEnumMemberName] or [EnumMember(Value)] if present, else the camelCase member name.</summary>
    private static string JsonNameOf(IFieldSymbol field, KnownSymbols known)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (KnownSymbols.Is(attribute.AttributeClass, known.JsonStringEnumMemberName) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string explicitName)
                return explicitName;
            if (KnownSymbols.Is(attribute.AttributeClass, known.EnumMember))
                foreach (var named in attribute.NamedArguments)
                    if (named.Key == "Value" && named.Value.Value is string value) return value;
        }
        return field.Name.Length == 0 ? field.Name : char.ToLowerInvariant(field.Name[0]) + field.Name.Substring(1);
    }
}

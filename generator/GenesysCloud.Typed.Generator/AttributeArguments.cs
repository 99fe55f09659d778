using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator;

/// <summary>Reads the enum- and string-valued arguments of the runtime's attributes. Null means "not a value the generator
/// knows" — <c>(PagingStyle)7</c>, <c>(QueryCollectionFormat)9</c>, a null or empty ItemsProperty, an argument that did not
/// bind — and the parser then stubs the member while the contract analyzer reports why (GCT0113 / GCT0120). Shared by
/// both so they cannot disagree.</summary>
internal static class AttributeArguments
{
    /// <summary>0 (PageNumber) or 1 (Cursor).</summary>
    public static int? PagingStyle(AttributeData paging) =>
        paging.ConstructorArguments.Length == 1 && paging.ConstructorArguments[0].Value is int style && style is 0 or 1 ? style : null;

    /// <summary>"entities" when not given; null when given as null, empty or not a string.</summary>
    public static string? ItemsProperty(AttributeData paging)
    {
        var named = paging.NamedArguments.Where(n => n.Key == "ItemsProperty").ToList();
        if (named.Count == 0) return "entities";
        return named[named.Count - 1].Value.Value is string { Length: > 0 } items ? items : null;
    }

    /// <summary>0 (Multi, also when not given) or 1 (Csv).</summary>
    public static int? QueryFormat(AttributeData query)
    {
        var named = query.NamedArguments.Where(n => n.Key == "Format").ToList();
        if (named.Count == 0) return 0;
        return named[named.Count - 1].Value.Value is int format && format is 0 or 1 ? format : null;
    }

    /// <summary>How the argument was written, for a diagnostic: "(QueryCollectionFormat)9", "null", "\"\"".</summary>
    public static string Display(TypedConstant value)
    {
        if (value.Kind == TypedConstantKind.Error) return "an invalid value";
        if (value.IsNull) return "null";
        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && value.Value is { } number)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, number));
            var text = System.Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture);
            return member is not null ? enumType.Name + "." + member.Name : $"({enumType.Name}){(text is ['-', ..] ? "(" + text + ")" : text)}";
        }
        return value.ToCSharpString();
    }
}

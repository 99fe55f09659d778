using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Reads the enum- and string-valued arguments of the runtime's attributes. Null means "not a value the generator
/// knows" — <c>(PagingStyle)7</c>, <c>(QueryCollectionFormat)9</c>, a null or empty ItemsProperty, an argument that did not
/// bind — and the rules then stub the member while the contract analyzer reports why (GCT0126 / GCT0120). Shared by
/// both so they cannot disagree.</summary>
internal static class AttributeArguments
{
    /// <summary>A PagingStyle the generator knows, or null.</summary>
    public static PagingStyle? PagingStyle(AttributeData paging) =>
        paging.ConstructorArguments.Length == 1 && paging.ConstructorArguments[0].Value is int style && IsDefined<PagingStyle>(style) ? (PagingStyle)style : null;

    /// <summary><see cref="PagingDefaults.ItemsProperty"/> when not given; null when given as null, empty or not a string.</summary>
    public static string? ItemsProperty(AttributeData paging) =>
        LastNamed(paging, "ItemsProperty") is not { } named ? PagingDefaults.ItemsProperty : named.Value is string { Length: > 0 } items ? items : null;

    /// <summary>A QueryCollectionFormat the generator knows (Multi when not given), or null.</summary>
    public static QueryCollectionFormat? QueryFormat(AttributeData query) =>
        LastNamed(query, "Format") is not { } named ? QueryCollectionFormat.Multi
        : named.Value is int format && IsDefined<QueryCollectionFormat>(format) ? (QueryCollectionFormat)format : null;

    /// <summary>The non-empty scope strings of a [RequiresScope] or [GrantedScopes]; none for <c>(null)</c> or no attribute.</summary>
    public static IReadOnlyList<string> Scopes(AttributeData? attribute)
    {
        if (attribute is null || attribute.ConstructorArguments.Length != 1) return [];
        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull) return [];
        // A loop, not LINQ: the generator reads every endpoint's scopes on every compilation.
        var scopes = new List<string>(argument.Values.Length);
        foreach (var value in argument.Values)
            if (value.Value is string { Length: > 0 } scope) scopes.Add(scope);
        return scopes;
    }

    /// <summary>The named argument as given (the last, when repeated); null when not given. A loop, not LINQ: the reader
    /// reads these on every compilation.</summary>
    public static TypedConstant? LastNamed(AttributeData attribute, string name)
    {
        TypedConstant? last = null;
        foreach (var named in attribute.NamedArguments)
            if (named.Key == name) last = named.Value;
        return last;
    }

    /// <summary>"PageNumber or Cursor": the members of a linked runtime enum, so a new member needs no edit here.</summary>
    public static string Names<TEnum>(string prefix) where TEnum : struct, System.Enum
    {
        var names = System.Enum.GetNames(typeof(TEnum)).Select(n => prefix + n).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }

    /// <summary>The value names a member of the (linked, so identical) runtime enum.</summary>
    private static bool IsDefined<TEnum>(int value) where TEnum : struct, System.Enum => System.Enum.IsDefined(typeof(TEnum), value);

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

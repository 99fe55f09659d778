using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>How the generated code spells each type (<see cref="TypeText.Format"/>), computed once per type per interface:
/// display strings are the dearest thing the reader makes, and an interface repeats its types on every endpoint.</summary>
internal sealed class TypeNames
{
    // This comparer tells nullability apart but not tuple element names, dynamic/object or nint/IntPtr, which are spelled
    // differently: types holding those are not cached.
    private readonly Dictionary<ITypeSymbol, string> _names = new(SymbolEqualityComparer.IncludeNullability);

    public string Of(ITypeSymbol type)
    {
        if (_names.TryGetValue(type, out var name)) return name;
        name = Composed(type) ?? type.ToDisplayString(TypeText.Format);
        if (IsPlain(type)) _names[type] = name;
        return name;
    }

    // The spelling of each generic definition before its type parameters ("global::System.Threading.Tasks.Task").
    private readonly Dictionary<INamedTypeSymbol, string> _definitions = new(SymbolEqualityComparer.Default);

    /// <summary>A constructed generic type spelled from its definition's spelling and its arguments' (each read once): an
    /// interface repeats Task&lt;T&gt;, IAsyncEnumerable&lt;T&gt; and the like over hundreds of models, and Roslyn's display
    /// of each construction is the dearest thing the reader makes. Null for what Roslyn spells otherwise (T? of a
    /// Nullable&lt;T&gt;, tuples, a type nested in a generic one) or what is not a plain construction.</summary>
    private string? Composed(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, IsTupleType: false, IsUnboundGenericType: false } named ||
            named.TypeKind == TypeKind.Error || named.ContainingType is { IsGenericType: true } ||
            named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || !IsPlain(named))
            return null;
        var definition = named.OriginalDefinition;
        if (!_definitions.TryGetValue(definition, out var prefix))
        {
            var display = definition.ToDisplayString(TypeText.Format);
            var open = display.IndexOf('<');
            if (open < 0) return null;
            _definitions[definition] = prefix = display.Substring(0, open);
        }
        var arguments = named.TypeArguments.Length == 1 ? Of(named.TypeArguments[0]) : string.Join(", ", named.TypeArguments.Select(Of));
        return string.Concat(prefix, "<", arguments, named.NullableAnnotation == NullableAnnotation.Annotated && named.IsReferenceType ? ">?" : ">");
    }

    /// <summary>Spelled like every type this comparer calls equal to it: such a type can be cached.</summary>
    internal static bool IsPlain(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsPlain(array.ElementType);
            case INamedTypeSymbol named when !named.IsTupleType && !named.IsNativeIntegerType && named.TypeKind != TypeKind.Error:
                foreach (var argument in named.TypeArguments)
                    if (!IsPlain(argument)) return false;
                return named.ContainingType is null || IsPlain(named.ContainingType);
            default:
                return type is ITypeParameterSymbol;
        }
    }
}

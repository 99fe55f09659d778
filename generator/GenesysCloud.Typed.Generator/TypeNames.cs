using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator;

/// <summary>How the generated code spells each type (<see cref="TypeText.Format"/>), computed once per type per interface:
/// display strings are the dearest thing the parser makes, and an interface repeats its types on every endpoint.</summary>
internal sealed class TypeNames
{
    // This comparer tells nullability apart but not tuple element names, dynamic/object or nint/IntPtr, which are spelled
    // differently: types holding those are not cached.
    private readonly Dictionary<ITypeSymbol, string> _names = new(SymbolEqualityComparer.IncludeNullability);

    public string Of(ITypeSymbol type)
    {
        if (_names.TryGetValue(type, out var name)) return name;
        name = type.ToDisplayString(TypeText.Format);
        if (IsPlain(type)) _names[type] = name;
        return name;
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

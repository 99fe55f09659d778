using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Writes the parts of a signature an explicit implementation must repeat to implement the interface member
/// without an error or a warning: ref kinds of parameters and returns, <c>scoped</c>, <c>params</c>, the nullability
/// attributes ([AllowNull], [NotNullWhen(true)], …, CS8767/CS8769 otherwise), and the <c>class</c> / <c>struct</c> /
/// <c>default</c> constraints (the only ones an explicit implementation may state, and the ones <c>T?</c> needs to mean
/// the same as in the interface). Default values and caller-info attributes are left out: on an explicit implementation
/// they have no effect and draw warnings (CS1066, CS4024–CS4026).</summary>
internal static class Signatures
{
    /// <summary>"ref ", "ref readonly " or "" before a return type.</summary>
    public static string ReturnPrefix(IMethodSymbol method) =>
        method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "";

    public static string ReturnPrefix(IPropertySymbol property) =>
        property.ReturnsByRefReadonly ? "ref readonly " : property.ReturnsByRef ? "ref " : "";

    /// <summary>"[return: global::…MaybeNull] " for the copied attributes on a method's return.</summary>
    public static string ReturnAttributes(IMethodSymbol method, KnownSymbols known) => Attributes(method.GetReturnTypeAttributes(), "return: ", known);

    /// <summary>The copied attributes of a symbol (a parameter, a property), each "[global::…(args)] ".</summary>
    public static string Attributes(ISymbol symbol, KnownSymbols known) => Attributes(symbol.GetAttributes(), "", known);

    private static string Attributes(ImmutableArray<AttributeData> attributes, string target, KnownSymbols known)
    {
        if (attributes.IsEmpty) return "";
        System.Text.StringBuilder? builder = null;
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } type || !known.NullabilityAttributes.Contains(type)) continue;
            if (attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)) continue;
            builder ??= new System.Text.StringBuilder();
            var attributeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            builder.Append('[').Append(target).Append(attributeName.EndsWith("Attribute") ? attributeName.Substring(0, attributeName.Length - "Attribute".Length) : attributeName);
            if (attribute.ConstructorArguments.Length > 0)
                builder.Append('(').Append(string.Join(", ", attribute.ConstructorArguments.Select(a => a.ToCSharpString()))).Append(')');
            builder.Append("] ");
        }
        return builder?.ToString() ?? "";
    }

    /// <summary>One parameter as an explicit implementation declares it, without its default value.</summary>
    public static string Parameter(IParameterSymbol parameter, KnownSymbols known, TypeNames types) =>
        Declaration(Attributes(parameter, known), parameter.IsParams, parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out,
            parameter.RefKind, types.Of(parameter.Type), parameter.Name);

    /// <summary>The same, from the parameter's facts and its type's spelling.</summary>
    public static string Declaration(Reading.ParameterFacts parameter, string typeName) =>
        Declaration(parameter.Attributes, parameter.IsParams, parameter.Scoped, parameter.RefKind, typeName, parameter.Name);

    /// <param name="scoped">An explicit 'scoped' to repeat ('out' is implicitly scoped; elsewhere CS8987 otherwise).</param>
    private static string Declaration(string attributes, bool isParams, bool scoped, RefKind refKind, string typeName, string name)
    {
        // The usual parameter is its type and name: no builder.
        if (attributes.Length == 0 && refKind == RefKind.None && !isParams && !scoped) return typeName + " " + Identifier.Escape(name);
        var builder = new System.Text.StringBuilder(attributes);
        if (isParams) builder.Append("params ");
        if (scoped) builder.Append("scoped ");
        builder.Append(RefKindOf(refKind));
        builder.Append(typeName).Append(' ').Append(Identifier.Escape(name));
        return builder.ToString();
    }

    public static string Parameters(IEnumerable<IParameterSymbol> parameters, KnownSymbols known, TypeNames types) =>
        string.Join(", ", parameters.Select(p => Parameter(p, known, types)));

    private static string RefKindOf(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => "",
    };

    /// <summary>" where T : class where U : default": what an explicit implementation may and must say of its type
    /// parameters so that <c>T?</c> means what it means in the interface.</summary>
    public static string Constraints(IMethodSymbol method)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var t in method.TypeParameters)
        {
            var constraint = t.IsReferenceType ? "class" : t.IsValueType ? "struct" : "default";
            builder.Append(" where ").Append(Identifier.Escape(t.Name)).Append(" : ").Append(constraint);
        }
        return builder.ToString();
    }

    /// <summary>The type is or contains (as an element or a type argument) a pointer or function pointer type, so a
    /// signature that mentions it needs an unsafe context.</summary>
    public static bool NeedsUnsafe(ITypeSymbol? type) => Contains(type, static t => t is IPointerTypeSymbol or IFunctionPointerTypeSymbol);

    /// <summary>The type is or holds (as an element, a pointed-at type, a type argument, or in a containing type's
    /// arguments) a type <paramref name="matches"/> accepts.</summary>
    public static bool Contains(ITypeSymbol? type, System.Func<ITypeSymbol, bool> matches) => type switch
    {
        null => false,
        _ when matches(type) => true,
        IArrayTypeSymbol array => Contains(array.ElementType, matches),
        IPointerTypeSymbol pointer => Contains(pointer.PointedAtType, matches),
        INamedTypeSymbol named => named.TypeArguments.Any(argument => Contains(argument, matches)) ||
                                  (named.ContainingType is { } outer && Contains(outer, matches)),
        _ => false,
    };

    public static bool NeedsUnsafe(IMethodSymbol method) => NeedsUnsafe(method.ReturnType) || method.Parameters.Any(p => NeedsUnsafe(p.Type));

    /// <summary>Why a body or result type cannot be sent or received as JSON (it cannot be the T of JsonTypeInfo&lt;T&gt;,
    /// or holds pointers System.Text.Json cannot serialize); null when it can.</summary>
    public static string? NotSerializable(ITypeSymbol type)
    {
        if (type.IsRefLikeType) return "a ref struct cannot be a type argument or be serialized";
        if (type is IPointerTypeSymbol or IFunctionPointerTypeSymbol) return "a pointer cannot be a type argument or be serialized";
        if (NeedsUnsafe(type)) return "a type that holds pointers cannot be serialized";
        if (type.SpecialType == SpecialType.System_Void) return "void is not a value";
        if (type.IsStatic) return "a static class has no instances";
        return null;
    }
}

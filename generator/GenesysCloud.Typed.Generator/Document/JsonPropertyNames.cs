using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.Generator.Document;

/// <summary>The JSON property names System.Text.Json gives a model's public properties: [JsonPropertyName] where written,
/// else the C# name under the JsonContext's naming policy (camelCase when it names none, as the runtime's Web defaults
/// do). [JsonExtensionData] properties and those [JsonIgnore] always leaves out are left out (a conditional
/// [JsonIgnore] still sends or reads the property). One per compilation: the attribute classes are
/// resolved once and compared by reference, and each JsonContext's policy is read once (a context of the whole API carries
/// 5,000 attributes, which every endpoint would otherwise walk).</summary>
internal sealed class JsonPropertyNames
{
    private readonly INamedTypeSymbol? _propertyName, _ignore, _extensionData, _include, _options;
    private readonly ConcurrentDictionary<ITypeSymbol, int> _policies = new(SymbolEqualityComparer.Default);

    public JsonPropertyNames(Compilation compilation)
    {
        _propertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        _ignore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        _extensionData = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        _include = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
        _options = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute");
    }

    /// <summary>A model whose properties are checked: a class, record or struct of the user's, not a collection, a map,
    /// JsonElement or a framework type. Null for anything else.</summary>
    public static INamedTypeSymbol? Model(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None || named.IsAnonymousType) return null;
        var ns = named.ContainingNamespace?.ToDisplayString() ?? "";
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)) return null;
        foreach (var implemented in named.AllInterfaces)
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable) return null;
        return named;
    }

    /// <summary>(JSON name, whether [JsonPropertyName] set it, the property) for each serialized property.</summary>
    public List<(string Name, bool Explicit, ISymbol Property)> Of(INamedTypeSymbol type, int namingPolicy)
    {
        var names = new List<(string, bool, ISymbol)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                // Public properties, and the non-public properties and fields [JsonInclude] brings in.
                var serialized = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false } p => p.DeclaredAccessibility == Accessibility.Public || Has(p, _include),
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } f => Has(f, _include),
                    _ => false,
                };
                if (!serialized || !seen.Add(member.Name)) continue;
                var property = member;
                string? named = null;
                var skip = false;
                foreach (var attribute in property.GetAttributes())
                {
                    var attributeClass = attribute.AttributeClass;
                    if ((KnownSymbols.Is(attributeClass, _ignore) && IgnoresAlways(attribute)) || KnownSymbols.Is(attributeClass, _extensionData)) skip = true;
                    else if (KnownSymbols.Is(attributeClass, _propertyName) && attribute.ConstructorArguments.Length == 1)
                        named = attribute.ConstructorArguments[0].Value as string;
                }
                if (skip) continue;
                names.Add(named is not null ? (named, true, property) : (Apply(namingPolicy, property.Name), false, property));
            }
        }
        return names;
    }

    private static bool Has(ISymbol member, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null) return false;
        foreach (var attribute in member.GetAttributes())
            if (KnownSymbols.Is(attribute.AttributeClass, attributeClass)) return true;
        return false;
    }

    /// <summary>Whether a [JsonIgnore] takes the property out of the JSON: bare or Condition = Always (1). Never (0),
    /// WhenWritingDefault (2) and WhenWritingNull (3) still read and write it, so its name is checked.</summary>
    private static bool IgnoresAlways(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == "Condition") return argument.Value.Value is int condition && condition == 1;
        return true;
    }

    /// <summary>The JsonKnownNamingPolicy of <paramref name="context"/>'s [JsonSourceGenerationOptions]: 0 (none given: camelCase
    /// here), 1 camel, 2/3 snake lower/upper, 4/5 kebab lower/upper.</summary>
    public int NamingPolicyOf(ITypeSymbol? context) => context is null || _options is null ? 0 : _policies.GetOrAdd(context, ReadPolicy);

    private int ReadPolicy(ITypeSymbol context)
    {
        foreach (var attribute in context.GetAttributes())
        {
            if (!KnownSymbols.Is(attribute.AttributeClass, _options)) continue;
            foreach (var argument in attribute.NamedArguments)
                if (argument.Key == "PropertyNamingPolicy" && argument.Value.Value is int policy) return policy;
        }
        return 0;
    }

    private static string Apply(int policy, string name) => policy switch
    {
        2 => Separated(name, '_', upper: false),
        3 => Separated(name, '_', upper: true),
        4 => Separated(name, '-', upper: false),
        5 => Separated(name, '-', upper: true),
        _ => name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name,
    };

    private static string Separated(string name, char separator, bool upper)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) text.Append(separator);
            text.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

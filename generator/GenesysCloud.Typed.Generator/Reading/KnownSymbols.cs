using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>The runtime's attributes and the framework types the rules look for, resolved once per compilation (as
/// System.Text.Json's KnownTypeSymbols are), so every check is a symbol identity compare rather than a display string.
/// A symbol the compilation does not have is null and matches nothing.</summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private readonly Compilation _compilation;

    /// <summary>The compilation these symbols are of.</summary>
    public Compilation Compilation => _compilation;
    private readonly IAssemblySymbol _core;

    private KnownSymbols(Compilation compilation, INamedTypeSymbol? genesysApi)
    {
        _compilation = compilation;
        _core = compilation.ObjectType.ContainingAssembly;
        GenesysApi = genesysApi ?? compilation.GetTypeByMetadataName(KnownNames.GenesysApi);
        // The runtime's own types come from the assembly that defines [GenesysApi]: exact even when another reference
        // declares a type of the same name.
        var runtime = GenesysApi?.ContainingAssembly;
        INamedTypeSymbol? Runtime(string metadataName) => runtime?.GetTypeByMetadataName(metadataName);
        Get = Runtime(KnownNames.Namespace + ".GetAttribute");
        Post = Runtime(KnownNames.Namespace + ".PostAttribute");
        Put = Runtime(KnownNames.Namespace + ".PutAttribute");
        Patch = Runtime(KnownNames.Namespace + ".PatchAttribute");
        Delete = Runtime(KnownNames.Namespace + ".DeleteAttribute");
        Head = Runtime(KnownNames.Namespace + ".HeadAttribute");
        Query = Runtime(KnownNames.Query);
        Body = Runtime(KnownNames.Body);
        Header = Runtime(KnownNames.Header);
        RequiresScope = Runtime(KnownNames.RequiresScope);
        GrantedScopes = Runtime(KnownNames.GrantedScopes);
        Paging = Runtime(KnownNames.Paging);
        Idempotent = Runtime(KnownNames.Idempotent);
        ApiResponse = Runtime(KnownNames.ApiResponse);
        Pageable = Runtime(KnownNames.Pageable);
        Job = Runtime(KnownNames.Job);
        AsyncJob = Runtime(KnownNames.AsyncJob);
        Connection = Runtime(KnownNames.Namespace + ".GenesysCloudConnection");
        Task = Framework(KnownNames.Task);
        TaskOfT = Framework(KnownNames.TaskOfT);
        AsyncEnumerable = Framework(KnownNames.AsyncEnumerable);
        CancellationToken = Framework(KnownNames.CancellationToken);
        Obsolete = Framework("System.ObsoleteAttribute");
        Experimental = Framework("System.Diagnostics.CodeAnalysis.ExperimentalAttribute");
        RequiresPreviewFeatures = Framework("System.Runtime.Versioning.RequiresPreviewFeaturesAttribute");
        AllowNull = Framework("System.Diagnostics.CodeAnalysis.AllowNullAttribute");
        Guid = Framework("System.Guid");
        DateTimeOffset = Framework("System.DateTimeOffset");
        DateOnly = Framework("System.DateOnly");
        TimeSpan = Framework("System.TimeSpan");
        foreach (var name in NullabilityAttributeNames)
            if (Framework(name) is { } attribute) NullabilityAttributes.Add(attribute);
    }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on first use. The generator passes the
    /// [GenesysApi] class it already holds, which spares a search of every reference.</summary>
    public static KnownSymbols Of(Compilation compilation, INamedTypeSymbol? genesysApi = null) =>
        Cache.GetValue(compilation, c => new KnownSymbols(c, genesysApi));

    /// <summary>A framework type: from the compilation's own source (a polyfill), else the core library, else any
    /// reference. The first two are cheap; Compilation.GetTypeByMetadataName searches every reference.</summary>
    private INamedTypeSymbol? Framework(string metadataName) =>
        _compilation.Assembly.GetTypeByMetadataName(metadataName) ?? _core.GetTypeByMetadataName(metadataName) ??
        _compilation.GetTypeByMetadataName(metadataName);

    // Needed only for enums with JSON names and interfaces with a JsonContext: resolved when first asked for.
    private Lazy<INamedTypeSymbol?>? _jsonStringEnumMemberName, _enumMember, _jsonSerializerContext, _jsonSerializable, _jsonDerivedType, _jsonIgnore, _jsonInclude,
        _dictionary, _dictionaryOfT, _readOnlyDictionaryOfT, _jsonNode, _jsonObject;

    private INamedTypeSymbol? Once(ref Lazy<INamedTypeSymbol?>? slot, string metadataName)
    {
        if (slot is null) System.Threading.Interlocked.CompareExchange(ref slot, new Lazy<INamedTypeSymbol?>(() => Framework(metadataName)), null);
        return slot.Value;
    }

    public INamedTypeSymbol? GenesysApi { get; }
    public INamedTypeSymbol? Get { get; }
    public INamedTypeSymbol? Post { get; }
    public INamedTypeSymbol? Put { get; }
    public INamedTypeSymbol? Patch { get; }
    public INamedTypeSymbol? Delete { get; }

    public INamedTypeSymbol? Head { get; }
    public INamedTypeSymbol? Query { get; }
    public INamedTypeSymbol? Body { get; }
    public INamedTypeSymbol? Header { get; }
    public INamedTypeSymbol? RequiresScope { get; }
    public INamedTypeSymbol? GrantedScopes { get; }
    public INamedTypeSymbol? Paging { get; }
    public INamedTypeSymbol? Idempotent { get; }
    public INamedTypeSymbol? ApiResponse { get; }
    public INamedTypeSymbol? Pageable { get; }
    public INamedTypeSymbol? Job { get; }
    public INamedTypeSymbol? AsyncJob { get; }
    public INamedTypeSymbol? Connection { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? AsyncEnumerable { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? Obsolete { get; }
    public INamedTypeSymbol? Experimental { get; }
    public INamedTypeSymbol? RequiresPreviewFeatures { get; }
    public INamedTypeSymbol? AllowNull { get; }
    public INamedTypeSymbol? JsonStringEnumMemberName => Once(ref _jsonStringEnumMemberName, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
    public INamedTypeSymbol? EnumMember => Once(ref _enumMember, "System.Runtime.Serialization.EnumMemberAttribute");
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? DateOnly { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? JsonSerializerContext => Once(ref _jsonSerializerContext, "System.Text.Json.Serialization.JsonSerializerContext");
    public INamedTypeSymbol? JsonSerializable => Once(ref _jsonSerializable, "System.Text.Json.Serialization.JsonSerializableAttribute");
    public INamedTypeSymbol? JsonDerivedType => Once(ref _jsonDerivedType, "System.Text.Json.Serialization.JsonDerivedTypeAttribute");
    public INamedTypeSymbol? JsonIgnore => Once(ref _jsonIgnore, "System.Text.Json.Serialization.JsonIgnoreAttribute");
    public INamedTypeSymbol? JsonInclude => Once(ref _jsonInclude, "System.Text.Json.Serialization.JsonIncludeAttribute");
    public INamedTypeSymbol? Dictionary => Once(ref _dictionary, "System.Collections.IDictionary");
    public INamedTypeSymbol? DictionaryOfT => Once(ref _dictionaryOfT, "System.Collections.Generic.IDictionary`2");
    public INamedTypeSymbol? ReadOnlyDictionaryOfT => Once(ref _readOnlyDictionaryOfT, "System.Collections.Generic.IReadOnlyDictionary`2");
    public INamedTypeSymbol? JsonNode => Once(ref _jsonNode, "System.Text.Json.Nodes.JsonNode");
    public INamedTypeSymbol? JsonObject => Once(ref _jsonObject, "System.Text.Json.Nodes.JsonObject");

    /// <summary>Attributes that change how the compiler checks nullability or ref safety across an implementation.</summary>
    public HashSet<INamedTypeSymbol> NullabilityAttributes { get; } = new(SymbolEqualityComparer.Default);

    private static readonly string[] NullabilityAttributeNames =
    [
        "System.Diagnostics.CodeAnalysis.AllowNullAttribute", "System.Diagnostics.CodeAnalysis.DisallowNullAttribute",
        "System.Diagnostics.CodeAnalysis.MaybeNullAttribute", "System.Diagnostics.CodeAnalysis.NotNullAttribute",
        "System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute", "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute",
        "System.Diagnostics.CodeAnalysis.NotNullIfNotNullAttribute", "System.Diagnostics.CodeAnalysis.DoesNotReturnIfAttribute",
        "System.Diagnostics.CodeAnalysis.UnscopedRefAttribute",
    ];

    // A symbol of one compilation is one object, so the reference test answers most comparisons; names differ for most of
    // the rest, and only a namesake pays for the comparer (which for two distinct types walks their definitions).
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && type is not null &&
        (ReferenceEquals(type, known) || (type.Name == known.Name && SymbolEqualityComparer.Default.Equals(type, known)));

    public static bool IsDefinition(ITypeSymbol? type, INamedTypeSymbol? known) => type is not null && Is(type.OriginalDefinition, known);

    /// <summary>The first attribute of <paramref name="known"/>'s class on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? known)
    {
        if (known is null) return null;
        foreach (var attribute in symbol.GetAttributes())
            if (Is(attribute.AttributeClass, known)) return attribute;
        return null;
    }

    public static bool Has(ISymbol symbol, INamedTypeSymbol? known) => Find(symbol, known) is not null;

    public bool IsGenesysApi(INamedTypeSymbol type) => Has(type, GenesysApi);

    /// <summary>"Get", "Post", … for one of the runtime's HTTP method attributes; null for any other class.</summary>
    public string? HttpMethodOf(INamedTypeSymbol? attributeClass) =>
        attributeClass is null ? null
        : Is(attributeClass, Get) ? "Get"
        : Is(attributeClass, Post) ? "Post"
        : Is(attributeClass, Put) ? "Put"
        : Is(attributeClass, Patch) ? "Patch"
        : Is(attributeClass, Delete) ? "Delete"
        : Is(attributeClass, Head) ? "Head"
        : null;

    /// <summary>The T of a Nullable&lt;T&gt;; null for any other type.</summary>
    public static ITypeSymbol? NullableOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : null;

    /// <summary>The HTTP method attributes on <paramref name="method"/> with the method each names.</summary>
    public List<(AttributeData Attribute, string Method)> HttpAttributes(IMethodSymbol method)
    {
        var found = new List<(AttributeData, string)>(1);
        foreach (var attribute in method.GetAttributes())
            if (HttpMethodOf(attribute.AttributeClass) is { } name) found.Add((attribute, name));
        return found;
    }
}

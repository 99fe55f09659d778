using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Rules;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>What the analyzers need to know about a method of a [GenesysApi] interface, read from its symbol.</summary>
internal sealed class EndpointFacts
{
    private EndpointFacts(IMethodSymbol method, AttributeData? http, string? httpMethod, string? route, IReadOnlyList<string> scopes, AttributeData? scopeAttribute,
        bool readsByPost)
    {
        _readsByPost = readsByPost;
        Method = method;
        HttpAttribute = http;
        HttpMethod = httpMethod;
        Route = route;
        Scopes = scopes;
        ScopeAttribute = scopeAttribute;
    }

    public IMethodSymbol Method { get; }
    public AttributeData? HttpAttribute { get; }
    /// <summary>"GET", "PATCH", …; null when the method has no (single) HTTP attribute.</summary>
    public string? HttpMethod { get; }
    public string? Route { get; }
    /// <summary>The effective scopes: the method's [RequiresScope], else its interface's.</summary>
    public IReadOnlyList<string> Scopes { get; }
    /// <summary>The [RequiresScope] the scopes come from (the method's or the interface's); null when none.</summary>
    public AttributeData? ScopeAttribute { get; }

    private readonly bool _readsByPost;

    /// <summary>Changes something. A POST that only reads — a search paged in its body, an analytics job's query — does not:
    /// Genesys Cloud accepts the read-only scope for those.</summary>
    public bool IsWrite => HttpMethod is "PUT" or "PATCH" or "DELETE" || (HttpMethod == "POST" && !_readsByPost);

    /// <summary>The facts of <paramref name="method"/>, HTTP method and scopes read by the same rules the classifier uses.</summary>
    public static EndpointFacts Read(IMethodSymbol method, KnownSymbols known)
    {
        var https = known.HttpAttributes(method);
        var http = https.Count == 1 ? https[0].Attribute : null;
        var httpMethod = https.Count == 1 ? HttpVerb.Of(https[0].Method) : null;
        var route = http is { ConstructorArguments.Length: 1 } ? http.ConstructorArguments[0].Value as string : null;
        var source = KnownSymbols.Find(method, known.RequiresScope) ?? (method.ContainingType is { } type ? KnownSymbols.Find(type, known.RequiresScope) : null);
        var paging = KnownSymbols.Find(method, known.Paging);
        var readsByPost = KnownSymbols.Find(method, known.AsyncJob) is not null ||
                          (paging is not null && AttributeArguments.PagingStyle(paging) is { } style && PagingDefaults.PagesInBody(style));
        return new EndpointFacts(method, http, httpMethod, route, ScopesOf(source), source, readsByPost);
    }

    /// <summary>The non-empty scope strings of a [RequiresScope] or [GrantedScopes]; none for <c>(null)</c> or no attribute.</summary>
    public static IReadOnlyList<string> ScopesOf(AttributeData? attribute)
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

    /// <summary>The [assembly: GrantedScopes] of a compilation; null when it declares none.</summary>
    public static IReadOnlyList<string>? GrantedScopes(Compilation compilation, KnownSymbols known) =>
        KnownSymbols.Find(compilation.Assembly, known.GrantedScopes) is { } attribute ? ScopesOf(attribute) : null;
}

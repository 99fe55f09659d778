using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>What the analyzers need to know about a method of a [GenesysApi] interface, read from its symbol.</summary>
internal sealed class EndpointFacts
{
    private EndpointFacts(IMethodSymbol method, AttributeData? http, string? httpMethod, string? route, IReadOnlyList<string> scopes, AttributeData? scopeAttribute,
        bool isJob, PagingStyle? paging)
    {
        IsJob = isJob;
        Paging = paging;
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

    /// <summary>It carries [AsyncJob]: a POST that submits a job's query.</summary>
    public bool IsJob { get; }

    /// <summary>Its [Paging] style; null without [Paging] (or with a style the generator does not know).</summary>
    public PagingStyle? Paging { get; }

    /// <summary>The facts of <paramref name="method"/>, HTTP method and scopes read by the same rules the classifier uses.</summary>
    public static EndpointFacts Read(IMethodSymbol method, KnownSymbols known)
    {
        var https = known.HttpAttributes(method);
        var http = https.Count == 1 ? https[0].Attribute : null;
        var httpMethod = https.Count == 1 ? HttpVerb.Of(https[0].Method) : null;
        var route = http is { ConstructorArguments.Length: 1 } ? http.ConstructorArguments[0].Value as string : null;
        var source = KnownSymbols.Find(method, known.RequiresScope) ?? (method.ContainingType is { } type ? KnownSymbols.Find(type, known.RequiresScope) : null);
        var paging = KnownSymbols.Find(method, known.Paging);
        return new EndpointFacts(method, http, httpMethod, route, AttributeArguments.Scopes(source), source,
            KnownSymbols.Find(method, known.AsyncJob) is not null, paging is null ? null : AttributeArguments.PagingStyle(paging));
    }

    /// <summary>The [assembly: GrantedScopes] of a compilation; null when it declares none.</summary>
    public static IReadOnlyList<string>? GrantedScopes(Compilation compilation, KnownSymbols known) =>
        KnownSymbols.Find(compilation.Assembly, known.GrantedScopes) is { } attribute ? AttributeArguments.Scopes(attribute) : null;
}

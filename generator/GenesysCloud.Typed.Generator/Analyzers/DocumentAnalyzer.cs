using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Shared;
using GenesysCloud.Typed.Generator.Rules;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0200–GCT0210: every [GenesysApi] endpoint held to Genesys's API document, as the project's genesys-api.json
/// (AdditionalFiles, written by <c>genesys-typed index</c>) records it: the route and verb, the placeholder names, query
/// and header names, required query parameters, scopes, deprecation and preview, and the JSON property names of bodies
/// and results. Without the file nothing is reported; an unusable file is one GCT0200 on the file.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DocumentAnalyzer : GenesysAnalyzer
{
    /// <summary>Diagnostic property: the documented route to use (GCT0201), for the code fix.</summary>
    public const string DocumentedRouteKey = "DocumentedRoute";

    /// <summary>Diagnostic property: the document's scopes, comma-separated (GCT0206), for the code fix.</summary>
    public const string DocumentScopesKey = "DocumentScopes";

    /// <summary>Diagnostic property: the documented name a placeholder, query parameter or header most likely meant.</summary>
    public const string DocumentedNameKey = "DocumentedName";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.IndexUnusable, Descriptors.UndocumentedEndpoint, Descriptors.PlaceholderNameDiffers, Descriptors.UndocumentedQuery,
        Descriptors.UndocumentedHeader, Descriptors.RequiredQueryUnbound, Descriptors.ScopesDiffer, Descriptors.DeprecatedOperation,
        Descriptors.PreviewOperation, Descriptors.UndocumentedBodyProperty, Descriptors.UndocumentedResultProperty);

    // Sent by the runtime itself on paged and job endpoints, so a documented required one is bound without a parameter.
    private static readonly string[] SentByRuntime = ["pageNumber", "cursor"];

    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        var load = IndexFiles.Find(start.Options, start.CancellationToken);
        if (load is null) return;
        if (load.Index is not { } index)
        {
            start.RegisterAdditionalFileAction(file =>
            {
                if (file.AdditionalFile.Path != load.Path) return;
                var location = Location.Create(load.Path, default, default(LinePositionSpan));
                file.ReportDiagnostic(Diagnostic.Create(Descriptors.IndexUnusable, location, load.Path, load.Error));
            });
            return;
        }
        var json = new JsonPropertyNames(start.Compilation);
        start.RegisterSymbolAction(symbol => Check(symbol, known, index, json), SymbolKind.Method);
    }

    private static void Check(SymbolAnalysisContext context, KnownSymbols known, ApiIndex index, JsonPropertyNames json)
    {
        if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, ContainingType: { TypeKind: TypeKind.Interface } type } method ||
            !known.IsGenesysApi(type))
            return;
        var facts = EndpointFacts.Read(method, known);
        // A route that is a contract error (GCT0105: a query string, '//', a malformed placeholder...) is reported there once.
        if (facts.HttpMethod is not { } verb || facts.Route is not { } route || Route.Problem(route) is not null) return;
        var at = method.Locations.FirstOrDefault() ?? Location.None;
        var routeAt = RouteLocation(facts, context) ?? at;
        var source = index.Source;

        var operation = index.Find(verb, route);
        if (operation is null)
        {
            var verbs = index.AtRoute(route).Select(o => o.Verb).ToList();
            var nearest = verbs.Count > 0 ? null : index.Nearest(verb, route);
            var hint = verbs.Count > 0 ? $"; the document has this route only for {string.Join(", ", verbs)}"
                : nearest is not null ? $"; did you mean `{nearest}`?" : "";
            var properties = nearest is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(DocumentedRouteKey, nearest);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndocumentedEndpoint, routeAt, properties, verb, route, source, hint));
            return;
        }

        var placeholders = RouteShape.Placeholders(route);
        for (var i = 0; i < placeholders.Count && i < operation.Placeholders.Count; i++)
        {
            if (placeholders[i] == operation.Placeholders[i]) continue;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DocumentedNameKey, operation.Placeholders[i]).Add(ContractAnalyzer.PlaceholderKey, placeholders[i]);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaceholderNameDiffers, routeAt, properties, placeholders[i], verb, operation.Route,
                operation.Placeholders[i], source));
        }

        var bindings = DeclaredBindings.Of(method, known);
        foreach (var (name, parameter) in bindings.Query)
        {
            if (operation.Parameter('q', name) is not null) continue;
            Undocumented(context, Descriptors.UndocumentedQuery, parameter, operation.Suggest('q', name), verb, operation.Route, name, source);
        }
        foreach (var (name, parameter) in bindings.Headers)
        {
            if (operation.Parameter('h', name) is not null) continue;
            Undocumented(context, Descriptors.UndocumentedHeader, parameter, operation.Suggest('h', name), verb, operation.Route, name, source);
        }
        var paged = KnownSymbols.Find(method, known.Paging) is not null || KnownSymbols.Find(method, known.AsyncJob) is not null ||
                    KnownSymbols.IsDefinition(method.ReturnType, known.AsyncEnumerable) || KnownSymbols.IsDefinition(method.ReturnType, known.Pageable) ||
                    KnownSymbols.IsDefinition(method.ReturnType, known.Job);
        foreach (var required in operation.Parameters)
        {
            if (required.Place != 'q' || !required.Required || bindings.Query.Any(q => q.Name == required.Name) ||
                (paged && Array.IndexOf(SentByRuntime, required.Name) >= 0))
                continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RequiredQueryUnbound, at, verb, operation.Route, required.Name, required.Type, source, method.Name));
        }

        if (facts.Scopes.Count > 0 && operation.Scopes.Count > 0 && !SameSet(facts.Scopes, operation.Scopes))
        {
            var scopeAt = facts.ScopeAttribute is { } attribute && ReferenceEquals(KnownSymbols.Find(method, known.RequiresScope), attribute) &&
                          attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } syntax
                ? syntax.GetLocation()
                : at;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DocumentScopesKey, string.Join(",", operation.Scopes));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ScopesDiffer, scopeAt, properties, verb, operation.Route, string.Join(", ", operation.Scopes), source,
                method.Name, string.Join(", ", facts.Scopes)));
        }

        // [Obsolete] on the method or its interface says the user knows.
        if (operation.Deprecated && !KnownSymbols.Has(method, known.Obsolete) && !KnownSymbols.Has(type, known.Obsolete))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedOperation, at, verb, operation.Route, source, method.Name));
        if (operation.Preview)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PreviewOperation, at, verb, operation.Route, source));

        if (operation.Body.Length == 0 && operation.Result.Length == 0) return;
        var policy = json.NamingPolicyOf(JsonContextOf(type, known));
        if (operation.Body.Length > 0 && bindings.Body is { } body && JsonPropertyNames.Model(body.Type) is { } bodyModel &&
            index.SchemaProperties(operation.Body) is { } bodyNames)
        {
            var bodyAt = body.Locations.FirstOrDefault() ?? at;
            Properties(context, json, Descriptors.UndocumentedBodyProperty, bodyModel, policy, bodyNames, operation.Body, method, verb, operation.Route, bodyAt);
        }
        if (operation.Result.Length > 0 && ResultOf(method, known) is { } result && JsonPropertyNames.Model(result) is { } resultModel &&
            index.SchemaProperties(operation.Result) is { } resultNames)
        {
            Properties(context, json, Descriptors.UndocumentedResultProperty, resultModel, policy, resultNames, operation.Result, method, verb, operation.Route, at);
        }
    }

    private static void Undocumented(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, IParameterSymbol parameter, string? suggestion, string verb,
        string route, string name, string source)
    {
        var location = parameter.Locations.FirstOrDefault() ?? Location.None;
        var properties = suggestion is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(DocumentedNameKey, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, verb, route, name, source, suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
    }

    private static void Properties(SymbolAnalysisContext context, JsonPropertyNames json, DiagnosticDescriptor descriptor, INamedTypeSymbol model, int policy, string[] documented,
        string schema, IMethodSymbol method, string verb, string route, Location fallback)
    {
        // Without a naming policy of its own the runtime reads case-insensitively (Web defaults); a policy's names are exact.
        var comparison = policy <= 1 ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var names = new HashSet<string>(documented, comparison);
        var exact = new HashSet<string>(documented, StringComparer.Ordinal);
        foreach (var (name, isExplicit, property) in json.Of(model, policy))
        {
            if (isExplicit ? exact.Contains(name) : names.Contains(name)) continue;
            var suggestion = Nearest(name, documented);
            // Reported on the model's property when it is in this compilation, else on the endpoint.
            var location = property.Locations.FirstOrDefault(l => l.IsInSource && context.Compilation.ContainsSyntaxTree(l.SourceTree!)) ?? fallback;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, model.Name, method.Name, name, schema, verb, route,
                suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }
    }

    private static string? Nearest(string name, string[] candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Of(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>The T of Task&lt;T&gt; or Task&lt;ApiResponse&lt;T&gt;&gt;; null for other returns (pages and jobs carry items, not the result).</summary>
    private static ITypeSymbol? ResultOf(IMethodSymbol method, KnownSymbols known)
    {
        if (method.ReturnType is not INamedTypeSymbol { TypeArguments: [var result] } task || !KnownSymbols.IsDefinition(task, known.TaskOfT)) return null;
        return result is INamedTypeSymbol { TypeArguments: [var inner] } response && KnownSymbols.IsDefinition(response, known.ApiResponse) ? inner : result;
    }

    private static ITypeSymbol? JsonContextOf(INamedTypeSymbol type, KnownSymbols known)
    {
        if (KnownSymbols.Find(type, known.GenesysApi) is not { } attribute) return null;
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == "JsonContext") return argument.Value.Value as ITypeSymbol;
        return null;
    }

    /// <summary>The route argument of the HTTP attribute, where a fix replaces it.</summary>
    private static Location? RouteLocation(EndpointFacts facts, SymbolAnalysisContext context) =>
        facts.HttpAttribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList.Arguments: [var argument, ..] }
            ? argument.GetLocation()
            : null;

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var set = new HashSet<string>(a, StringComparer.Ordinal);
        return set.SetEquals(b);
    }
}

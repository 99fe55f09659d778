using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Rules;
using GenesysCloud.Typed.Generator.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0001–GCT0004: endpoints whose OAuth scopes the app is not granted (at the declaration and at every call,
/// also of interfaces from other assemblies), unknown scope names, writes that accept only read-only scopes, and endpoints
/// that declare none. With genesys-api.json (see <see cref="DocumentAnalyzer"/>), an endpoint that declares no scope is
/// checked with the document's scopes for it, and scope names are checked against the document's list.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeAnalyzer : GenesysAnalyzer
{
    /// <summary>Diagnostic property: the narrowest granted scope that would cover the endpoint (for the code fix).</summary>
    public const string SuggestedScopeKey = "SuggestedScope";

    /// <summary>Diagnostic property: the known scope a typo most likely meant.</summary>
    public const string DidYouMeanKey = "DidYouMean";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.MissingScope, Descriptors.UnknownScope, Descriptors.WriteWithReadOnlyScope, Descriptors.NoRequiredScope);

    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        var granted = EndpointFacts.GrantedScopes(start.Compilation, known);
        var index = IndexFiles.Find(start.Options, start.CancellationToken)?.Index;
        start.RegisterSymbolAction(ctx => AnalyzeDeclaration(ctx, known, granted, index), SymbolKind.Method);
        start.RegisterSyntaxNodeAction(ctx => AnalyzeScopeNames(ctx, known, index), SyntaxKind.Attribute);
        if (granted is not null) start.RegisterOperationAction(ctx => AnalyzeCall(ctx, known, granted, index), OperationKind.Invocation);
    }

    /// <summary>The endpoint's scopes: its [RequiresScope], else the document's for its verb and route (with an index).</summary>
    private static IReadOnlyList<string> ScopesOf(EndpointFacts facts, ApiIndex? index) =>
        facts.Scopes.Count > 0 || index is null || facts.Route is null ? facts.Scopes : index.Find(facts.HttpMethod!, facts.Route)?.Scopes ?? facts.Scopes;

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, KnownSymbols known, IReadOnlyList<string>? granted, ApiIndex? index)
    {
        if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, ContainingType: { TypeKind: TypeKind.Interface } type } method ||
            !known.IsGenesysApi(type))
            return;
        var facts = EndpointFacts.Read(method, known);
        if (facts.HttpMethod is null) return;   // the contract analyzer reports it
        var location = method.Locations.FirstOrDefault() ?? Location.None;

        var scopes = ScopesOf(facts, index);
        if (scopes.Count == 0)
        {
            if (granted is not null) context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoRequiredScope, location, facts.HttpMethod, facts.Route));
            return;
        }
        // The effective scopes, as GCT0001 judges them (never an empty list: that returned above).
        if (Writes.IsWrite(facts) && scopes.All(KnownScopes.IsReadOnly))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WriteWithReadOnlyScope, location, facts.HttpMethod, facts.Route,
                scopes.Count == 1 ? "" : "s", string.Join(", ", scopes), scopes.Count == 1 ? "is" : "are"));
        }
        if (granted is not null && Missing(facts, scopes, granted) is { } diagnostic) context.ReportDiagnostic(diagnostic(location));
    }

    private static void AnalyzeCall(OperationAnalysisContext context, KnownSymbols known, IReadOnlyList<string> granted, ApiIndex? index)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.ContainingType is not { TypeKind: TypeKind.Interface } type || !known.IsGenesysApi(type)) return;
        var facts = EndpointFacts.Read(method, known);
        if (facts.HttpMethod is null) return;
        var scopes = ScopesOf(facts, index);
        if (scopes.Count == 0) return;
        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
        if (Missing(facts, scopes, granted) is { } diagnostic) context.ReportDiagnostic(diagnostic(location));
    }

    private static System.Func<Location, Diagnostic>? Missing(EndpointFacts facts, IReadOnlyList<string> scopes, IReadOnlyList<string> granted)
    {
        if (scopes.Any(required => granted.Any(g => ScopeCoverage.Covers(g, required)))) return null;
        // The narrowest sufficient scope: the read-only one for a read, else the first the endpoint accepts.
        var suggestion = (!Writes.IsWrite(facts) ? scopes.FirstOrDefault(KnownScopes.IsReadOnly) : null) ?? scopes[0];
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestedScopeKey, suggestion);
        var grantedText = granted.Count == 0 ? "nothing" : string.Join(", ", granted);
        return location => Diagnostic.Create(Descriptors.MissingScope, location, properties, facts.HttpMethod, facts.Route, string.Join(", ", scopes), grantedText);
    }

    /// <summary>Every scope string in [RequiresScope(...)] and [assembly: GrantedScopes(...)], at its own argument.</summary>
    private static void AnalyzeScopeNames(SyntaxNodeAnalysisContext context, KnownSymbols known, ApiIndex? index)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is null || attribute.ArgumentList.Arguments.Count == 0) return;
        // By symbol, not spelling: an alias (using Needs = GenesysCloud.Typed.RequiresScopeAttribute) is checked too.
        var type = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType;
        if (!KnownSymbols.Is(type, known.RequiresScope) && !KnownSymbols.Is(type, known.GrantedScopes)) return;
        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken) is not { HasValue: true, Value: string scope }) continue;
            // The document's scope names when the project has its index; the compiled-in list otherwise.
            if (index is null ? KnownScopes.IsKnown(scope) : index.Scopes.Contains(scope)) continue;
            var suggestion = index is null ? KnownScopes.Suggest(scope) : KnownScopes.Suggest(scope, index.Scopes);
            var properties = suggestion is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(DidYouMeanKey, suggestion);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownScope, argument.GetLocation(), properties, scope,
                suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }
    }
}

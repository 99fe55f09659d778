using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0101–GCT0121: everything in a [GenesysApi] declaration the generator cannot turn into a correct client.
/// Whenever the generator falls back to a throwing stub, one of these errors says why, at the place to fix.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the placeholder that needs a parameter (for the code fix).</summary>
    public const string PlaceholderKey = "Placeholder";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NotPartial, Descriptors.NotAnInterface, Descriptors.CannotExtend, Descriptors.NoHttpMethod, Descriptors.BadRoute,
        Descriptors.PlaceholderWithoutParameter, Descriptors.UnboundParameter, Descriptors.BoundTwice, Descriptors.TooManyBodies,
        Descriptors.TooManyCancellationTokens, Descriptors.BodyNotAllowed, Descriptors.UnsupportedReturn, Descriptors.NoPagingShape,
        Descriptors.GenericMethod, Descriptors.BadHeaderName, Descriptors.UnsupportedParameterType, Descriptors.NotAMethod,
        Descriptors.ByReference, Descriptors.ConflictingBindings, Descriptors.UnknownArgument, Descriptors.NotSerializable);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.GenesysApi);
        if (attribute is null) return;
        var where = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
        if (type.TypeKind != TypeKind.Interface)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAnInterface, where, type.Name));
            return;
        }
        var declaration = type.Locations.FirstOrDefault() ?? where;
        if (!TypeDeclarations.IsPartial(type)) context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotPartial, declaration, type.Name));
        if (type.IsGenericType) context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotExtend, declaration, type.Name, "generic interfaces cannot have a generated client"));
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotExtend, declaration, type.Name, $"it is nested in the generic type '{outer.Name}'"));
            else if (!TypeDeclarations.IsPartial(outer))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotExtend, declaration, type.Name, $"it is nested in '{outer.Name}', which is not partial"));
        }

        if (TypeDeclarations.WhyNotGenerable(type) is { } why)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotExtend, declaration, type.Name, why));
            return;
        }

        // Every member the client implements, as the parser lists them: this interface's, those of plain (non-[GenesysApi])
        // base interfaces, and members re-abstracted here ([GenesysApi] bases report their own).
        foreach (var (declaring, member) in Parser.MembersToImplement(type))
        {
            if (member.IsAbstract && !SymbolEqualityComparer.Default.Equals(declaring, type) && EndpointFacts.IsGenesysApi(declaring)) continue;
            var at = member.Locations.FirstOrDefault(l => l.IsInSource) ?? declaration;
            switch (member)
            {
                case IMethodSymbol method:
                    AnalyzeMethod(context, method, at);
                    break;
                case IPropertySymbol property:
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAMethod, at, property.Name, property.IsIndexer ? "indexer" : "property"));
                    break;
                case IEventSymbol @event:
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAMethod, at, @event.Name, "event"));
                    break;
            }
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, Location at)
    {
        var name = method.Name;
        var https = method.GetAttributes().Where(a => a.AttributeClass is { } c && KnownNames.HttpMethodOf(c.ToDisplayString()) is not null).ToList();
        if (https.Count != 1)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoHttpMethod, at, name, https.Count == 0 ? "" : $"; it has {https.Count}"));
            return;
        }
        var http = https[0];
        var httpMethod = KnownNames.HttpMethodOf(http.AttributeClass!.ToDisplayString())!.ToUpperInvariant();
        var route = http.ConstructorArguments.Length == 1 ? http.ConstructorArguments[0].Value as string : null;
        var routeAt = http.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].GetLocation() : at;
        var routeProblem = Route.Problem(route);
        if (routeProblem is not null) context.ReportDiagnostic(Diagnostic.Create(Descriptors.BadRoute, routeAt, route ?? "", name, routeProblem));
        if (method.IsGenericMethod) context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericMethod, at, name));
        if (method.IsVararg) context.ReportDiagnostic(Diagnostic.Create(Descriptors.ByReference, at, "__arglist", name));

        var returns = method.ReturnsByRef || method.ReturnsByRefReadonly ? null : ReturnShape(method.ReturnType);
        if (returns is null)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedReturn, at, name,
                (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "") + method.ReturnType.ToDisplayString()));
        else if (ResultOf(method.ReturnType) is { } result && Signatures.NotSerializable(result) is { } notSerializable)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotSerializable, at, "result", name, result.ToDisplayString(), notSerializable));
        var paging = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Paging);
        if (returns == "paged" && httpMethod != "GET")
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoPagingShape, at, name, $"a paged listing is a GET, not a {httpMethod}; return Task<T> for one answer"));
        if (paging is not null && returns is not null && returns != "paged")
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoPagingShape, at, name, "[Paging] applies only to IAsyncEnumerable<T> or GenesysPageable<T>"));
        if (paging is not null && AttributeArguments.PagingStyle(paging) is null)
        {
            var written = paging.ConstructorArguments.Length == 1 ? AttributeArguments.Display(paging.ConstructorArguments[0]) : "missing";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoPagingShape, AttributeLocation(paging, at, context), name,
                $"the [Paging] style {written} is not a PagingStyle (PageNumber or Cursor)"));
        }
        if (paging is not null && AttributeArguments.ItemsProperty(paging) is null)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownArgument, AttributeLocation(paging, at, context), "[Paging] ItemsProperty", name,
                AttributeArguments.Display(paging.NamedArguments.Last(n => n.Key == "ItemsProperty").Value),
                "name the JSON property that holds the items, e.g. \"entities\", or leave it out"));

        var placeholders = routeProblem is null ? Route.Parse(route!)!.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList() : [];
        foreach (var duplicate in placeholders.GroupBy(p => p).Where(g => g.Count() > 1))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoundTwice, routeAt, $"The route placeholder {{{duplicate.Key}}}", name));

        var bodies = 0;
        var tokens = 0;
        var keys = new HashSet<string>();
        var routeBound = new HashSet<string>();
        foreach (var parameter in method.Parameters)
        {
            var p = parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? at;
            if (parameter.RefKind != RefKind.None)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ByReference, p, parameter.Name, name));
                continue;
            }
            var attributes = parameter.GetAttributes();
            var query = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Query);
            var header = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Header);
            var body = attributes.Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.Body);
            if ((query is null ? 0 : 1) + (header is null ? 0 : 1) + (body ? 1 : 0) > 1)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConflictingBindings, p, parameter.Name, name));
                continue;
            }
            if (parameter.Type.ToDisplayString() == KnownNames.CancellationToken)
            {
                if (++tokens == 2) context.ReportDiagnostic(Diagnostic.Create(Descriptors.TooManyCancellationTokens, p, name));
            }
            else if (body)
            {
                if (++bodies == 2) context.ReportDiagnostic(Diagnostic.Create(Descriptors.TooManyBodies, p, name));
                if (httpMethod is "GET" or "DELETE") context.ReportDiagnostic(Diagnostic.Create(Descriptors.BodyNotAllowed, p, name, httpMethod));
                if (Signatures.NotSerializable(parameter.Type) is { } notSerializable)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotSerializable, p, $"body parameter '{parameter.Name}'", name, parameter.Type.ToDisplayString(), notSerializable));
            }
            else if (query is not null)
            {
                var key = query.ConstructorArguments.Length == 1 ? query.ConstructorArguments[0].Value as string : parameter.Name;
                if (string.IsNullOrEmpty(key)) context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnboundParameter, p, parameter.Name, name));
                else if (!keys.Add("query:" + key!.ToLowerInvariant())) context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoundTwice, p, $"The query key '{key}'", name));
                if (ValueClassifier.ScalarOrCollection(parameter.Type) is null)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedParameterType, p, "query", parameter.Name, parameter.Type.ToDisplayString(), ", or a collection of them"));
                if (AttributeArguments.QueryFormat(query) is null)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownArgument, AttributeLocation(query, p, context), $"[Query] Format of parameter '{parameter.Name}'", name,
                        AttributeArguments.Display(query.NamedArguments.Last(n => n.Key == "Format").Value),
                        "use QueryCollectionFormat.Multi or QueryCollectionFormat.Csv"));
            }
            else if (header is not null)
            {
                var key = header.ConstructorArguments.Length == 1 ? header.ConstructorArguments[0].Value as string : null;
                if (!HeaderName.IsValid(key)) context.ReportDiagnostic(Diagnostic.Create(Descriptors.BadHeaderName, p, key ?? "", parameter.Name));
                else if (!keys.Add("header:" + key!.ToLowerInvariant())) context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoundTwice, p, $"The header '{key}'", name));
                if (ValueClassifier.Scalar(parameter.Type) is null)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedParameterType, p, "header", parameter.Name, parameter.Type.ToDisplayString(), ""));
            }
            else if (placeholders.Contains(parameter.Name))
            {
                routeBound.Add(parameter.Name);
                if (ValueClassifier.Scalar(parameter.Type) is null)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedParameterType, p, "route", parameter.Name, parameter.Type.ToDisplayString(), ""));
            }
            else
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnboundParameter, p, parameter.Name, name));
            }
        }
        foreach (var placeholder in placeholders.Distinct().Where(p => !routeBound.Contains(p)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaceholderWithoutParameter, routeAt,
                ImmutableDictionary<string, string?>.Empty.Add(PlaceholderKey, placeholder), placeholder, name));
        }
    }

    private static Location AttributeLocation(AttributeData attribute, Location fallback, SymbolAnalysisContext context) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? fallback;

    /// <summary>The T a Task&lt;T&gt;, Task&lt;ApiResponse&lt;T&gt;&gt;, IAsyncEnumerable&lt;T&gt; or GenesysPageable&lt;T&gt; reads as JSON.</summary>
    private static ITypeSymbol? ResultOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeArguments: [var argument] }) return null;
        return argument is INamedTypeSymbol { TypeArguments: [var inner] } response && response.OriginalDefinition.ToDisplayString() == "GenesysCloud.Typed.ApiResponse<T>"
            ? inner : argument;
    }

    /// <summary>"task", "value", "paged", or null when the generator cannot return it.</summary>
    private static string? ReturnShape(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return null;
        var definition = named.OriginalDefinition.ToDisplayString();
        return definition switch
        {
            "System.Threading.Tasks.Task" => "task",
            "System.Threading.Tasks.Task<TResult>" => "value",
            "System.Collections.Generic.IAsyncEnumerable<T>" => "paged",
            "GenesysCloud.Typed.GenesysPageable<T>" => "paged",
            _ => null,
        };
    }
}

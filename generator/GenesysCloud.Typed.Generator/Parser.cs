using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator;

/// <summary>Turns a [GenesysApi] interface symbol into an <see cref="ApiModel"/>. Never throws on broken input: a member
/// it cannot implement becomes a stub (the analyzers report why); an interface it cannot extend (not partial, generic,
/// nested in a non-partial type) gives null and no output.</summary>
internal static class Parser
{
    private static readonly SymbolDisplayFormat TypeFormat = TypeText.Format;

    /// <summary>The nested client class's name: "GenesysClient" unless a member of the interface, of a base interface or
    /// the interface itself already uses it.</summary>
    public const string ClientName = "GenesysClient";

    public static ApiModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } api) return null;
        if (api.IsGenericType || !TypeDeclarations.IsPartial(api)) return null;
        // A (wrongly) repeated [GenesysApi] on several partial declarations must still produce one file.
        if (!IsFirstAnnotatedDeclaration(api, context.TargetNode)) return null;

        var containing = new List<ContainingTypeModel>();
        for (var outer = api.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !TypeDeclarations.IsPartial(outer)) return null;
            containing.Insert(0, new ContainingTypeModel(KeywordOf(outer), Identifier.Escape(outer.Name)));
        }
        cancellationToken.ThrowIfCancellationRequested();

        var endpoints = new List<EndpointModel>();
        var stubs = new List<StubModel>();
        // Experimental IDs (and custom [Obsolete] DiagnosticIds) of everything the generated file references.
        var diagnosticIds = new SortedSet<string>(System.StringComparer.Ordinal);
        new SymbolMarks(diagnosticIds).Type(api);
        foreach (var declaring in new[] { api }.Concat(api.AllInterfaces))
        {
            if (declaring.ContainingNamespace?.ToDisplayString() == KnownNames.Namespace) continue;
            var interfaceName = declaring.ToDisplayString(TypeFormat);
            var interfaceScopes = ScopesOf(declaring);
            foreach (var member in declaring.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.IsStatic || !member.IsAbstract) continue;
                // An explicit implementation references its interface, the member and every type of its signature.
                var marks = new SymbolMarks(diagnosticIds).Type(declaring).Symbol(member);
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        marks.Type(method.ReturnType);
                        foreach (var parameter in method.Parameters) marks.Type(parameter.Type);
                        var endpoint = ParseEndpoint(method, interfaceName, interfaceScopes, marks.Marks, diagnosticIds, out var reason);
                        if (endpoint is not null) endpoints.Add(endpoint);
                        else stubs.Add(MethodStub(method, interfaceName, reason, marks.Marks));
                        break;
                    case IPropertySymbol property:
                        marks.Type(property.Type);
                        foreach (var parameter in property.Parameters) marks.Type(parameter.Type);
                        stubs.Add(new StubModel(property.IsIndexer ? StubKind.Indexer : StubKind.Property, interfaceName, Identifier.Escape(property.Name),
                            property.Type.ToDisplayString(TypeFormat), "", ParameterList(property.Parameters),
                            property.GetMethod is not null, property.SetMethod is not null, "an interface of endpoints cannot declare properties (GCT0117)", marks.Marks));
                        break;
                    case IEventSymbol @event:
                        marks.Type(@event.Type);
                        stubs.Add(new StubModel(StubKind.Event, interfaceName, Identifier.Escape(@event.Name), @event.Type.ToDisplayString(TypeFormat),
                            "", "", false, false, "an interface of endpoints cannot declare events (GCT0117)", marks.Marks));
                        break;
                }
            }
        }

        var fullName = api.ToDisplayString(TypeFormat);
        var clientName = ClientNameOf(api);
        // A base [GenesysApi] interface in this compilation gets its own client class, invisible here: hide it when the
        // names meet. (From metadata the base's client is an ordinary member, so ClientNameOf already avoids it.)
        var hidesBase = api.AllInterfaces.Any(i => i.Locations.Any(l => l.IsInSource) && EndpointFactsIsGenesysApi(i) && CanGenerateInto(i) &&
                                                   ClientNameOf(i) == clientName);
        return new ApiModel(
            api.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            Identifier.Escape(api.Name),
            fullName,
            HintNameOf(fullName),
            clientName,
            hidesBase,
            !DeclaresCreate(api),
            api.GetMembers("Endpoints").IsEmpty,
            diagnosticIds.ToEquatableArray(),
            endpoints.ToEquatableArray(),
            stubs.ToEquatableArray());
    }

    private static bool CanGenerateInto(INamedTypeSymbol api)
    {
        if (api.IsGenericType || !TypeDeclarations.IsPartial(api)) return false;
        for (var outer = api.ContainingType; outer is not null; outer = outer.ContainingType)
            if (outer.IsGenericType || !TypeDeclarations.IsPartial(outer)) return false;
        return true;
    }

    private static bool EndpointFactsIsGenesysApi(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.GenesysApi);

    /// <summary>The name of the client class generated into <paramref name="api"/>: a nested type may not share its name with
    /// a member of the interface (CS0102), hide a base interface's member without 'new' (CS0108), or be named like the
    /// interface (CS0542). The same rule run on a base [GenesysApi] interface tells whether this client hides that one's.</summary>
    internal static string ClientNameOf(INamedTypeSymbol api)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { api.Name };
        foreach (var type in new[] { api }.Concat(api.AllInterfaces))
            foreach (var member in type.GetMembers()) taken.Add(member.Name);   // MemberNames omits nested types
        return new NameScope(taken).Claim(ClientName);
    }

    /// <summary>The interface declares a member the public static Create(GenesysCloudConnection) would clash with.</summary>
    private static bool DeclaresCreate(INamedTypeSymbol api) =>
        api.GetMembers("Create").Any(m => m is not IMethodSymbol method ||
            (method.Arity == 0 && method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None &&
             method.Parameters[0].Type.ToDisplayString() == KnownNames.Namespace + ".GenesysCloudConnection"));

    private static EndpointModel? ParseEndpoint(IMethodSymbol method, string interfaceName, EquatableArray<string> interfaceScopes, Marks marks,
        SortedSet<string> diagnosticIds, out string reason)
    {
        reason = "";
        var httpAttributes = method.GetAttributes()
            .Select(a => (Attribute: a, Method: a.AttributeClass is { } c ? KnownNames.HttpMethodOf(c.ToDisplayString()) : null))
            .Where(x => x.Method is not null).ToList();
        if (httpAttributes.Count != 1)
        {
            reason = httpAttributes.Count == 0 ? "it has no [Get], [Post], [Put], [Patch] or [Delete] attribute (GCT0104)" : "it has more than one HTTP method attribute (GCT0104)";
            return null;
        }
        var (httpAttribute, httpMethod) = httpAttributes[0];
        var route = httpAttribute.ConstructorArguments.Length == 1 ? httpAttribute.ConstructorArguments[0].Value as string : null;
        if (Route.Problem(route) is { } routeProblem)
        {
            reason = routeProblem + " (GCT0105)";
            return null;
        }
        if (method.IsGenericMethod || method.IsVararg)
        {
            reason = method.IsVararg ? "__arglist methods cannot be endpoints (GCT0118)" : "generic methods cannot be endpoints (GCT0114)";
            return null;
        }
        var (returnKind, resultType) = ReturnOf(method.ReturnType);
        if (returnKind is null)
        {
            reason = "its return type must be Task, Task<T>, Task<ApiResponse<T>>, IAsyncEnumerable<T> or GenesysPageable<T> (GCT0112)";
            return null;
        }

        var placeholders = Route.Parse(route!)!.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList();
        if (placeholders.Count != placeholders.Distinct().Count())
        {
            reason = "a route placeholder appears twice (GCT0108)";
            return null;
        }
        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var model = ParseParameter(parameter, placeholders, diagnosticIds, out reason);
            if (model is null) return null;
            parameters.Add(model);
        }
        if (parameters.Count(p => p.Role == ParameterRole.Body) > 1) { reason = "it has more than one [Body] (GCT0109)"; return null; }
        if (parameters.Count(p => p.Role == ParameterRole.CancellationToken) > 1) { reason = "it has more than one CancellationToken (GCT0110)"; return null; }
        if (parameters.Any(p => p.Role == ParameterRole.Body) && httpMethod is "Get" or "Delete") { reason = $"a {httpMethod.ToUpperInvariant()} cannot send a body (GCT0111)"; return null; }
        foreach (var placeholder in placeholders)
        {
            if (parameters.Count(p => p.Role == ParameterRole.Route && p.Key == placeholder) != 1)
            {
                reason = $"the route placeholder {{{placeholder}}} has no parameter (GCT0106)";
                return null;
            }
        }
        var keys = parameters.Where(p => p.Role is ParameterRole.Query or ParameterRole.Header).GroupBy(p => (p.Role, p.Key.ToLowerInvariant()));
        if (keys.Any(g => g.Count() > 1)) { reason = "two parameters bind to the same query key or header (GCT0108)"; return null; }

        var paged = returnKind is ReturnKind.AsyncEnumerable or ReturnKind.Pageable;
        if (paged && httpMethod != "Get")
        {
            reason = $"a paged listing is a GET, not a {httpMethod!.ToUpperInvariant()} (GCT0113)";
            return null;
        }
        var paging = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Paging);
        var pagingStyle = 0;
        var itemsProperty = "entities";
        if (paging is not null)
        {
            if (!paged)
            {
                reason = "[Paging] applies only to IAsyncEnumerable<T> or GenesysPageable<T> (GCT0113)";
                return null;
            }
            if (AttributeArguments.PagingStyle(paging) is not { } style)
            {
                reason = "its [Paging] style is not a PagingStyle the generator knows (GCT0113)";
                return null;
            }
            if (AttributeArguments.ItemsProperty(paging) is not { } items)
            {
                reason = "its [Paging] ItemsProperty is not a JSON property name (GCT0120)";
                return null;
            }
            pagingStyle = style;
            itemsProperty = items;
        }
        var scopes = ScopesOf(method) is { Count: > 0 } own ? own : interfaceScopes;
        var resultMarks = Marks.None;
        if (resultType is not null) resultMarks = SymbolMarks.Of(ResultSymbolOf(method.ReturnType, returnKind.Value), diagnosticIds);
        return new EndpointModel(
            interfaceName, Identifier.Escape(method.Name), method.ReturnType.ToDisplayString(TypeFormat), returnKind.Value, resultType,
            httpMethod!, route!, parameters.ToEquatableArray(), scopes, pagingStyle, itemsProperty,
            method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.Idempotent), marks, resultMarks);
    }

    private static ParameterModel? ParseParameter(IParameterSymbol parameter, List<string> placeholders, SortedSet<string> diagnosticIds, out string reason)
    {
        reason = "";
        var name = Identifier.Escape(parameter.Name);
        var type = parameter.Type.ToDisplayString(TypeFormat);
        var marks = SymbolMarks.Of(parameter.Type, diagnosticIds);
        if (parameter.RefKind != RefKind.None)
        {
            reason = $"the parameter '{parameter.Name}' is passed by reference (GCT0118)";
            return null;
        }
        var attributes = parameter.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        var bindings = attributes.Count(a => a is KnownNames.Query or KnownNames.Body or KnownNames.Header);
        if (bindings > 1)
        {
            reason = $"the parameter '{parameter.Name}' has more than one binding attribute (GCT0119)";
            return null;
        }
        if (parameter.Type.ToDisplayString() == KnownNames.CancellationToken)
            return new ParameterModel(name, type, ParameterRole.CancellationToken, "", false, NoValue, marks);
        if (attributes.Contains(KnownNames.Body))
            return new ParameterModel(name, type, ParameterRole.Body, "", false, NoValue, marks);

        var query = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Query);
        if (query is not null)
        {
            var key = query.ConstructorArguments.Length == 1 ? query.ConstructorArguments[0].Value as string : parameter.Name;
            var value = ValueClassifier.ScalarOrCollection(parameter.Type, diagnosticIds);
            if (string.IsNullOrEmpty(key) || value is null)
            {
                reason = value is null ? $"the query parameter '{parameter.Name}' has a type that cannot be written in a query string (GCT0116)" : $"the query parameter '{parameter.Name}' has an empty name (GCT0107)";
                return null;
            }
            if (AttributeArguments.QueryFormat(query) is not { } format)
            {
                reason = $"the [Query] Format of '{parameter.Name}' is not a QueryCollectionFormat the generator knows (GCT0120)";
                return null;
            }
            return new ParameterModel(name, type, ParameterRole.Query, key!, format == 1, value, marks);
        }
        var header = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Header);
        if (header is not null)
        {
            var key = header.ConstructorArguments.Length == 1 ? header.ConstructorArguments[0].Value as string : null;
            var value = ValueClassifier.Scalar(parameter.Type, diagnosticIds);
            if (!HeaderName.IsValid(key) || value is null)
            {
                reason = value is null ? $"the header parameter '{parameter.Name}' has a type that cannot be written in a header (GCT0116)" : $"the header name '{key}' is not a valid HTTP header name (GCT0115)";
                return null;
            }
            return new ParameterModel(name, type, ParameterRole.Header, key!, false, value, marks);
        }
        if (placeholders.Contains(parameter.Name))
        {
            var value = ValueClassifier.Scalar(parameter.Type, diagnosticIds);
            if (value is null)
            {
                reason = $"the route parameter '{parameter.Name}' has a type that cannot be written in a route (GCT0116)";
                return null;
            }
            return new ParameterModel(name, type, ParameterRole.Route, parameter.Name, false, value, marks);
        }
        reason = $"the parameter '{parameter.Name}' is bound to nothing (add [Query], [Body], [Header] or a {{{parameter.Name}}} route placeholder) (GCT0107)";
        return null;
    }

    private static readonly ValueModel NoValue = new(ValueKind.None, false, false, false, false, false, null, null, "long", Marks.None, EquatableArray<EnumMemberModel>.Empty);

    /// <summary>The T of Task&lt;T&gt;, Task&lt;ApiResponse&lt;T&gt;&gt;, IAsyncEnumerable&lt;T&gt; or GenesysPageable&lt;T&gt;.</summary>
    private static ITypeSymbol ResultSymbolOf(ITypeSymbol returnType, ReturnKind kind)
    {
        var argument = ((INamedTypeSymbol)returnType).TypeArguments[0];
        return kind == ReturnKind.ApiResponse ? ((INamedTypeSymbol)argument).TypeArguments[0] : argument;
    }

    private static (ReturnKind?, string?) ReturnOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return (null, null);
        var definition = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        var arity = named.TypeArguments.Length;
        var metadataName = arity == 0 ? definition : definition + "`" + arity;
        if (metadataName == KnownNames.Task) return (ReturnKind.Task, null);
        if (arity != 1) return (null, null);
        var argument = named.TypeArguments[0];
        var argumentText = argument.ToDisplayString(TypeFormat);
        switch (metadataName)
        {
            case KnownNames.TaskOfT:
                if (argument is INamedTypeSymbol { Arity: 1 } inner &&
                    inner.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
                        .WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "`1" == KnownNames.ApiResponse)
                    return (ReturnKind.ApiResponse, inner.TypeArguments[0].ToDisplayString(TypeFormat));
                return (ReturnKind.Value, argumentText);
            case KnownNames.AsyncEnumerable:
                return (ReturnKind.AsyncEnumerable, argumentText);
            case KnownNames.Pageable:
                return (ReturnKind.Pageable, argumentText);
            default:
                return (null, null);
        }
    }

    private static EquatableArray<string> ScopesOf(ISymbol symbol)
    {
        var attribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.RequiresScope);
        // [RequiresScope(null)] gives an array constant without values: treat it as no scopes.
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array ||
            attribute.ConstructorArguments[0].IsNull)
            return EquatableArray<string>.Empty;
        return attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToEquatableArray();
    }

    private static StubModel MethodStub(IMethodSymbol method, string interfaceName, string reason, Marks marks)
    {
        var typeParameters = method.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", method.TypeParameters.Select(t => Identifier.Escape(t.Name))) + ">";
        var parameters = ParameterList(method.Parameters);
        if (method.IsVararg) parameters += parameters.Length == 0 ? "__arglist" : ", __arglist";
        return new StubModel(StubKind.Method, interfaceName, Identifier.Escape(method.Name), method.ReturnType.ToDisplayString(TypeFormat),
            typeParameters, parameters, false, false, reason, marks);
    }

    private static string ParameterList(IEnumerable<IParameterSymbol> parameters) =>
        string.Join(", ", parameters.Select(p => RefKindOf(p) + p.Type.ToDisplayString(TypeFormat) + " " + Identifier.Escape(p.Name)));

    private static string RefKindOf(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        _ => "",
    };

    private static bool IsFirstAnnotatedDeclaration(INamedTypeSymbol api, SyntaxNode target)
    {
        foreach (var reference in api.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration &&
                declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("GenesysApi")))
                return declaration == target;
        }
        return true;
    }

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };

    private static string HintNameOf(string fullName)
    {
        var text = fullName.StartsWith("global::") ? fullName.Substring("global::".Length) : fullName;
        var builder = new System.Text.StringBuilder(text.Length + 5);
        foreach (var c in text) builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        return builder.Append(".g.cs").ToString();
    }
}

internal static class HeaderName
{
    /// <summary>An RFC 9110 token: visible ASCII without separators.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var c in name!)
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0) return false;
        return true;
    }
}

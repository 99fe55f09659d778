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
        if (TypeDeclarations.WhyNotGenerable(api) is not null) return null;

        var containing = new List<ContainingTypeModel>();
        for (var outer = api.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !TypeDeclarations.IsPartial(outer)) return null;
            containing.Insert(0, new ContainingTypeModel(KeywordOf(outer), Identifier.Escape(outer.Name)));
        }
        // A second source type of the same full name (CS0101, already the user's error) would get the same file name.
        if (HasNamesake(api)) return null;
        cancellationToken.ThrowIfCancellationRequested();

        var endpoints = new List<EndpointModel>();
        var stubs = new List<StubModel>();
        // Experimental IDs (and custom [Obsolete] DiagnosticIds) of everything the generated file references.
        var diagnosticIds = new SortedSet<string>(System.StringComparer.Ordinal);
        new SymbolMarks(diagnosticIds).Type(api);
        var needsUnsafe = false;
        foreach (var (declaring, member) in MembersToImplement(api))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var interfaceName = declaring.ToDisplayString(TypeFormat);
            // An explicit implementation references its interface, the member and every type of its signature.
            var marks = new SymbolMarks(diagnosticIds).Type(declaring).Symbol(member);
            switch (member)
            {
                case IMethodSymbol method:
                    marks.Type(method.ReturnType);
                    foreach (var parameter in method.Parameters) marks.Type(parameter.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(method);
                    var endpoint = ParseEndpoint(method, interfaceName, ScopesOf(declaring), marks.Marks, diagnosticIds, out var reason);
                    if (endpoint is not null) endpoints.Add(endpoint);
                    else stubs.Add(MethodStub(method, interfaceName, reason, marks.Marks));
                    break;
                case IPropertySymbol property:
                    marks.Type(property.Type);
                    foreach (var parameter in property.Parameters) marks.Type(parameter.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(property.Type) || property.Parameters.Any(p => Signatures.NeedsUnsafe(p.Type));
                    stubs.Add(new StubModel(property.IsIndexer ? StubKind.Indexer : StubKind.Property, interfaceName, Identifier.Escape(property.Name),
                        Signatures.ReturnPrefix(property) + property.Type.ToDisplayString(TypeFormat), "", Signatures.Parameters(property.Parameters), "",
                        Signatures.Attributes(property), property.GetMethod is not null, property.SetMethod is not null, property.SetMethod?.IsInitOnly == true,
                        "an interface of endpoints cannot declare properties (GCT0117)", marks.Marks));
                    break;
                case IEventSymbol @event:
                    marks.Type(@event.Type);
                    needsUnsafe |= Signatures.NeedsUnsafe(@event.Type);
                    stubs.Add(new StubModel(StubKind.Event, interfaceName, Identifier.Escape(@event.Name), @event.Type.ToDisplayString(TypeFormat),
                        "", "", "", "", false, false, false, "an interface of endpoints cannot declare events (GCT0117)", marks.Marks));
                    break;
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
            HintNames.Natural(fullName),
            clientName,
            hidesBase,
            !DeclaresCreate(api),
            api.GetMembers("Endpoints").IsEmpty,
            needsUnsafe,
            diagnosticIds.ToEquatableArray(),
            endpoints.ToEquatableArray(),
            stubs.ToEquatableArray());
    }

    /// <summary>Every instance member the client class must implement, each once, with the interface it implements it
    /// for: the abstract members of the interface and its bases (the runtime's aside), and the members a derived
    /// interface re-abstracts (<c>abstract Task M() of IBase</c> written as an explicit abstract member).</summary>
    internal static IEnumerable<(INamedTypeSymbol Declaring, ISymbol Member)> MembersToImplement(INamedTypeSymbol api)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var declaring in new[] { api }.Concat(api.AllInterfaces))
        {
            if (declaring.ContainingNamespace?.ToDisplayString() == KnownNames.Namespace) continue;
            foreach (var member in declaring.GetMembers())
            {
                if (member.IsStatic || !member.IsAbstract) continue;
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol { ExplicitInterfaceImplementations.Length: 0 } or IEventSymbol { ExplicitInterfaceImplementations.Length: 0 }:
                        if (seen.Add(member)) yield return (declaring, member);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation, ExplicitInterfaceImplementations: [var target, ..] }:
                        if (target.MethodKind == MethodKind.Ordinary && seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                    case IPropertySymbol { ExplicitInterfaceImplementations: [var target, ..] }:
                        if (seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                    case IEventSymbol { ExplicitInterfaceImplementations: [var target, ..] }:
                        if (seen.Add(target)) yield return (target.ContainingType, target);
                        break;
                }
            }
        }
    }

    private static bool HasNamesake(INamedTypeSymbol api)
    {
        static int SourceTypes(INamespaceOrTypeSymbol container, string name, int arity) =>
            container.GetTypeMembers(name, arity).Count(t => t.Locations.Any(l => l.IsInSource));
        for (INamedTypeSymbol? type = api; type is not null; type = type.ContainingType)
            if (type.ContainingSymbol is INamespaceOrTypeSymbol container && SourceTypes(container, type.Name, type.Arity) > 1) return true;
        for (var ns = api.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            if (SourceTypes(ns.ContainingNamespace, ns.Name, 0) > 0) return true;
        return false;
    }

    private static bool CanGenerateInto(INamedTypeSymbol api)
    {
        if (api.IsGenericType || !TypeDeclarations.IsPartial(api) || TypeDeclarations.WhyNotGenerable(api) is not null) return false;
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
        var (returnKind, resultType) = method.ReturnsByRef || method.ReturnsByRefReadonly ? (null, null) : ReturnOf(method.ReturnType);
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
        if (resultType is not null && Signatures.NotSerializable(ResultSymbolOf(method.ReturnType, returnKind.Value)) is { } notSerializable)
        {
            reason = $"its result type cannot be read from JSON: {notSerializable} (GCT0121)";
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
            interfaceName, Identifier.Escape(method.Name), method.ReturnType.ToDisplayString(TypeFormat), Signatures.ReturnAttributes(method), returnKind.Value, resultType,
            httpMethod!, route!, parameters.ToEquatableArray(), scopes, pagingStyle, itemsProperty,
            method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.Idempotent), marks, resultMarks);
    }

    private static ParameterModel? ParseParameter(IParameterSymbol parameter, List<string> placeholders, SortedSet<string> diagnosticIds, out string reason)
    {
        reason = "";
        var name = Identifier.Escape(parameter.Name);
        var type = parameter.Type.ToDisplayString(TypeFormat);
        var declaration = Signatures.Parameter(parameter);
        var allowsNull = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.AllowNullAttribute");
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
            return new ParameterModel(name, type, declaration, allowsNull, ParameterRole.CancellationToken, "", false, NoValue, marks);
        if (attributes.Contains(KnownNames.Body) && Signatures.NotSerializable(parameter.Type) is { } notSerializable)
        {
            reason = $"the body parameter '{parameter.Name}' cannot be written as JSON: {notSerializable} (GCT0121)";
            return null;
        }
        if (attributes.Contains(KnownNames.Body))
            return new ParameterModel(name, type, declaration, allowsNull, ParameterRole.Body, "", false, NoValue, marks);

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
            return new ParameterModel(name, type, declaration, allowsNull, ParameterRole.Query, key!, format == 1, value, marks);
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
            return new ParameterModel(name, type, declaration, allowsNull, ParameterRole.Header, key!, false, value, marks);
        }
        if (placeholders.Contains(parameter.Name))
        {
            var value = ValueClassifier.Scalar(parameter.Type, diagnosticIds);
            if (value is null)
            {
                reason = $"the route parameter '{parameter.Name}' has a type that cannot be written in a route (GCT0116)";
                return null;
            }
            return new ParameterModel(name, type, declaration, allowsNull, ParameterRole.Route, parameter.Name, false, value, marks);
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
        var parameters = Signatures.Parameters(method.Parameters);
        if (method.IsVararg) parameters += parameters.Length == 0 ? "__arglist" : ", __arglist";
        return new StubModel(StubKind.Method, interfaceName, Identifier.Escape(method.Name), Signatures.ReturnPrefix(method) + method.ReturnType.ToDisplayString(TypeFormat),
            typeParameters, parameters, Signatures.Constraints(method), Signatures.ReturnAttributes(method), false, false, false, reason, marks);
    }

    /// <summary>True when <paramref name="target"/> is the first declaration of the interface that carries [GenesysApi]
    /// (recognised by its symbol, not its spelling), so repeated annotations still give one file.</summary>
    private static bool IsFirstAnnotatedDeclaration(INamedTypeSymbol api, SyntaxNode target)
    {
        var applications = api.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.GenesysApi && a.ApplicationSyntaxReference is not null)
            .Select(a => a.ApplicationSyntaxReference!).ToList();
        foreach (var reference in api.DeclaringSyntaxReferences)
        {
            if (applications.Any(a => a.SyntaxTree == reference.SyntaxTree && reference.Span.Contains(a.Span)))
                return reference.GetSyntax() == target;
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

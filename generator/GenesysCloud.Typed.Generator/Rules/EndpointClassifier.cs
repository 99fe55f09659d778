using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The one place that decides what an interface method is: an <see cref="EndpointModel"/> the emitter implements,
/// or the problems that stop it (every one, each at the place to fix). The generator emits from the model or stubs the
/// member naming the problems; the contract analyzer reports the same problems. No rule lives anywhere else.</summary>
internal sealed class EndpointClassifier
{
    /// <summary>Diagnostic property: the placeholder that needs a parameter (for the code fix).</summary>
    public const string PlaceholderKey = "Placeholder";

    private readonly KnownSymbols _known;
    private readonly TypeNames _types;
    private readonly MarkContext _marks;
    private readonly JsonContract? _json;
    private readonly CancellationToken _cancellationToken;

    /// <param name="marks">Receives the experimental / custom obsolete IDs of every type the endpoint references.</param>
    /// <param name="json">The interface's JsonContext, whose contracts every body and result type must be among.</param>
    public EndpointClassifier(MarkContext marks, TypeNames types, JsonContract? json, CancellationToken cancellationToken)
    {
        _json = json;
        _known = marks.Known;
        _types = types;
        _marks = marks;
        _cancellationToken = cancellationToken;
    }

    public sealed class Result
    {
        public EndpointModel? Endpoint { get; set; }
        public List<Problem> Problems { get; } = new();
        /// <summary>No single HTTP method attribute: the method is not an endpoint at all (the scope rules skip it).</summary>
        public bool NotAnEndpoint { get; set; }
    }

    /// <param name="at">Where problems of the method itself are reported (its name, or the interface for a metadata member).</param>
    /// <param name="interfaceScopes">The [RequiresScope] of the interface that declares the method.</param>
    public Result Classify(IMethodSymbol method, string interfaceName, EquatableArray<string> interfaceScopes, Marks marks, Location at)
    {
        var result = new Result();
        var problems = result.Problems;
        var name = method.Name;
        // One pass over the method's attributes.
        var https = new List<(AttributeData Attribute, string Method)>(1);
        AttributeData? paging = null, job = null, requiresScope = null;
        var idempotent = false;
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (_known.HttpMethodOf(type) is { } verbName) https.Add((attribute, verbName));
            else if (paging is null && KnownSymbols.Is(type, _known.Paging)) paging = attribute;
            else if (job is null && KnownSymbols.Is(type, _known.AsyncJob)) job = attribute;
            else if (requiresScope is null && KnownSymbols.Is(type, _known.RequiresScope)) requiresScope = attribute;
            else if (KnownSymbols.Is(type, _known.Idempotent)) idempotent = true;
        }
        if (https.Count != 1)
        {
            problems.Add(new Problem(Descriptors.NoHttpMethod, at, [name, https.Count == 0 ? "" : $"; it has {https.Count}"]));
            result.NotAnEndpoint = true;
            return result;
        }
        var (http, httpMethod) = https[0];
        var verb = KnownSymbols.Verb(httpMethod);
        var route = http.ConstructorArguments.Length == 1 ? http.ConstructorArguments[0].Value as string : null;
        Location RouteAt() => http.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].GetLocation() : at;
        var routeProblem = Route.Problem(route);
        if (routeProblem is not null) problems.Add(new Problem(Descriptors.BadRoute, RouteAt(), [route ?? "", name, routeProblem]));
        if (method.IsGenericMethod) problems.Add(new Problem(Descriptors.GenericMethod, at, [name]));
        if (method.IsVararg) problems.Add(new Problem(Descriptors.ByReference, at, ["__arglist", name]));

        var returns = method.ReturnsByRef || method.ReturnsByRefReadonly ? null : ReturnOf(method.ReturnType);
        if (returns is null)
        {
            problems.Add(new Problem(Descriptors.UnsupportedReturn, at,
                [name, (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "") + method.ReturnType.ToDisplayString()]));
        }
        else if (returns.Value.Result is { } result_ && Signatures.NotSerializable(result_) is { } notSerializable)
        {
            problems.Add(new Problem(Descriptors.NotSerializable, at, ["result", name, result_.ToDisplayString(), notSerializable]));
        }
        else if (returns.Value.Result is { } read && _json is not null && !_json.Covers(read))
        {
            var role = returns.Value.Kind switch
            {
                ReturnKind.ApiResponse => "returns an ApiResponse of",
                ReturnKind.AsyncEnumerable or ReturnKind.Pageable or ReturnKind.Job => "lists items of",
                _ => "returns",
            };
            problems.Add(_json.Missing(read, name, role, at));
        }
        var paged = returns?.Kind is ReturnKind.AsyncEnumerable or ReturnKind.Pageable;
        var pagingStyle = PagingStyle.PageNumber;
        var itemsProperty = PagingDefaults.ItemsProperty;
        if (paging is not null)
        {
            if (returns is not null && !paged)
                problems.Add(new Problem(Descriptors.NoPagingShape, at, [name, "[Paging] applies only to IAsyncEnumerable<T> or GenesysPageable<T>"]));
            if (AttributeArguments.PagingStyle(paging) is { } style) pagingStyle = style;
            else
            {
                var written = paging.ConstructorArguments.Length == 1 ? AttributeArguments.Display(paging.ConstructorArguments[0]) : "missing";
                problems.Add(new Problem(Descriptors.NoPagingShape, AttributeAt(paging, at), [name, $"the [Paging] style {written} is not a PagingStyle ({AttributeArguments.Names<PagingStyle>("")})"]));
            }
            if (AttributeArguments.ItemsProperty(paging) is { } items) itemsProperty = items;
            else
                problems.Add(new Problem(Descriptors.UnknownArgument, AttributeAt(paging, at), ["[Paging] ItemsProperty", name,
                    AttributeArguments.Display(paging.NamedArguments.Last(n => n.Key == "ItemsProperty").Value),
                    "name the JSON property that holds the items, e.g. \"entities\", or leave it out"]));
        }
        var search = PagingDefaults.PagesInBody(pagingStyle);
        if (paged && !search && verb != "GET")
            problems.Add(new Problem(Descriptors.NoPagingShape, at, [name, $"a paged listing is a GET, not a {verb}; a search that pages in its POST body says [Paging(PagingStyle.BodyPageNumber)] or [Paging(PagingStyle.BodyNextPage)], and Task<T> is one answer"]));
        if (paged && search && verb != "POST")
            problems.Add(new Problem(Descriptors.NoPagingShape, at, [name, $"PagingStyle.{pagingStyle} pages in the request body, so the endpoint is a POST with a [Body], not a {verb}"]));
        if (paged && search && verb == "POST" && !method.Parameters.Any(p => KnownSymbols.Has(p, _known.Body)))
            problems.Add(new Problem(Descriptors.NoPagingShape, at, [name, $"PagingStyle.{pagingStyle} pages in the request body: add the search's [Body] parameter"]));
        if (paged && search && method.Parameters.FirstOrDefault(p => KnownSymbols.Has(p, _known.Body)) is { } searchBody &&
            !CanBeJsonObject(searchBody.Type))
        {
            problems.Add(new Problem(Descriptors.NoPagingShape, at, [name,
                $"PagingStyle.{pagingStyle} sets the page in the body, which must be a JSON object, not {searchBody.Type.ToDisplayString()}"]));
        }
        var (statusPath, resultsPath) = Job(job, returns?.Kind, verb, paging, name, at, problems, ref itemsProperty);

        // Lists and loops, not sets and LINQ: this runs for every endpoint on every compilation, and routes hold few placeholders.
        // A route refused for anything but its braces still names its placeholders: its parameters are bound, not also reported.
        var placeholders = (route is null ? null : Route.Placeholders(route)) ?? [];
        for (var i = 0; i < placeholders.Count; i++)
            if (placeholders.IndexOf(placeholders[i]) == i && placeholders.LastIndexOf(placeholders[i]) != i)
                problems.Add(new Problem(Descriptors.BoundTwice, RouteAt(), [$"The route placeholder {{{placeholders[i]}}}", name]));

        var parameters = method.Parameters.Length == 0 ? null : ImmutableArray.CreateBuilder<ParameterModel>(method.Parameters.Length);
        var bindings = new Bindings(placeholders.Count);
        foreach (var parameter in method.Parameters)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (Parameter(parameter, name, verb, placeholders, at, problems, ref bindings) is { } model) parameters!.Add(model);
        }
        for (var i = 0; i < placeholders.Count; i++)
        {
            if (bindings.IsRouteBound(i) || placeholders.IndexOf(placeholders[i]) != i) continue;
            problems.Add(new Problem(Descriptors.PlaceholderWithoutParameter, RouteAt(), [placeholders[i], name],
                ImmutableDictionary<string, string?>.Empty.Add(PlaceholderKey, placeholders[i])));
        }
        if (problems.Count > 0) return result;

        var (kind, resultSymbol) = returns!.Value;
        var scopes = EndpointFacts.ScopesOf(requiresScope) is { Count: > 0 } own ? own.ToEquatableArray() : interfaceScopes;
        result.Endpoint = new EndpointModel(
            interfaceName, Identifier.Escape(name), _types.Of(method.ReturnType), Signatures.ReturnAttributes(method, _known), kind,
            resultSymbol is null ? null : _types.Of(resultSymbol), httpMethod, route!,
            parameters is null ? EquatableArray<ParameterModel>.Empty : new EquatableArray<ParameterModel>(parameters.MoveToImmutable()), scopes, pagingStyle, itemsProperty,
            idempotent, marks,
            resultSymbol is null ? Marks.None : SymbolMarks.Of(resultSymbol, _marks), statusPath, resultsPath);
        return result;
    }

    /// <summary>The job rules: [AsyncJob] and GenesysJob&lt;T&gt; come together, on a POST (the submission), without
    /// [Paging]; its items property is named, and status and results paths, when given, are routes with {jobId}.</summary>
    private (string? Status, string? Results) Job(AttributeData? job, ReturnKind? kind, string verb, AttributeData? paging, string name, Location at,
        List<Problem> problems, ref string itemsProperty)
    {
        var returnsJob = kind == ReturnKind.Job;
        if (job is null)
        {
            if (returnsJob) problems.Add(new Problem(Descriptors.NoJobShape, at, [name, "a GenesysJob<T> needs [AsyncJob(\"itemsProperty\")] naming where its results' items are"]));
            return (null, null);
        }
        var where = AttributeAt(job, at);
        if (kind is not null && !returnsJob)
            problems.Add(new Problem(Descriptors.NoJobShape, where, [name, "[AsyncJob] applies only to a method returning GenesysJob<T>"]));
        if (verb != "POST")
            problems.Add(new Problem(Descriptors.NoJobShape, where, [name, $"a job is submitted with a POST of its query, not a {verb}"]));
        if (paging is not null)
            problems.Add(new Problem(Descriptors.NoJobShape, AttributeAt(paging, at), [name, "a job's results page by its cursor; remove [Paging]"]));
        if (job.ConstructorArguments.Length == 1 && job.ConstructorArguments[0].Value is string { Length: > 0 } items) itemsProperty = items;
        else
            problems.Add(new Problem(Descriptors.NoJobShape, where, [name, "[AsyncJob] names the JSON property of a results page that holds the items, e.g. \"conversations\""]));
        string? Path(string key)
        {
            var argument = job.NamedArguments.FirstOrDefault(n => n.Key == key);
            if (argument.Key is null || argument.Value.Value is null) return null;
            var path = argument.Value.Value as string;
            var problem = Route.Problem(path) ?? (Route.Placeholders(path!)! is var placeholders &&
                placeholders.Count == 1 && placeholders[0] == "jobId" ? null : "it must hold exactly one placeholder, {jobId}");
            if (problem is null) return path;
            problems.Add(new Problem(Descriptors.NoJobShape, where, [name, $"the [AsyncJob] {key} \"{path}\" is not a job path: {problem}"]));
            return null;
        }
        return (Path("StatusPath"), Path("ResultsPath"));
    }

    /// <summary>One parameter's binding: a model when it is sound, else its problems (and null).</summary>
    private ParameterModel? Parameter(IParameterSymbol parameter, string method, string verb, List<string> placeholders, Location at, List<Problem> problems,
        ref Bindings bindings)
    {
        // Where a problem of this parameter is reported: looked up only when there is one.
        Location P() => parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? at;
        if (parameter.RefKind != RefKind.None)
        {
            problems.Add(new Problem(Descriptors.ByReference, P(), [parameter.Name, method]));
            return null;
        }
        // One pass over the parameter's attributes.
        AttributeData? query = null, header = null;
        bool body = false, allowNull = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (query is null && KnownSymbols.Is(type, _known.Query)) query = attribute;
            else if (header is null && KnownSymbols.Is(type, _known.Header)) header = attribute;
            else if (KnownSymbols.Is(type, _known.Body)) body = true;
            else if (KnownSymbols.Is(type, _known.AllowNull)) allowNull = true;
        }
        if ((query is null ? 0 : 1) + (header is null ? 0 : 1) + (body ? 1 : 0) > 1)
        {
            problems.Add(new Problem(Descriptors.ConflictingBindings, P(), [parameter.Name, method]));
            return null;
        }
        var before = problems.Count;
        ParameterModel Model(ParameterRole role, string key, QueryCollectionFormat format, ValueModel value) =>
            new(Identifier.Escape(parameter.Name), _types.Of(parameter.Type), Signatures.Parameter(parameter, _known, _types), allowNull,
                role, key, format, value, SymbolMarks.Of(parameter.Type, _marks));

        // The call's token: a CancellationToken bound to nothing. One given [Body], [Query] or [Header] is refused there
        // (it cancels the call and is never sent), not taken as the call's token.
        if (KnownSymbols.Is(parameter.Type, _known.CancellationToken) && !body && query is null && header is null)
        {
            if (++bindings.Tokens == 2) problems.Add(new Problem(Descriptors.TooManyCancellationTokens, P(), [method]));
            return problems.Count > before ? null : Model(ParameterRole.CancellationToken, "", QueryCollectionFormat.Multi, ValueModel.None);
        }
        if (body)
        {
            // A token, nullable or not, is never a JSON body (and no JsonContext entry would make it one).
            var token = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] }
                ? inner : parameter.Type;
            if (KnownSymbols.Is(token, _known.CancellationToken))
            {
                problems.Add(new Problem(Descriptors.NotSerializable, P(), [$"body parameter '{parameter.Name}'", method, parameter.Type.ToDisplayString(),
                    "a CancellationToken cancels the call and is never sent (remove [Body]; the call's token is a CancellationToken bound to nothing)"]));
                return null;
            }
            if (++bindings.Bodies == 2) problems.Add(new Problem(Descriptors.TooManyBodies, P(), [method]));
            if (verb is "GET" or "DELETE") problems.Add(new Problem(Descriptors.BodyNotAllowed, P(), [method, verb]));
            if (Signatures.NotSerializable(parameter.Type) is { } notSerializable)
                problems.Add(new Problem(Descriptors.NotSerializable, P(), [$"body parameter '{parameter.Name}'", method, parameter.Type.ToDisplayString(), notSerializable]));
            else if (_json is not null && !_json.Covers(parameter.Type))
                problems.Add(_json.Missing(parameter.Type, method, "sends", P()));
            return problems.Count > before ? null : Model(ParameterRole.Body, "", QueryCollectionFormat.Multi, ValueModel.None);
        }
        if (query is not null)
        {
            var key = query.ConstructorArguments.Length == 1 ? query.ConstructorArguments[0].Value as string : parameter.Name;
            if (string.IsNullOrEmpty(key)) problems.Add(new Problem(Descriptors.UnboundParameter, P(), [parameter.Name, method]));
            else if (!bindings.AddKey(ParameterRole.Query, key!)) problems.Add(new Problem(Descriptors.BoundTwice, P(), [$"The query key '{key}'", method]));
            var value = ValueClassifier.ScalarOrCollection(parameter.Type, _marks);
            if (value is null)
                problems.Add(new Problem(Descriptors.UnsupportedParameterType, P(), ["query", parameter.Name, parameter.Type.ToDisplayString(), ", or a collection of them"]));
            var format = AttributeArguments.QueryFormat(query);
            if (format is null)
                problems.Add(new Problem(Descriptors.UnknownArgument, AttributeAt(query, P()), [$"[Query] Format of parameter '{parameter.Name}'", method,
                    AttributeArguments.Display(query.NamedArguments.Last(n => n.Key == "Format").Value), "use " + AttributeArguments.Names<QueryCollectionFormat>("QueryCollectionFormat.")]));
            return problems.Count > before ? null : Model(ParameterRole.Query, key!, format!.Value, value!);
        }
        if (header is not null)
        {
            var key = header.ConstructorArguments.Length == 1 ? header.ConstructorArguments[0].Value as string : null;
            if (!HeaderName.IsValid(key)) problems.Add(new Problem(Descriptors.BadHeaderName, P(), [key ?? "", parameter.Name, "is not a valid HTTP header name"]));
            else if (ReservedHeaders.Why(key!) is { } why) problems.Add(new Problem(Descriptors.BadHeaderName, P(), [key!, parameter.Name, why]));
            else if (!bindings.AddKey(ParameterRole.Header, key!)) problems.Add(new Problem(Descriptors.BoundTwice, P(), [$"The header '{key}'", method]));
            var value = ValueClassifier.Scalar(parameter.Type, _marks);
            if (value is null) problems.Add(new Problem(Descriptors.UnsupportedParameterType, P(), ["header", parameter.Name, parameter.Type.ToDisplayString(), ""]));
            return problems.Count > before ? null : Model(ParameterRole.Header, key!, QueryCollectionFormat.Multi, value!);
        }
        if (placeholders.Contains(parameter.Name))
        {
            bindings.BindRoute(placeholders, parameter.Name);
            var value = ValueClassifier.Scalar(parameter.Type, _marks);
            if (value is null) problems.Add(new Problem(Descriptors.UnsupportedParameterType, P(), ["route", parameter.Name, parameter.Type.ToDisplayString(), ""]));
            return problems.Count > before ? null : Model(ParameterRole.Route, parameter.Name, QueryCollectionFormat.Multi, value!);
        }
        problems.Add(new Problem(Descriptors.UnboundParameter, P(), [parameter.Name, method]));
        return null;
    }

    /// <summary>What the parameters of one method have bound so far: cancellation tokens, bodies, query and header keys
    /// (compared ignoring case), and which route placeholders have a parameter.</summary>
    private struct Bindings
    {
        private List<(ParameterRole Role, string Key)>? _keys;
        private bool[]? _routeBound;

        public Bindings(int placeholders)
        {
            _keys = null;
            _routeBound = placeholders == 0 ? null : new bool[placeholders];
            Tokens = 0;
            Bodies = 0;
        }

        public int Tokens;
        public int Bodies;

        /// <summary>False when the key (lower-cased invariantly) is already bound in that role.</summary>
        public bool AddKey(ParameterRole role, string key)
        {
            key = key.ToLowerInvariant();
            _keys ??= new List<(ParameterRole, string)>(2);
            foreach (var (r, k) in _keys)
                if (r == role && k == key) return false;
            _keys.Add((role, key));
            return true;
        }

        public void BindRoute(List<string> placeholders, string name)
        {
            for (var i = 0; i < placeholders.Count; i++)
                if (placeholders[i] == name) _routeBound![i] = true;
        }

        public bool IsRouteBound(int placeholder) => _routeBound![placeholder];
    }

    /// <summary>False for what serializes as a JSON string, number or array: scalars, arrays and non-dictionary collections.</summary>
    private bool CanBeJsonObject(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol || ValueClassifier.ScalarOrCollection(type, _marks) is not null) return false;
        var interfaces = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? type.AllInterfaces.Add(self) : type.AllInterfaces;
        var dictionary = interfaces.Any(i => KnownSymbols.Is(i, _known.Dictionary) || KnownSymbols.IsDefinition(i, _known.DictionaryOfT) ||
                                             KnownSymbols.IsDefinition(i, _known.ReadOnlyDictionaryOfT));
        var collection = interfaces.Any(i => i.OriginalDefinition.SpecialType is SpecialType.System_Collections_IEnumerable or
                                             SpecialType.System_Collections_Generic_IEnumerable_T);
        // A JsonNode may hold an object; a JsonObject is one (and enumerable).
        return dictionary || !collection || KnownSymbols.Is(type, _known.JsonNode) || KnownSymbols.Is(type, _known.JsonObject);
    }

    private Location AttributeAt(AttributeData attribute, Location fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? fallback;

    /// <summary>The kind of a supported return type and the type read as JSON (the T of Task&lt;T&gt;,
    /// Task&lt;ApiResponse&lt;T&gt;&gt;, IAsyncEnumerable&lt;T&gt; or GenesysPageable&lt;T&gt;); null when unsupported.</summary>
    private (ReturnKind Kind, ITypeSymbol? Result)? ReturnOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return null;
        if (KnownSymbols.Is(named, _known.Task)) return (ReturnKind.Task, null);
        if (named.TypeArguments.Length != 1) return null;
        var argument = named.TypeArguments[0];
        if (KnownSymbols.IsDefinition(named, _known.TaskOfT))
            return argument is INamedTypeSymbol { TypeArguments.Length: 1 } inner && KnownSymbols.IsDefinition(inner, _known.ApiResponse)
                ? (ReturnKind.ApiResponse, inner.TypeArguments[0])
                : (ReturnKind.Value, argument);
        if (KnownSymbols.IsDefinition(named, _known.AsyncEnumerable)) return (ReturnKind.AsyncEnumerable, argument);
        if (KnownSymbols.IsDefinition(named, _known.Pageable)) return (ReturnKind.Pageable, argument);
        if (KnownSymbols.IsDefinition(named, _known.Job)) return (ReturnKind.Job, argument);
        return null;
    }
}

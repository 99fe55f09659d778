using System.Collections.Generic;
using System.Collections.Immutable;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The one place that decides what an interface method is: an <see cref="EndpointModel"/> the emitter implements,
/// or the problems that stop it (every one, each at the place to fix). The generator emits from the model or stubs the
/// member naming the problems; the contract analyzer reports the same problems (both through <see cref="ApiRules"/>). The
/// rules it applies live beside it in Rules/ (a parameter's binding, routes, header names, JSON contracts); it reads only
/// the method's facts (<see cref="SymbolReader"/>), so the generator runs it only when they change.</summary>
internal sealed class EndpointClassifier
{
    /// <summary>Diagnostic property: the placeholder that needs a parameter (for the code fix).</summary>
    public const string PlaceholderKey = "Placeholder";

    private readonly EquatableArray<TypeFacts> _types;
    private readonly string? _jsonContext;

    /// <param name="types">The types the facts index.</param>
    /// <param name="jsonContext">The interface's JsonContext as a diagnostic names it, whose contracts every body and
    /// result type must be among; null without one.</param>
    public EndpointClassifier(EquatableArray<TypeFacts> types, string? jsonContext)
    {
        _types = types;
        _jsonContext = jsonContext;
    }

    public sealed class Result
    {
        public EndpointModel? Endpoint { get; set; }
        public List<Problem> Problems { get; } = new();
    }

    public Result Classify(MethodFacts method)
    {
        var result = new Result();
        var problems = result.Problems;
        var name = method.Name;
        if (method.HttpCount != 1)
        {
            problems.Add(new Problem(Descriptors.NoHttpMethod, Site.Member, [name, method.HttpCount == 0 ? "" : $"; it has {method.HttpCount}"]));
            return result;
        }
        var httpMethod = method.HttpMethod!;
        var verb = HttpVerb.Of(httpMethod);
        var route = method.Route;
        var routeProblem = Route.Problem(route);
        if (routeProblem is not null) problems.Add(new Problem(Descriptors.BadRoute, Site.RouteArgument, [route ?? "", name, routeProblem]));
        if (method.IsGeneric) problems.Add(new Problem(Descriptors.GenericMethod, Site.Member, [name]));
        if (method.IsVararg) problems.Add(new Problem(Descriptors.ByReference, Site.Member, ["__arglist", name]));

        var returnType = _types[method.ReturnType];
        var kind = method.RefReturn.Length > 0 ? null : returnType.ReturnKind;
        var resultType = kind is null || returnType.Result < 0 ? null : _types[returnType.Result];
        if (kind is null)
        {
            problems.Add(new Problem(Descriptors.UnsupportedReturn, Site.Member, [name, method.RefReturn + MessageOf(returnType)]));
        }
        else if (verb == "HEAD" && kind != ReturnKind.Task)
        {
            var shape = kind switch
            {
                ReturnKind.Value => "Task<T>",
                ReturnKind.ApiResponse => "Task<ApiResponse<T>>",
                ReturnKind.AsyncEnumerable => "IAsyncEnumerable<T>",
                ReturnKind.Pageable => "GenesysPageable<T>",
                _ => "GenesysJob<T>",
            };
            problems.Add(new Problem(Descriptors.HeadWithResult, Site.Member, [name, shape]));
        }
        else if (resultType?.NotSerializable is { } notSerializable)
        {
            problems.Add(new Problem(Descriptors.NotSerializable, Site.Member, ["result", name, MessageOf(resultType), notSerializable]));
        }
        else if (resultType?.JsonMissing is { } missing && _jsonContext is not null)
        {
            var role = kind switch
            {
                ReturnKind.ApiResponse => "returns an ApiResponse of",
                ReturnKind.AsyncEnumerable or ReturnKind.Pageable or ReturnKind.Job => "lists items of",
                _ => "returns",
            };
            problems.Add(JsonContract.Missing(missing, _jsonContext, name, role, Site.Member));
        }
        var paged = kind is ReturnKind.AsyncEnumerable or ReturnKind.Pageable;
        var pagingStyle = PagingStyle.PageNumber;
        var itemsProperty = PagingDefaults.ItemsProperty;
        if (method.Paging is { } paging)
        {
            if (kind is not null && !paged)
                problems.Add(new Problem(Descriptors.PagingWithoutPagedReturn, Site.Member, [name]));
            if (paging.Style is { } style) pagingStyle = style;
            else
                problems.Add(new Problem(Descriptors.UnknownPagingStyle, Site.Paging, [name, paging.StyleWritten, AttributeArguments.Names<PagingStyle>("PagingStyle.")]));
            if (paging.ItemsProperty is { } items) itemsProperty = items;
            else
                problems.Add(new Problem(Descriptors.UnknownArgument, Site.Paging, ["[Paging] ItemsProperty", name, paging.ItemsWritten,
                    "name the JSON property that holds the items, e.g. \"entities\", or leave it out"]));
        }
        var search = PagingDefaults.PagesInBody(pagingStyle);
        if (paged && !search && verb != "GET")
            problems.Add(new Problem(Descriptors.PagedListingNotGet, Site.Member, [name, verb]));
        if (paged && search && verb != "POST")
            problems.Add(new Problem(Descriptors.BodyPagingNotPost, Site.Member, [name, pagingStyle.ToString(), verb]));
        ParameterFacts? searchBody = null;
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.HasBody) continue;
            searchBody = parameter;
            break;
        }
        if (paged && search && verb == "POST" && searchBody is null)
            problems.Add(new Problem(Descriptors.BodyPagingWithoutBody, Site.Member, [name, pagingStyle.ToString()]));
        if (paged && search && searchBody is not null && _types[searchBody.Type].CanBeJsonObject == false)
            problems.Add(new Problem(Descriptors.BodyPagingBodyNotObject, Site.Member, [name, pagingStyle.ToString(), MessageOf(_types[searchBody.Type])]));
        var (statusPath, resultsPath) = Job(method.Job, kind, verb, method.Paging is not null, name, problems, ref itemsProperty);

        // Lists and loops, not sets and LINQ: routes hold few placeholders.
        // A route refused for anything but its braces still names its placeholders: its parameters are bound, not also reported.
        var placeholders = (route is null ? null : RouteTemplate.Placeholders(route)) ?? [];
        for (var i = 0; i < placeholders.Count; i++)
            if (placeholders.IndexOf(placeholders[i]) == i && placeholders.LastIndexOf(placeholders[i]) != i)
                problems.Add(new Problem(Descriptors.BoundTwice, Site.RouteArgument, [$"The route placeholder {{{placeholders[i]}}}", name]));

        var parameters = method.Parameters.Count == 0 ? null : ImmutableArray.CreateBuilder<ParameterModel>(method.Parameters.Count);
        var bindings = new Bindings(placeholders.Count);
        for (var i = 0; i < method.Parameters.Count; i++)
            if (Parameter(method.Parameters[i], i, name, verb, placeholders, problems, ref bindings) is { } model) parameters!.Add(model);
        for (var i = 0; i < placeholders.Count; i++)
        {
            if (bindings.IsRouteBound(i) || placeholders.IndexOf(placeholders[i]) != i) continue;
            problems.Add(new Problem(Descriptors.PlaceholderWithoutParameter, Site.RouteArgument, [placeholders[i], name],
                ImmutableDictionary<string, string?>.Empty.Add(PlaceholderKey, placeholders[i])));
        }
        if (problems.Count > 0) return result;

        var scopes = method.OwnScopes.Count > 0 ? method.OwnScopes : method.InterfaceScopes;
        result.Endpoint = new EndpointModel(
            method.InterfaceName, Identifier.Escape(name), returnType.Name, method.ReturnAttributes, kind!.Value, resultType?.Name, httpMethod, route!,
            parameters is null ? EquatableArray<ParameterModel>.Empty : new EquatableArray<ParameterModel>(parameters.MoveToImmutable()), scopes, pagingStyle, itemsProperty,
            method.Idempotent, method.Marks, resultType?.Marks ?? Marks.None, statusPath, resultsPath);
        return result;
    }

    /// <summary>The one placeholder of an [AsyncJob] StatusPath or ResultsPath.</summary>
    private const string JobIdPlaceholder = "jobId";

    /// <summary>How a diagnostic spells a type (the reader reads it wherever a problem may need it).</summary>
    private static string MessageOf(TypeFacts type) => type.Message ?? type.Name;

    /// <summary>The job rules: [AsyncJob] and GenesysJob&lt;T&gt; come together, on a POST (the submission), without
    /// [Paging]; its items property is named, and status and results paths, when given, are routes with {jobId}.</summary>
    private static (string? Status, string? Results) Job(JobFacts? job, ReturnKind? kind, string verb, bool hasPaging, string name,
        List<Problem> problems, ref string itemsProperty)
    {
        var returnsJob = kind == ReturnKind.Job;
        if (job is null)
        {
            if (returnsJob) problems.Add(new Problem(Descriptors.JobWithoutAsyncJob, Site.Member, [name]));
            return (null, null);
        }
        if (kind is not null && !returnsJob)
            problems.Add(new Problem(Descriptors.AsyncJobWithoutJobReturn, Site.Job, [name]));
        if (verb != "POST")
            problems.Add(new Problem(Descriptors.JobNotPost, Site.Job, [name, verb]));
        if (hasPaging)
            problems.Add(new Problem(Descriptors.PagingOnJob, Site.Paging, [name]));
        if (job.ItemsProperty is { } items) itemsProperty = items;
        else
            problems.Add(new Problem(Descriptors.JobWithoutItemsProperty, Site.Job, [name]));
        string? Path(string key, bool given, string? path)
        {
            if (!given) return null;
            if (Route.Problem(path) is { } notRoute)
                problems.Add(new Problem(Descriptors.JobPathNotRoute, Site.Job, [key, path ?? "", name, notRoute]));
            else if (RouteTemplate.Placeholders(path!)! is not [JobIdPlaceholder])
                problems.Add(new Problem(Descriptors.JobPathWithoutJobId, Site.Job, [key, path, name]));
            else
                return path;
            return null;
        }
        return (Path("StatusPath", job.HasStatusPath, job.StatusPath), Path("ResultsPath", job.HasResultsPath, job.ResultsPath));
    }

    /// <summary>One parameter's binding: a model when it is sound, else its problems (and null).</summary>
    private ParameterModel? Parameter(ParameterFacts parameter, int index, string method, string verb, List<string> placeholders, List<Problem> problems,
        ref Bindings bindings)
    {
        var at = Site.OfParameter(index);
        var type = _types[parameter.Type];
        var role = ParameterBinding.Of(parameter.RefKind, parameter.HasQuery, parameter.HasHeader, parameter.HasBody,
            type.IsCancellationToken || type.IsNullableCancellationToken);
        if (role is null)
        {
            problems.Add(new Problem(ParameterBinding.Refusal(parameter.RefKind), at, [parameter.Name, method]));
            return null;
        }
        var before = problems.Count;
        ParameterModel Model(ParameterRole role, string key, QueryCollectionFormat format, ValueModel value) =>
            new(Identifier.Escape(parameter.Name), type.Name, Signatures.Declaration(parameter, type.Name), parameter.AllowNull,
                role, key, format, value, type.Marks);

        switch (role)
        {
            case ParameterRole.CancellationToken:
                if (++bindings.Tokens == 2) problems.Add(new Problem(Descriptors.TooManyCancellationTokens, at, [method]));
                return problems.Count > before ? null : Model(ParameterRole.CancellationToken, "", QueryCollectionFormat.Multi,
                    type.IsNullableCancellationToken ? ValueModel.NullableToken : ValueModel.None);
            case ParameterRole.Body:
                // A token, nullable or not, is never a JSON body (and no JsonContext entry would make it one).
                if (type.IsCancellationToken || type.IsNullableCancellationToken)
                {
                    problems.Add(new Problem(Descriptors.NotSerializable, at, [$"body parameter '{parameter.Name}'", method, MessageOf(type),
                        "a CancellationToken cancels the call and is never sent (remove [Body]; the call's token is a CancellationToken bound to nothing)"]));
                    return null;
                }
                if (++bindings.Bodies == 2) problems.Add(new Problem(Descriptors.TooManyBodies, at, [method]));
                if (verb is "GET" or "DELETE" or "HEAD") problems.Add(new Problem(Descriptors.BodyNotAllowed, at, [method, verb]));
                if (type.NotSerializable is { } notSerializable)
                    problems.Add(new Problem(Descriptors.NotSerializable, at, [$"body parameter '{parameter.Name}'", method, MessageOf(type), notSerializable]));
                else if (type.JsonMissing is { } missing && _jsonContext is not null)
                    problems.Add(JsonContract.Missing(missing, _jsonContext, method, "sends", at));
                return problems.Count > before ? null : Model(ParameterRole.Body, "", QueryCollectionFormat.Multi, ValueModel.None);
            case ParameterRole.Query:
            {
                var key = parameter.Key;
                if (string.IsNullOrEmpty(key)) problems.Add(new Problem(Descriptors.UnboundParameter, at, [parameter.Name, method]));
                else if (!bindings.AddKey(ParameterRole.Query, key!)) problems.Add(new Problem(Descriptors.BoundTwice, at, [$"The query key '{key}'", method]));
                if (parameter.Value is null)
                    problems.Add(new Problem(Descriptors.UnsupportedParameterType, at, ["query", parameter.Name, MessageOf(type), ", or a collection of them"]));
                if (parameter.Format is null)
                    problems.Add(new Problem(Descriptors.UnknownArgument, Site.OfQuery(index), [$"[Query] Format of parameter '{parameter.Name}'", method,
                        parameter.FormatWritten, "use " + AttributeArguments.Names<QueryCollectionFormat>("QueryCollectionFormat.")]));
                return problems.Count > before ? null : Model(ParameterRole.Query, key!, parameter.Format!.Value, parameter.Value!);
            }
            case ParameterRole.Header:
            {
                var key = parameter.Key;
                if (!HeaderName.IsValid(key)) problems.Add(new Problem(Descriptors.BadHeaderName, at, [key ?? "", parameter.Name, "is not a valid HTTP header name"]));
                else if (ReservedHeaders.Why(key!) is { } why) problems.Add(new Problem(Descriptors.BadHeaderName, at, [key!, parameter.Name, why]));
                else if (!bindings.AddKey(ParameterRole.Header, key!)) problems.Add(new Problem(Descriptors.BoundTwice, at, [$"The header '{key}'", method]));
                if (parameter.Value is null) problems.Add(new Problem(Descriptors.UnsupportedParameterType, at, ["header", parameter.Name, MessageOf(type), ""]));
                return problems.Count > before ? null : Model(ParameterRole.Header, key!, QueryCollectionFormat.Multi, parameter.Value!);
            }
        }
        if (placeholders.Contains(parameter.Name))
        {
            bindings.BindRoute(placeholders, parameter.Name);
            if (parameter.Value is null) problems.Add(new Problem(Descriptors.UnsupportedParameterType, at, ["route", parameter.Name, MessageOf(type), ""]));
            return problems.Count > before ? null : Model(ParameterRole.Route, parameter.Name, QueryCollectionFormat.Multi, parameter.Value!);
        }
        problems.Add(new Problem(Descriptors.UnboundParameter, at, [parameter.Name, method]));
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
}

namespace GenesysCloud.Typed;

/// <summary>One logical API call: what generated clients hand to <see cref="GenesysCloudConnection"/>. The body is
/// kept as bytes so every retry and the 401 replay send it byte-identical.</summary>
public sealed class GenesysRequest
{
    public GenesysRequest(HttpMethod method, string pathAndQuery, string? routeTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (string.IsNullOrEmpty(pathAndQuery) || pathAndQuery[0] != '/')
            throw new ArgumentException($"The request path must be relative to the API base and start with '/': '{pathAndQuery}'.", nameof(pathAndQuery));
        Method = method;
        PathAndQuery = pathAndQuery;
        RouteTemplate = routeTemplate ?? StripQuery(pathAndQuery);
    }

    public HttpMethod Method { get; }

    /// <summary>e.g. <c>/api/v2/users?pageSize=100</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>e.g. <c>/api/v2/users/{userId}</c>: what logs and metrics show instead of the real path.</summary>
    public string RouteTemplate { get; }

    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>The body's media type. Checked here, once: it is sent as given.</summary>
    public string BodyContentType
    {
        get => _bodyContentType;
        init
        {
            try
            {
                HeaderRules.Check("Content-Type", value);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"BodyContentType cannot be sent: {ex.Message}", nameof(BodyContentType), ex);
            }
            // A body has one media type: not a range (*/*, text/*) and no parameter without a value.
            if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(value, out var parsed) || parsed.MediaType is null || parsed.MediaType.Contains('*') ||
                parsed.Parameters.Any(p => string.IsNullOrEmpty(p.Value)))
                throw new ArgumentException($"'{value}' is not a media type (such as application/json).", nameof(BodyContentType));
            _bodyContentType = value;
        }
    }

    private readonly string _bodyContentType = "application/json";

    /// <summary>Extra request headers. Checked here, before anything is sent: a name must be an HTTP token and a value
    /// visible ASCII (or tab), so a value cannot end the header and start another.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers
    {
        get => _headers;
        init
        {
            if (value is not null)
                foreach (var (name, text) in value) HeaderRules.CheckCallerHeader(name, text);
            _headers = value;
        }
    }

    private readonly IReadOnlyList<KeyValuePair<string, string>>? _headers;

    /// <summary>Null: decided by the method (GET, HEAD, PUT, DELETE, OPTIONS are idempotent).</summary>
    public bool? Idempotent { get; init; }

    public bool IsIdempotent => Idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Put ||
                                               Method == HttpMethod.Delete || Method == HttpMethod.Options);

    /// <summary>The same request with another body (the next page of a search).</summary>
    internal GenesysRequest WithBody(ReadOnlyMemory<byte> body) =>
        new(Method, PathAndQuery, RouteTemplate) { Body = body, BodyContentType = BodyContentType, Headers = Headers, Idempotent = Idempotent };

    /// <summary>The same request, retried like a read unless declared otherwise (a search reads).</summary>
    internal GenesysRequest AsRead() => Idempotent is not null ? this :
        new(Method, PathAndQuery, RouteTemplate) { Body = Body, BodyContentType = BodyContentType, Headers = Headers, Idempotent = true };

    /// <summary>The same request at another path (the next page).</summary>
    public GenesysRequest WithPathAndQuery(string pathAndQuery) =>
        new(Method, pathAndQuery, RouteTemplate) { Body = Body, BodyContentType = BodyContentType, Headers = Headers, Idempotent = Idempotent };

    /// <summary>The path as sent, without the query (which may carry personal data): what errors name, since the route
    /// template alone cannot tell which resource failed.</summary>
    public string Path => StripQuery(PathAndQuery);

    /// <summary>e.g. <c>PATCH /api/v2/users/abc</c>, for exception messages.</summary>
    internal string Sent => $"{Method.Method} {Path}";

    private static string StripQuery(string path) => path.IndexOf('?') is var q and >= 0 ? path[..q] : path;

    public override string ToString() => $"{Method} {RouteTemplate}";
}

namespace GenesysCloud.Typed;

/// <summary>The HTTP method and route of an endpoint. The route starts with <c>/</c>, has no query string, and its
/// <c>{name}</c> placeholders bind to the parameters of that name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class HttpMethodAttribute : Attribute
{
    protected HttpMethodAttribute(string route) => Route = route;

    public string Route { get; }

    public abstract string Method { get; }
}

public sealed class GetAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "GET";
}

public sealed class PostAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "POST";
}

public sealed class PutAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "PUT";
}

public sealed class PatchAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "PATCH";
}

public sealed class DeleteAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "DELETE";
}

/// <summary>A HEAD: the status and headers of a GET without its body (e.g. <c>HEAD /api/v2/tokens/me</c>: is this token still
/// good?). Its method returns <c>Task</c>: success, or the error as an exception.</summary>
public sealed class HeadAttribute(string route) : HttpMethodAttribute(route)
{
    public override string Method => "HEAD";
}

/// <summary>Marks a POST or PATCH safe to retry after a 5xx or a lost response (the server dedupes it, or it is a
/// query). Without it, only GET, HEAD, PUT, DELETE and OPTIONS are retried after a possibly-processed failure.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotentAttribute : Attribute;

using System.Net;
using System.Net.Http.Headers;

namespace GenesysCloud.Typed;

/// <summary>A successful answer with its status, headers and correlation id.</summary>
public sealed class ApiResponse<T>
{
    public ApiResponse(HttpStatusCode status, HttpResponseHeaders headers, T? value)
    {
        Status = status;
        Headers = headers;
        Value = value;
        CorrelationId = GenesysHeaders.CorrelationIdOf(headers);
    }

    public HttpStatusCode Status { get; }
    public HttpResponseHeaders Headers { get; }
    /// <summary>Null for 204 No Content.</summary>
    public T? Value { get; }
    public string? CorrelationId { get; }
}

public static class GenesysHeaders
{
    public const string CorrelationId = "inin-correlation-id";
    public const string RateLimitAllowed = "inin-ratelimit-allowed";
    public const string RateLimitCount = "inin-ratelimit-count";
    public const string RateLimitReset = "inin-ratelimit-reset";

    /// <summary>The <c>inin-correlation-id</c> of an answer, if it has one: what Genesys support asks for.</summary>
    public static string? CorrelationIdOf(HttpResponseHeaders headers) =>
        headers.TryGetValues(CorrelationId, out var ids) ? ids.FirstOrDefault() : null;

    // What the runtime puts in messages, logs and traces: a hostile server may set the header to what we sent it.
    internal static string? CorrelationIdOf(HttpResponseHeaders headers, SecretRedactor redactor) => redactor.RedactOrNull(CorrelationIdOf(headers));
}

using System.Net;

namespace GenesysCloud.Typed;

/// <summary>Genesys Cloud answered an error. Carries the platform's error body and the correlation id to quote to
/// Genesys support. Never carries a token or secret: text from the body is redacted first.</summary>
public class GenesysApiException : Exception
{
    public GenesysApiException(GenesysApiError error, string method, string path, Exception? inner = null)
        : base(Describe(error, method, path), inner)
    {
        Error = error;
        Method = method;
        Path = path;
    }

    public GenesysApiError Error { get; }

    public HttpStatusCode Status => Error.Status;

    /// <summary>The Genesys error code, e.g. <c>not.found</c>, <c>missing.permissions</c>; null for a non-JSON answer.</summary>
    public string? Code => Error.Code;

    /// <summary><c>inin-correlation-id</c>, equal to the body's <c>contextId</c>.</summary>
    public string? CorrelationId => Error.CorrelationId;

    public string Method { get; }

    /// <summary>How long the server asked to wait (429, 503, …), when it said. Set on an error the client did not wait
    /// out because the wait was beyond <see cref="GenesysRetryOptions.MaxRetryAfter"/> or the call's remaining budget.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>The path of the request, without the query string (which may carry personal data).</summary>
    public string Path { get; }

    private static string Describe(GenesysApiError error, string method, string path)
    {
        var text = $"{method} {path} answered {(int)error.Status} {error.Status}";
        if (error.Code is not null) text += $" ({error.Code})";
        text += ": " + error.Message;
        if (error.MissingPermissions.Count > 0) text += " Missing permissions: " + string.Join(", ", error.MissingPermissions) + ".";
        if (error.CorrelationId is not null) text += $" [correlation id {error.CorrelationId}]";
        return text;
    }
}

/// <summary>429 that the client will not wait out: the Retry-After is beyond the configured cap (a daily quota) or beyond
/// the call's remaining time budget, or retries ran out.</summary>
public sealed class GenesysRateLimitException(GenesysApiError error, string method, string path)
    : GenesysApiException(error, method, path)
{
}

/// <summary>The parsed error answer of a Genesys Cloud API call.</summary>
public sealed record GenesysApiError
{
    public required HttpStatusCode Status { get; init; }
    public string? Code { get; init; }
    /// <summary>The rendered message (messageWithParams with its parameters filled in), or an excerpt of a non-JSON body.</summary>
    public required string Message { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyList<string> Details { get; init; } = [];
    /// <summary>For 403 <c>missing.permissions</c>/<c>missing.any.permissions</c>: the permissions named by the server.</summary>
    public IReadOnlyList<string> MissingPermissions { get; init; } = [];
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>The response's media type, e.g. <c>text/html</c> for a gateway page.</summary>
    public string? ContentType { get; init; }
}

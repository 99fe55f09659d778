using System.Net;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Typed;

/// <summary>Reads a Genesys error answer (<c>{message, code, status, messageWithParams, messageParams, contextId,
/// details, errors}</c>), or makes a clear one from anything else (an HTML 502 page, an empty body).</summary>
internal static class ErrorReader
{
    public static async Task<GenesysApiError> ReadAsync(HttpResponseMessage response, DateTimeOffset now, SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        // Buffered by the pipeline (ResponseContentRead), so reading does not consume it for a later reader.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Read(response, body, now, redactor);
    }

    /// <summary>Every text taken from the body passes <paramref name="redactor"/>: a server may echo what we sent.</summary>
    public static GenesysApiError Read(HttpResponseMessage response, byte[] body, DateTimeOffset now, SecretRedactor redactor)
    {
        var correlationId = GenesysHeaders.CorrelationIdOf(response.Headers, redactor);
        var retryAfter = RetryAfter.Read(response.Headers, now);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("message", out _) || root.TryGetProperty("code", out _)))
            {
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                if (root.TryGetProperty("messageParams", out var p) && p.ValueKind == JsonValueKind.Object)
                    foreach (var property in p.EnumerateObject())
                        parameters[property.Name] = redactor.Redact(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
                var message = String(root, "messageWithParams") is { } template && parameters.Count > 0
                    ? Render(template, parameters)
                    : String(root, "message") ?? String(root, "messageWithParams") ?? response.ReasonPhrase ?? "";
                var details = new List<string>();
                if (root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Array)
                    foreach (var item in d.EnumerateArray()) details.Add(redactor.Redact(item.ValueKind == JsonValueKind.Object ? Describe(item) : item.ToString()));
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array)
                    foreach (var item in e.EnumerateArray())
                        if (item.ValueKind == JsonValueKind.Object && String(item, "message") is { } inner) details.Add(redactor.Redact(inner));
                var code = redactor.RedactOrNull(String(root, "code"));
                return new GenesysApiError
                {
                    Status = response.StatusCode,
                    Code = code,
                    Message = redactor.Redact(message),
                    CorrelationId = redactor.RedactOrNull(String(root, "contextId")) ?? correlationId,
                    Details = details,
                    MissingPermissions = code is "missing.permissions" or "missing.any.permissions" ? Permissions(parameters, redactor.Redact(message)) : [],
                    RetryAfter = retryAfter,
                    ContentType = contentType,
                };
            }
        }
        catch (JsonException)
        {
        }
        return new GenesysApiError
        {
            Status = response.StatusCode,
            Message = $"the body is not a Genesys error ({contentType ?? "no content type"}, {body.Length} bytes): {Excerpt.Of(body, redactor)}",
            CorrelationId = correlationId,
            RetryAfter = retryAfter,
            ContentType = contentType,
        };
    }

    public static GenesysApiException ToException(GenesysApiError error, GenesysRequest request)
    {
        return error.Status == HttpStatusCode.TooManyRequests
            ? new GenesysRateLimitException(error, request.Method.Method, request.Path)
            : new GenesysApiException(error, request.Method.Method, request.Path);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Render(string template, IReadOnlyDictionary<string, string> parameters)
    {
        var builder = new StringBuilder(template);
        foreach (var (key, value) in parameters) builder.Replace("{" + key + "}", value);
        return builder.ToString();
    }

    private static string Describe(JsonElement detail)
    {
        var parts = new List<string>();
        foreach (var property in detail.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.String) parts.Add(property.Name + "=" + property.Value.GetString());
        return string.Join(", ", parts);
    }

    /// <summary>Genesys names missing permissions in messageParams or in brackets in the message ("[directory:user:edit]").</summary>
    private static IReadOnlyList<string> Permissions(IReadOnlyDictionary<string, string> parameters, string message)
    {
        var found = new List<string>();
        foreach (var value in parameters.Values)
            found.AddRange(value.Split([',', ' ', '[', ']'], StringSplitOptions.RemoveEmptyEntries).Where(v => v.Contains(':')));
        if (found.Count == 0)
        {
            var start = message.IndexOf('[');
            var end = message.IndexOf(']', start + 1);
            if (start >= 0 && end > start)
                found.AddRange(message[(start + 1)..end].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
        }
        return found.Distinct().ToArray();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;

namespace GenesysCloud.Typed;

/// <summary>One attempt of a call as a <see cref="GenesysPipelineStage"/> sees it: what is sent (without the token),
/// a way to add headers, and after <see cref="GenesysPipelineNext.ProcessAsync"/> the answer's status and headers.</summary>
public sealed class GenesysPipelineMessage
{
    private readonly HttpRequestMessage _message;
    private readonly GenesysRequest _request;
    private readonly SecretRedactor _redactor;
    private HttpResponseMessage? _response;
    private ExceptionDispatchInfo? _failure;
    private Task? _sending;
    private byte[]? _bodyCopy;
    private bool _sent;
    private bool _ended;

    internal GenesysPipelineMessage(GenesysRequest request, HttpRequestMessage message, int attempt, bool isReplay, SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        _request = request;
        _message = message;
        _redactor = redactor;
        Attempt = attempt;
        IsReplay = isReplay;
        CancellationToken = cancellationToken;
    }

    public HttpMethod Method => _request.Method;

    /// <summary>e.g. <c>/api/v2/users/{userId}</c>.</summary>
    public string RouteTemplate => _request.RouteTemplate;

    /// <summary>The path as sent, without the query (which may carry personal data).</summary>
    public string Path => _request.Path;

    /// <summary>The body as it is sent, byte-identical on every attempt. A copy: changing it changes nothing that is sent.</summary>
    public ReadOnlyMemory<byte>? Body => _request.Body is { } body ? _bodyCopy ??= body.ToArray() : null;

    /// <summary>Repeating it cannot apply it twice (a write that is not is what an audit usually wants).</summary>
    public bool IsIdempotent => _request.IsIdempotent;

    /// <summary>0 for the call's first send, then 1, 2, … for each retry and the 401 replay.</summary>
    public int Attempt { get; }

    /// <summary>The one send with a fresh token after a 401.</summary>
    public bool IsReplay { get; }

    /// <summary>Ends with the caller, the connection's disposal or the attempt's deadline.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Adds a header to this attempt. The rules of <see cref="GenesysRequest.Headers"/> apply: a valid name and
    /// value, and none the client sets itself (<c>Authorization</c>, <c>Host</c>, <c>Content-Type</c>, …).</summary>
    public void SetHeader(string name, string value)
    {
        if (_sent) throw new InvalidOperationException($"The header '{name}' comes too late: the attempt was already sent.");
        HeaderRules.CheckCallerHeader(name, value);
        if (MethodOverrides.Contains(name))
            throw new ArgumentException($"A pipeline stage cannot set '{name}': it would change the request's method, which stages cannot change.", nameof(name));
        _message.Headers.Remove(name);
        _message.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>The request's header, as the caller or an earlier stage set it; the token is never shown.</summary>
    public string? GetHeader(string name) =>
        ReservedHeaders.Why(name) is null && _message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>The answer's status, once sent; null before, or when the send failed.</summary>
    public HttpStatusCode? StatusCode => _response?.StatusCode;

    /// <summary>The answer's headers, once sent.</summary>
    public HttpResponseHeaders? ResponseHeaders => _response?.Headers;

    /// <summary>The answer's correlation id, with any secret blanked.</summary>
    public string? CorrelationId => _response is null ? null : GenesysHeaders.CorrelationIdOf(_response.Headers, _redactor);

    // Headers some gateways read as the request's method.
    private static readonly HashSet<string> MethodOverrides = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    };

    internal HttpRequestMessage Request => _message;

    /// <summary>The send a stage started, finished or not (a stage may start next without awaiting it).</summary>
    internal Task? Sending => _sending;

    /// <summary>The stages returned or were abandoned: a saved next can no longer send.</summary>
    internal void End() => _ended = true;

    internal bool Sent => _sent;

    internal HttpResponseMessage? Response => _response;

    internal ExceptionDispatchInfo? Failure => _failure;

    internal ValueTask SendAsync(HttpClient http, long maxBytes)
    {
        if (_ended)
            throw new InvalidOperationException(
                $"A pipeline stage called next for {_request.Method.Method} {_request.RouteTemplate} after its attempt had ended; nothing was sent.");
        if (_sent)
            throw new InvalidOperationException(
                $"A pipeline stage sent {_request.Method.Method} {_request.RouteTemplate} twice in one attempt; an attempt is sent once (retries are the pipeline's own).");
        _sent = true;
        _sending = SendCoreAsync(http, maxBytes);
        return new ValueTask(_sending);
    }

    private async Task SendCoreAsync(HttpClient http, long maxBytes)
    {
        try
        {
            _response = await Transport.SendAsync(http, _message, maxBytes, CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }
}

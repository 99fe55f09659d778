using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GenesysCloud.Typed;

/// <summary>Talks to <c>POST {login}/oauth/token</c>: form-encoded, HTTP Basic client authentication, the token or OAuth
/// error shape back. Retries with Polly (<see cref="RetryStrategy"/>) by the same rules as API calls: what the server did not process
/// always, anything else only where repeating the grant is harmless (client credentials yes, a one-time code or a
/// rotating refresh token no), with Retry-After capped by the fetch's own budget.</summary>
internal sealed class TokenEndpointClient
{
    // Genesys allows 48 h at most; a larger expires_in is clamped so a typo on the server cannot pin a token for years.
    internal static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(48);
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly Func<HttpClient> _http;
    private readonly Uri _tokenUri;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GenesysTelemetry _telemetry;
    private readonly SecretRedactor _redactor;
    private readonly TimeSpan _budget;
    private readonly long _maxBytes;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public TokenEndpointClient(Func<HttpClient> http, Uri loginBaseAddress, GenesysCloudOptions options, ILogger logger, GenesysTelemetry telemetry,
        SecretRedactor redactor)
    {
        _http = http;
        _tokenUri = new Uri(loginBaseAddress.AbsoluteUri.TrimEnd('/') + "/oauth/token");
        _time = options.TimeProvider;
        _logger = logger;
        _telemetry = telemetry;
        _redactor = redactor;
        _budget = options.Tokens.FetchTimeout;
        _maxBytes = options.MaxResponseBytes;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(RetryStrategy.Create(options.Retry, _time, refused: null, onRetry: args =>
            {
                args.Outcome.Result?.Dispose();
                Log.TokenEndpointRetry(_logger, args.AttemptNumber + 1, args.RetryDelay, TransientFailures.Describe(args.Outcome));
                return default;
            }))
            .Build();
    }

    // retryLostResponses: true when sending the grant twice is harmless (client credentials).
    public async Task<TokenResult> RequestAsync(string grant, IReadOnlyList<KeyValuePair<string, string>> form, (string Id, string Secret)? basic,
        bool retryLostResponses, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? authorization = null;
        if (basic is { } b)
        {
            authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes(b.Id + ":" + b.Secret));
            _redactor.Add(b.Secret);
            _redactor.Add(authorization);
        }
        foreach (var (key, value) in form)
            if (key is "refresh_token" or "code" or "code_verifier" or "assertion" or "client_secret") _redactor.Add(value);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryStrategy.FactsKey, new RetryFacts(retryLostResponses, _time.GetUtcNow() + _budget));
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(async ctx =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri) { Content = new FormUrlEncodedContent(form) };
                if (authorization is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", authorization);
                request.Headers.Accept.Add(Json);
                return await Transport.SendAsync(_http(), request, _maxBytes, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            _telemetry.TokenFetched(grant, "transport_error", Stopwatch.GetElapsedTime(started));
            var what = TransientFailures.IsOwnLimit(ex) ? "answered beyond a limit this client sets"
                : ex.HttpRequestError == HttpRequestError.InvalidResponse ? "answered something unreadable" : $"could not be reached ({ex.HttpRequestError})";
            throw new GenesysAuthenticationException($"The {grant} grant failed: the Genesys login host ({_tokenUri.Host}) {what}: {_redactor.Redact(ex.Message)}", inner: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var correlationId = GenesysHeaders.CorrelationIdOf(response.Headers, _redactor);
            try
            {
                var result = response.IsSuccessStatusCode
                    ? Parse(grant, body, response, correlationId)
                    : throw Refusal(grant, body, response, correlationId);
                _redactor.Add(result.RefreshToken);   // the access token was added while parsing
                _telemetry.TokenFetched(grant, "success", Stopwatch.GetElapsedTime(started));
                Log.TokenAcquired(_logger, grant, result.AccessToken.ExpiresAt - _time.GetUtcNow(), result.RefreshToken is not null);
                return result;
            }
            catch (GenesysAuthenticationException ex)
            {
                _telemetry.TokenFetched(grant, ex.Error ?? "invalid_response", Stopwatch.GetElapsedTime(started));
                Log.TokenRefused(_logger, grant, ex.Error ?? "invalid_response", ex.Status ?? 0);
                throw;
            }
        }
    }

    private TokenResult Parse(string grant, byte[] body, HttpResponseMessage response, string? correlationId)
    {
        GenesysAuthenticationException Bad(string what, string shown) => new(
            $"The Genesys login host answered the {grant} grant with {(int)response.StatusCode} but {what}; {shown}",
            status: (int)response.StatusCode, correlationId: correlationId);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw Bad($"the body is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})",
                "body starts: " + Excerpt.Of(Redacted(body), _redactor));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad("the JSON is not an object", $"it is a JSON {root.ValueKind}.");
            // A token answer we cannot use may still hold a token, under any spelling of its name: describe the fields
            // it has, never their values.
            var fields = Fields(root);
            if (!root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || access.GetString() is not { Length: > 0 } value)
                throw Bad("there is no access_token", fields);
            _redactor.Add(value);   // before anything below can fail and quote the body
            if (!root.TryGetProperty("expires_in", out var expires) || !TryReadSeconds(expires, out var seconds))
                throw Bad("expires_in is missing or not a number", fields);
            if (seconds <= 0) throw Bad($"expires_in is {seconds} (the token would already be expired)", fields);
            var lifetime = seconds >= MaxLifetime.TotalSeconds ? MaxLifetime : TimeSpan.FromSeconds(seconds);
            var refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } rt ? rt : null;
            // Expiry from our own receive time: the server's clock never enters into it.
            return new TokenResult(new AccessToken(value, _time.GetUtcNow() + lifetime), refresh);
        }
    }

    private string Fields(JsonElement root)
    {
        var names = root.EnumerateObject().Take(20)
            .Select(p => $"{_redactor.Redact(p.Name.Length > 40 ? p.Name[..40] + "…" : p.Name)} ({p.Value.ValueKind.ToString().ToLowerInvariant()})");
        return "its fields: " + string.Join(", ", names) + ".";
    }

    private static bool TryReadSeconds(JsonElement element, out double seconds)
    {
        seconds = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out seconds) && double.IsFinite(seconds),
            // Some gateways stringify numbers; accept "3600" but nothing else.
            JsonValueKind.String => double.TryParse(element.GetString(), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out seconds) && double.IsFinite(seconds),
            _ => false,
        };
    }

    private GenesysAuthenticationException Refusal(string grant, byte[] body, HttpResponseMessage response, string? correlationId)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                var code = _redactor.Redact(error.GetString()!);
                var description = _redactor.RedactOrNull(
                    document.RootElement.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                    : document.RootElement.TryGetProperty("description", out d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
                var hint = code switch
                {
                    "invalid_client" => " Check the client id and secret, and that the OAuth client exists in this region.",
                    "invalid_grant" => " The code or refresh token is no longer valid: the user must authorize this application again.",
                    "unauthorized_client" => " The OAuth client is not allowed this grant type; change its grant in Genesys Cloud Admin.",
                    _ => "",
                };
                return new GenesysAuthenticationException(
                    $"The Genesys login host refused the {grant} grant: {status} {code}{(description is null ? "" : $" ({description})")}.{hint}",
                    code, status, correlationId);
            }
        }
        catch (JsonException)
        {
        }
        return new GenesysAuthenticationException(
            $"The Genesys login host answered the {grant} grant with {status} {response.StatusCode} " +
            $"({response.Content.Headers.ContentType?.MediaType ?? "no content type"}): {Excerpt.Of(Redacted(body), _redactor)}",
            status: status, correlationId: correlationId);
    }

    /// <summary>A body that is not JSON may still hold a token: blank everything from the first "token" or "\\u" (an
    /// escaped spelling of one) on.</summary>
    private static byte[] Redacted(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var at = new[] { text.IndexOf("token", StringComparison.OrdinalIgnoreCase), text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) }
            .Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at >= 0) text = text[..at] + "[redacted]";
        return Encoding.UTF8.GetBytes(text);
    }
}

using Polly;
using Polly.Timeout;

namespace GenesysCloud.Typed;

/// <summary>The one rule for what is worth repeating, shared by API calls and the token endpoint: what the server did
/// not process (429, 408, 503, a connection that never opened) is always safe to repeat; what it may have processed (500,
/// 502, 504, a connection lost mid-request, an attempt timeout) only when repeating it is harmless. Limits this client
/// imposes itself (a response larger than MaxResponseBytes) are never repeated: the next answer would be as large.</summary>
internal static class TransientFailures
{
    /// <summary>An attempt's outcome: an answer, or the failure of its send.</summary>
    public static bool ShouldRetry(HttpResponseMessage? response, Exception? failure, bool idempotent) => failure switch
    {
        HttpRequestException http => !IsOwnLimit(http) && (idempotent || Transport.WasNotSent(http)),
        // One attempt timed out on the wire: the server may have it — unless a user stage held it and it was never sent.
        AttemptTimeoutException timeout => idempotent || timeout.InnerException is NotSentException,
        TimeoutRejectedException => idempotent,
        not null => false,
        null => response is not null && IsTransientStatus((int)response.StatusCode) && (idempotent || !MayHaveBeenProcessed((int)response.StatusCode)),
    };

    /// <summary>The same rule for a Polly outcome (the token endpoint's retry).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent) => ShouldRetry(outcome.Result, outcome.Exception, idempotent);

    /// <summary>Statuses that say "try again": throttled, timed out, unavailable, or a gateway in trouble.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>False for answers that say the request was not acted on: every 4xx (refused before processing) and 503.
    /// A 2xx/3xx was processed; 500, 502 and 504 may have been.</summary>
    public static bool MayHaveBeenProcessed(int status) => status is < 400 or >= 500 && status != 503;

    /// <summary>The answer exceeded <see cref="GenesysCloudOptions.MaxResponseBytes"/>: our limit, not the server's fault.</summary>
    public static bool IsOwnLimit(HttpRequestException exception) => exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded;

    /// <summary>How long the server asks to wait, or null when it did not say (or said garbage).</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage? response, DateTimeOffset now) =>
        response is not null ? RetryAfter.Read(response.Headers, now) : null;

    public static string Describe(HttpResponseMessage? response, Exception? failure) =>
        response is not null ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : failure is HttpRequestException http ? http.HttpRequestError.ToString()
            : failure is AttemptTimeoutException ? nameof(TimeoutRejectedException)   // the reason's name dashboards already know
            : failure?.GetType().Name ?? "unknown";

    public static string Describe(Outcome<HttpResponseMessage> outcome) => Describe(outcome.Result, outcome.Exception);
}

/// <summary>One attempt got no answer within <see cref="GenesysCloudOptions.AttemptTimeout"/> (or what was left of the
/// call's budget).</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout, Exception inner)
    : TimeoutException($"The attempt got no answer within {timeout}.", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}

using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>Every log line the runtime writes. None takes a token, a secret or a query string.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Acquired a {Grant} token valid for {Lifetime} (refresh token: {HasRefreshToken})")]
    public static partial void TokenAcquired(ILogger logger, string grant, TimeSpan lifetime, bool hasRefreshToken);

    [LoggerMessage(2, LogLevel.Warning, "The login host refused the {Grant} grant: {Error} (HTTP {Status})")]
    public static partial void TokenRefused(ILogger logger, string grant, string error, int status);

    [LoggerMessage(3, LogLevel.Warning, "Token endpoint attempt {Attempt} failed with {Outcome}; retrying in {Delay}")]
    public static partial void TokenEndpointRetry(ILogger logger, int attempt, TimeSpan delay, string outcome);

    [LoggerMessage(4, LogLevel.Debug, "Refreshing the {Grant} token in the background, {Remaining} before it expires")]
    public static partial void TokenRefreshingAhead(ILogger logger, string grant, TimeSpan remaining);

    [LoggerMessage(5, LogLevel.Warning, "Fetching a {Grant} token failed ({Failures} in a row): {Error}")]
    public static partial void TokenFetchFailed(ILogger logger, string grant, int failures, string error);

    [LoggerMessage(6, LogLevel.Information, "The server rejected the current {Grant} token; fetching a new one")]
    public static partial void TokenInvalidated(ILogger logger, string grant);

    [LoggerMessage(7, LogLevel.Warning, "{Method} {Route} answered 401 {Code}; replaying once with a new token")]
    public static partial void ReplayingAfter401(ILogger logger, string method, string route, string? code);

    [LoggerMessage(8, LogLevel.Warning, "{Method} {Route} attempt {Attempt} failed with {Outcome}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string route, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Warning, "{Method} {Route} was throttled (429); waiting {Delay} as Retry-After asks")]
    public static partial void Throttled(ILogger logger, string method, string route, TimeSpan delay);

    [LoggerMessage(10, LogLevel.Warning, "{Method} {Route} asked for Retry-After {RetryAfter}, beyond what this call will wait ({Limit}); answering now instead")]
    public static partial void RetryAfterBeyondLimit(ILogger logger, string method, string route, TimeSpan retryAfter, TimeSpan limit);

    [LoggerMessage(11, LogLevel.Debug, "{Method} {Route} answered {Status} in {Elapsed} [correlation id {CorrelationId}]")]
    public static partial void Answered(ILogger logger, string method, string route, int status, TimeSpan elapsed, string? correlationId);

    [LoggerMessage(12, LogLevel.Information, "Job {JobId} submitted to {Route}")]
    public static partial void JobSubmitted(ILogger logger, string jobId, string route);

    [LoggerMessage(13, LogLevel.Debug, "Job {JobId} is {State}; polling again in {Delay}")]
    public static partial void JobPolled(ILogger logger, string jobId, GenesysJobState state, TimeSpan delay);

    [LoggerMessage(14, LogLevel.Warning, "Job {JobId} could not be deleted; it expires on its own")]
    public static partial void JobNotDeleted(ILogger logger, Exception exception, string jobId);
}

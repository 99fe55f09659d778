using Polly;
using Polly.Retry;

namespace GenesysCloud.Typed;

/// <summary>Builds the Polly retry both pipelines use (API calls and the token endpoint), so that both classify failures
/// through <see cref="TransientFailures"/> and treat Retry-After alike: honoured for every retried status, never beyond
/// <see cref="GenesysRetryOptions.MaxRetryAfter"/> nor beyond what is left of the call's budget. Past either cap the
/// attempt is not repeated and the caller gets the server's answer (with its Retry-After) at once.</summary>
internal static class RetryStrategy
{
    public static readonly ResiliencePropertyKey<bool> IdempotentKey = new("genesys.idempotent");
    public static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("genesys.deadline");

    // refused: told when a Retry-After is beyond what this call will wait (context, retryAfter, limit).
    public static RetryStrategyOptions<HttpResponseMessage> Create(GenesysRetryOptions options, TimeProvider time,
        Action<ResilienceContext, TimeSpan, TimeSpan>? refused, Func<OnRetryArguments<HttpResponseMessage>, ValueTask> onRetry) => new()
    {
        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
        Delay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context, options, time, refused)),
        DelayGenerator = args => ValueTask.FromResult(TransientFailures.RetryAfterOf(args.Outcome, time.GetUtcNow())),
        OnRetry = onRetry,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, GenesysRetryOptions options, TimeProvider time,
        Action<ResilienceContext, TimeSpan, TimeSpan>? refused)
    {
        if (!TransientFailures.ShouldRetry(outcome, context.Properties.GetValue(IdempotentKey, false))) return false;
        var now = time.GetUtcNow();
        if (TransientFailures.RetryAfterOf(outcome, now) is not { } wait) return true;
        // Waiting longer than allowed, or longer than the budget left, only to fail then: answer now instead.
        var remaining = context.Properties.GetValue(DeadlineKey, DateTimeOffset.MaxValue) - now;
        var limit = options.MaxRetryAfter < remaining ? options.MaxRetryAfter : remaining;
        if (wait <= limit) return true;
        refused?.Invoke(context, wait, limit);
        return false;
    }
}

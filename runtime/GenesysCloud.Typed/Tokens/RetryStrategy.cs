using Polly;
using Polly.Retry;

namespace GenesysCloud.Typed;

/// <summary>Builds the token endpoint's Polly retry (API calls have their own attempt loop, <see cref="Attempts"/>), so
/// that both classify failures through <see cref="TransientFailures"/> and treat Retry-After alike: honoured for every
/// retried status, never beyond
/// <see cref="GenesysRetryOptions.MaxRetryAfter"/> nor beyond what is left of the call's budget. Past either cap the
/// attempt is not repeated and the caller gets the server's answer (with its Retry-After) at once.</summary>
internal static class RetryStrategy
{
    // One property per call, not one per fact: each Set is a dictionary entry, and a value type would be boxed.
    public static readonly ResiliencePropertyKey<RetryFacts> FactsKey = new("genesys.call");

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
        DelayGenerator = args => ValueTask.FromResult(TransientFailures.RetryAfterOf(args.Outcome.Result, time.GetUtcNow())),
        OnRetry = onRetry,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, GenesysRetryOptions options, TimeProvider time,
        Action<ResilienceContext, TimeSpan, TimeSpan>? refused)
    {
        var facts = context.Properties.GetValue(FactsKey, RetryFacts.Unknown);
        if (!TransientFailures.ShouldRetry(outcome, facts.Idempotent)) return false;
        var now = time.GetUtcNow();
        // A spent budget starts no attempt: two timers due at once (attempt and call) may fire in either order.
        if (facts.Deadline <= now) return false;
        if (TransientFailures.RetryAfterOf(outcome.Result, now) is not { } wait) return true;
        // Waiting longer than allowed, or longer than the budget left, only to fail then: answer now instead.
        var remaining = facts.Deadline - now;
        var limit = options.MaxRetryAfter < remaining ? options.MaxRetryAfter : remaining;
        if (wait <= limit) return true;
        refused?.Invoke(context, wait, limit);
        return false;
    }
}

/// <summary>What the retry needs to know about one token request.</summary>
internal sealed class RetryFacts(bool idempotent, DateTimeOffset deadline)
{
    public static readonly RetryFacts Unknown = new(false, DateTimeOffset.MaxValue);

    /// <summary>Repeating it cannot apply it twice.</summary>
    public bool Idempotent { get; } = idempotent;

    /// <summary>When the call's budget runs out: no Retry-After beyond it is waited out.</summary>
    public DateTimeOffset Deadline { get; } = deadline;
}

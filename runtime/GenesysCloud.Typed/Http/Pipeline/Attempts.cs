namespace GenesysCloud.Typed;

/// <summary>Stage 3: whether a call's attempt is followed by another, and after how long. What is repeated comes from
/// <see cref="TransientFailures"/>; the wait from the answer's Retry-After (honoured for every retried status, never
/// beyond <see cref="GenesysRetryOptions.MaxRetryAfter"/> nor beyond what is left of the call's budget: past either
/// the caller gets the server's answer at once) or else exponential backoff with jitter.</summary>
internal sealed class Attempts(GenesysRetryOptions options, PipelineObserver observer)
{
    /// <summary>The wait before the next attempt, or null when <paramref name="retries"/> retries were the last.</summary>
    public TimeSpan? Next(CallScope call, int retries, HttpResponseMessage? response, Exception? failure)
    {
        // The common ending first: an answer nobody retries.
        if (response is not null && !TransientFailures.IsTransientStatus((int)response.StatusCode)) return null;
        if (retries >= options.MaxRetries) return null;
        if (!TransientFailures.ShouldRetry(response, failure, call.Request.IsIdempotent)) return null;
        // A spent budget starts no attempt: two deadlines due at once (attempt and call) may fire in either order.
        if (call.BudgetSpent) return null;
        var now = call.Now;
        if (TransientFailures.RetryAfterOf(response, now) is not { } wait) return Backoff(retries);
        // Waiting longer than allowed, or longer than the budget left, only to fail then: answer now instead.
        // A wait that uses up the whole budget leaves no time to send: that too is an answer now.
        var remaining = call.Deadline - now;
        if (wait <= options.MaxRetryAfter && wait < remaining) return wait;
        observer.RetryAfterBeyondLimit(call.Request, wait, options.MaxRetryAfter < remaining ? options.MaxRetryAfter : remaining);
        return null;
    }

    /// <summary>BaseDelay doubled per retry up to MaxDelay, each wait drawn from its upper half ("equal jitter"), so
    /// callers that failed together do not come back together.</summary>
    private TimeSpan Backoff(int retries)
    {
        var ceiling = options.BaseDelay.Ticks * Math.Pow(2, Math.Min(retries, 30));
        var capped = Math.Min(ceiling, options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + Random.Shared.NextDouble() * capped / 2));
    }
}

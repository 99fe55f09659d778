namespace GenesysCloud.Typed;

/// <summary>Stage 4: a pacing turn before every send (the local pacer or a fleet's budget), and what each answer says
/// about the rate: a 429 slows the pacer (and holds it for a Retry-After this client waits out), the
/// <c>inin-ratelimit-*</c> headers aim it. Without a budget it costs nothing.</summary>
internal sealed class PacingStage(IGenesysRequestBudget? budget, TimeSpan maxRetryAfter)
{
    /// <summary>Completes at once when a turn is free; otherwise waits, within the call's budget.</summary>
    public ValueTask TakeTurnAsync(CallScope call) =>
        budget is null || budget.TryTakeTurn() ? default : budget.WaitTurnAsync(call.Waiting());

    public void Learn(HttpResponseMessage response, TimeProvider time)
    {
        if (budget is null) return;
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            // A Retry-After this client will not wait out (a daily quota) must not hold every later call either: those
            // go to the server and get its answer at once. Only the rate is halved then.
            var retryAfter = RetryAfter.Read(response.Headers, time.GetUtcNow());
            budget.Throttled(retryAfter <= maxRetryAfter ? retryAfter : null);
        }
        else if (RateLimitHeaders.TryRead(response.Headers, out var allowed, out var count, out var reset))
        {
            budget.RateLimitHeaders(allowed, count, reset);
        }
    }
}

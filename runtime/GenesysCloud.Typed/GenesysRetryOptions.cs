namespace GenesysCloud.Typed;

/// <summary>How failed attempts are repeated, for API calls and the token endpoint alike. What the server did not process
/// (429, 408, 503, a connection never opened) is always retried; what it may have processed (500, 502, 504, a connection
/// lost mid-request, an attempt timeout) only for idempotent requests.</summary>
public sealed class GenesysRetryOptions
{
    public int MaxRetries { get; set; } = 8;

    /// <summary>First backoff delay when the server gives no Retry-After; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After this client waits out, for any retried status. Longer (a daily quota's hours), or
    /// longer than the call's remaining budget, ends the call at once with the server's answer carrying RetryAfter
    /// (<see cref="GenesysRateLimitException"/> for 429, <see cref="GenesysApiException"/> otherwise) instead of a silent sleep.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    internal IEnumerable<string> Validate()
    {
        if (MaxRetries is < 0 or > 100) yield return "Retry.MaxRetries must be from 0 to 100.";
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay) yield return "Retry.BaseDelay must be between zero and Retry.MaxDelay.";
        if (MaxRetryAfter < TimeSpan.Zero) yield return "Retry.MaxRetryAfter cannot be negative.";
    }
}

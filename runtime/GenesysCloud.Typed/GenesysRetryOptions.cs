namespace GenesysCloud.Typed;

/// <summary>How failed attempts are repeated. 429 is always retried (the request was not processed); 5xx, 408 and
/// transport failures only for idempotent requests.</summary>
public sealed class GenesysRetryOptions
{
    public int MaxRetries { get; set; } = 8;

    /// <summary>First backoff delay when the server gives no Retry-After; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After this client waits out. Longer (a daily quota's hours) ends the call with a
    /// <see cref="GenesysRateLimitException"/> carrying RetryAfter, instead of a silent sleep.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    internal IEnumerable<string> Validate()
    {
        if (MaxRetries is < 0 or > 100) yield return "Retry.MaxRetries must be from 0 to 100.";
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay) yield return "Retry.BaseDelay must be between zero and Retry.MaxDelay.";
        if (MaxRetryAfter < TimeSpan.Zero) yield return "Retry.MaxRetryAfter cannot be negative.";
    }
}

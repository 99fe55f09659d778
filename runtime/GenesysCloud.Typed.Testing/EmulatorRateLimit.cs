namespace GenesysCloud.Typed.Testing;

/// <summary>The emulator's request budget: a fixed window per access token (or per OAuth client), like Genesys Cloud's
/// "300 requests within 60 seconds".</summary>
public sealed class EmulatorRateLimit
{
    public bool Enabled { get; set; } = true;
    public int RequestsPerWindow { get; set; } = 300;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);
    public RateLimitKey Key { get; set; } = RateLimitKey.AccessToken;

    /// <summary>Send the (unverified) <c>inin-ratelimit-allowed</c>, <c>-count</c> and <c>-reset</c> headers.</summary>
    public bool SendRateLimitHeaders { get; set; }

    /// <summary>When set, each OAuth client may make this many API requests per UTC day; beyond it the answer is 429
    /// <c>too.many.requests.retry.after</c> with a Retry-After of hours.</summary>
    public int? DailyQuota { get; set; }

    internal void Validate()
    {
        if (RequestsPerWindow < 1) throw new ArgumentOutOfRangeException(nameof(RequestsPerWindow), RequestsPerWindow, "The rate limit needs at least 1 request per window.");
        if (Window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Window), Window, "The rate-limit window must be positive.");
        if (DailyQuota is < 1) throw new ArgumentOutOfRangeException(nameof(DailyQuota), DailyQuota, "The daily quota must be positive.");
    }
}

public enum RateLimitKey
{
    /// <summary>One budget per access token (Genesys's default for client credentials).</summary>
    AccessToken,
    /// <summary>One budget per OAuth client, shared by all its tokens.</summary>
    Client,
}

namespace GenesysCloud.Typed;

/// <summary>Client-side pacing: spread requests so the server's limit is approached, not hit. Off unless
/// <see cref="RequestsPerMinute"/> is set. It slows down on 429 and speeds back up, and follows the
/// <c>inin-ratelimit-*</c> headers when the server sends them.</summary>
public sealed class GenesysPacingOptions
{
    /// <summary>The target rate for everything sent with this connection's token (Genesys's default limit is 300 per
    /// minute per client-credentials token). Null: no pacing.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>After a 429 the rate halves, but never below this share of <see cref="RequestsPerMinute"/>.</summary>
    public double MinimumShare { get; set; } = 0.25;

    /// <summary>How many requests may go at once after a quiet spell (the bucket size); by default a tenth of a second's worth.</summary>
    public int? Burst { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (RequestsPerMinute is < 1) yield return "Pacing.RequestsPerMinute must be positive.";
        if (MinimumShare is <= 0 or > 1 || double.IsNaN(MinimumShare)) yield return "Pacing.MinimumShare must be in (0, 1].";
        if (Burst is < 1) yield return "Pacing.Burst must be positive.";
    }
}

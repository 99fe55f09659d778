namespace GenesysCloud.Typed;

/// <summary>When tokens are renewed. The defaults suit Genesys lifetimes (5 min to 48 h) and scale down for tests
/// with tokens of a second.</summary>
public sealed class GenesysTokenOptions
{
    /// <summary>Start a background refresh this long before expiry (at most half the lifetime). Callers keep using the
    /// current token meanwhile.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Stop using a token this long before it expires (at most a tenth of the lifetime), so a request in
    /// flight does not arrive with a dead token.</summary>
    public TimeSpan ExpiryMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a failed fetch, wait this long before the next (doubling per failure up to <see cref="MaxFailureCooldown"/>).</summary>
    public TimeSpan FailureCooldown { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxFailureCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one token fetch may take, whoever waits for it.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (RefreshBeforeExpiry < TimeSpan.Zero) yield return "Tokens.RefreshBeforeExpiry cannot be negative.";
        if (ExpiryMargin < TimeSpan.Zero) yield return "Tokens.ExpiryMargin cannot be negative.";
        if (FailureCooldown < TimeSpan.Zero || MaxFailureCooldown < FailureCooldown) yield return "Tokens.FailureCooldown must be between zero and Tokens.MaxFailureCooldown.";
        if (FetchTimeout <= TimeSpan.Zero) yield return "Tokens.FetchTimeout must be positive.";
    }
}

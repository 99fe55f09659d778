namespace GenesysCloud.Typed.Testing;

/// <summary>Faults injected into <c>/api/v2</c> requests. Each request draws once from a generator seeded with
/// <see cref="EmulatorOptions.Seed"/>, so the same seed and the same request order give the same faults.</summary>
public sealed class EmulatorFaults
{
    /// <summary>Share of requests answered 500, 502, 503 (with Retry-After) or 504 without being processed.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests whose connection is dropped before the request is processed.</summary>
    public double DropBeforeProcessingRate { get; set; }

    /// <summary>Share of requests whose connection is dropped after the request was processed (a PATCH was applied,
    /// but the client never hears of it): the hard case for batch jobs.</summary>
    public double DropAfterProcessingRate { get; set; }

    /// <summary>Share of requests answered with a malformed body; see <see cref="MalformedBody"/>.</summary>
    public double MalformedBodyRate { get; set; }

    public MalformedBodyKind MalformedBody { get; set; } = MalformedBodyKind.HtmlGatewayPage;

    /// <summary>Added to every API request (server latency).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A random extra delay between zero and this, drawn from the seeded generator.</summary>
    public TimeSpan LatencyJitter { get; set; }

    /// <summary>Also apply server errors and drops to <c>POST /oauth/token</c>.</summary>
    public bool IncludeTokenEndpoint { get; set; }

    internal void Validate()
    {
        foreach (var (name, rate) in new[]
                 {
                     (nameof(ServerErrorRate), ServerErrorRate), (nameof(DropBeforeProcessingRate), DropBeforeProcessingRate),
                     (nameof(DropAfterProcessingRate), DropAfterProcessingRate), (nameof(MalformedBodyRate), MalformedBodyRate),
                 })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(name, rate, "A fault rate must be between 0 and 1.");
        }
        if (ServerErrorRate + DropBeforeProcessingRate + DropAfterProcessingRate + MalformedBodyRate > 1)
            throw new ArgumentException("The fault rates add up to more than 1.");
        if (Latency < TimeSpan.Zero || LatencyJitter < TimeSpan.Zero) throw new ArgumentException("Latency cannot be negative.");
    }
}

public enum MalformedBodyKind
{
    /// <summary>A 502 with an HTML page, as a load balancer sends.</summary>
    HtmlGatewayPage,
    /// <summary>The real status with the JSON body cut in half (the request was processed).</summary>
    TruncatedJson,
}

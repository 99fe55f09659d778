namespace GenesysCloud.Typed.Testing;

/// <summary>Everything the emulator does, with defaults that behave like a real Genesys Cloud org.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The OAuth clients the emulator accepts. Defaults to <see cref="EmulatorClient.Default"/>.</summary>
    public IList<EmulatorClient> Clients { get; set; } = new List<EmulatorClient> { EmulatorClient.Default };

    /// <summary>Lifetime of issued access tokens. Genesys allows 5 min to 48 h (default 24 h); the emulator allows down to 1 ms
    /// so tests can cross many lifetimes. <c>expires_in</c> is this value rounded up to whole seconds, like the real API.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When true, every refresh answers a new refresh token and the old one stops working.</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>How many users the org has. They are generated deterministically from <see cref="Seed"/>.</summary>
    public int UserCount { get; set; } = 100;

    /// <summary>How many analytics conversations the org has, generated deterministically from <see cref="Seed"/>, one about
    /// every 7 minutes from 2026-01-01T00:00Z (a details job returns those whose conversationStart lies in its interval).</summary>
    public int ConversationCount { get; set; } = 250;

    /// <summary>How many polls of an analytics job answer QUEUED/PENDING before it is FULFILLED (or FAILED).</summary>
    public int AnalyticsPollsBeforeFulfilled { get; set; } = 2;

    /// <summary>How long (on <see cref="TimeProvider"/>) a job runs after submission before it can be FULFILLED; it also
    /// needs <see cref="AnalyticsPollsBeforeFulfilled"/> polls. Zero by default.</summary>
    public TimeSpan AnalyticsJobDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Share of jobs (0..1) that end FAILED instead of FULFILLED, drawn per job from <see cref="Seed"/> and the job's
    /// submission number, so the same seed fails the same jobs. 0 by default.</summary>
    public double AnalyticsJobFailureRate { get; set; }

    /// <summary>How long after submission a job expires: its status answers EXPIRED and its results 404. One day by default.</summary>
    public TimeSpan AnalyticsJobLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Job status polls (<c>GET …/jobs/{jobId}</c>) allowed per OAuth client per minute; beyond it 429
    /// <c>too.many.requests</c> with Retry-After. These polls count here instead of against <see cref="RateLimit"/>.
    /// Null: unlimited. 120 by default.</summary>
    public int? AnalyticsStatusPollsPerMinute { get; set; } = 120;

    /// <summary>Seed for generated data and for the fault sequence: the same seed gives the same users and the same faults.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Request budget per window; see <see cref="EmulatorRateLimit"/>.</summary>
    public EmulatorRateLimit RateLimit { get; set; } = new();

    /// <summary>Injected faults; all off by default.</summary>
    public EmulatorFaults Faults { get; set; } = new();

    /// <summary>Clock for token expiry and rate windows. Pass a FakeTimeProvider to drive them from a test.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    internal void Validate()
    {
        if (Clients.Count == 0) throw new ArgumentException("EmulatorOptions.Clients must name at least one OAuth client.");
        if (AccessTokenLifetime < TimeSpan.FromMilliseconds(1) || AccessTokenLifetime > TimeSpan.FromDays(365))
            throw new ArgumentOutOfRangeException(nameof(AccessTokenLifetime), AccessTokenLifetime,
                "The access token lifetime must be from 1 ms to 365 days (Genesys allows 5 minutes to 48 hours).");
        if (UserCount < 0) throw new ArgumentOutOfRangeException(nameof(UserCount), UserCount, "UserCount cannot be negative.");
        if (ConversationCount < 0) throw new ArgumentOutOfRangeException(nameof(ConversationCount), ConversationCount, "ConversationCount cannot be negative.");
        if (ConversationCount > 10_000_000) throw new ArgumentOutOfRangeException(nameof(ConversationCount), ConversationCount, "ConversationCount can be at most 10,000,000.");
        if (AnalyticsPollsBeforeFulfilled < 0) throw new ArgumentOutOfRangeException(nameof(AnalyticsPollsBeforeFulfilled), AnalyticsPollsBeforeFulfilled, "AnalyticsPollsBeforeFulfilled cannot be negative.");
        if (AnalyticsJobDuration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AnalyticsJobDuration), AnalyticsJobDuration, "AnalyticsJobDuration cannot be negative.");
        if (!(AnalyticsJobFailureRate is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(AnalyticsJobFailureRate), AnalyticsJobFailureRate, "AnalyticsJobFailureRate must be from 0 to 1.");
        if (AnalyticsJobLifetime <= TimeSpan.Zero || AnalyticsJobLifetime > TimeSpan.FromDays(365))
            throw new ArgumentOutOfRangeException(nameof(AnalyticsJobLifetime), AnalyticsJobLifetime, "AnalyticsJobLifetime must be positive and at most 365 days.");
        if (AnalyticsStatusPollsPerMinute is < 1) throw new ArgumentOutOfRangeException(nameof(AnalyticsStatusPollsPerMinute), AnalyticsStatusPollsPerMinute, "AnalyticsStatusPollsPerMinute must be positive, or null for unlimited.");
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0 (any free port) or a TCP port number.");
        RateLimit.Validate();
        Faults.Validate();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in Clients)
        {
            client.Validate();
            if (!ids.Add(client.ClientId)) throw new ArgumentException($"The OAuth client id '{client.ClientId}' is registered twice.");
        }
    }
}

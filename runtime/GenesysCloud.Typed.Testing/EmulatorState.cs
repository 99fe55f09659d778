using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Faults;
using GenesysCloud.Typed.Testing.OAuth;
using GenesysCloud.Typed.Testing.RateLimiting;
using GenesysCloud.Typed.Testing.Scripting;

namespace GenesysCloud.Typed.Testing;

/// <summary>The emulated org: one instance per emulator, shared by every endpoint.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Tokens = new TokenStore(options);
        Users = new UserStore(options.UserCount, options.Seed);
        Analytics = new AnalyticsStore(options);
        Ledger = new EmulatorLedger(() => Users.Count, Analytics);
        Faults = new FaultPlan(options.Faults, options.Seed);
        RateLimiter = options.RateLimit.Enabled
            ? new FixedWindowRateLimiter(options.RateLimit.RequestsPerWindow, options.RateLimit.Window, options.TimeProvider)
            : null;
        StatusPollLimiter = options.AnalyticsStatusPollsPerMinute is { } polls
            ? new FixedWindowRateLimiter(polls, TimeSpan.FromMinutes(1), options.TimeProvider)
            : null;
        DailyQuota = options.RateLimit.DailyQuota is { } quota ? new DailyQuota(quota, options.TimeProvider) : null;
    }

    public EmulatorOptions Options { get; }
    public TokenStore Tokens { get; }
    public UserStore Users { get; }
    public AnalyticsStore Analytics { get; }
    public EmulatorLedger Ledger { get; }
    public FaultPlan Faults { get; }
    public FixedWindowRateLimiter? RateLimiter { get; }
    public FixedWindowRateLimiter? StatusPollLimiter { get; }
    public DailyQuota? DailyQuota { get; }
    public ResponseScript Script { get; } = new();
    public volatile bool IpBlocked;

    public EmulatorClient? FindClient(string clientId) =>
        Options.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));
}

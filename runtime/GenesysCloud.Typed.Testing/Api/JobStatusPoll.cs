namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Endpoint metadata: a job status poll, rate-limited by <see cref="EmulatorOptions.AnalyticsStatusPollsPerMinute"/>
/// per OAuth client instead of by the general <see cref="EmulatorOptions.RateLimit"/>, as Genesys Cloud limits polling apart.</summary>
internal sealed class JobStatusPoll
{
    public static readonly JobStatusPoll Instance = new();
}

namespace GenesysCloud.Typed;

/// <summary>How an asynchronous job (<see cref="GenesysJob{T}"/>) is waited for: its status is polled, first after
/// <see cref="PollInterval"/>, then at intervals that double up to <see cref="MaxPollInterval"/>, or as the status
/// answer's Retry-After asks; after <see cref="MaxWait"/> without a result the job is given up (and deleted).</summary>
public sealed class GenesysJobOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>From submission (or resumption) until the job is FULFILLED. Analytics jobs usually take seconds to
    /// minutes; a large interval can take longer.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(2);

    internal IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero) yield return $"Jobs.PollInterval must be positive (is {PollInterval}).";
        if (MaxPollInterval < PollInterval) yield return $"Jobs.MaxPollInterval ({MaxPollInterval}) must be at least Jobs.PollInterval ({PollInterval}).";
        if (MaxWait <= TimeSpan.Zero) yield return $"Jobs.MaxWait must be positive (is {MaxWait}).";
    }
}

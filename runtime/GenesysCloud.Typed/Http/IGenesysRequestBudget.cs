namespace GenesysCloud.Typed;

/// <summary>Paces the requests of a connection. By default an in-process adaptive token bucket
/// (<see cref="GenesysPacingOptions"/>); GenesysCloud.Typed.Redis shares one budget across a fleet. The connection
/// disposes the budget it was given when it is disposed.</summary>
public interface IGenesysRequestBudget : IDisposable
{
    /// <summary>Completes when this request may be sent.</summary>
    ValueTask WaitTurnAsync(CancellationToken cancellationToken);

    /// <summary>Takes a turn now if one is free, without waiting (the pipeline's fast path); false sends the request down
    /// the path that calls <see cref="WaitTurnAsync"/>. A budget that cannot answer synchronously returns false.</summary>
    bool TryTakeTurn() => false;

    /// <summary>A 429 arrived: slow down, and send nothing until its Retry-After (when one this client waits out) has passed.</summary>
    void Throttled(TimeSpan? retryAfter);

    /// <summary>The server's <c>inin-ratelimit-*</c> headers: what is left of its window.</summary>
    void RateLimitHeaders(int allowed, int count, TimeSpan resetIn);

    /// <summary>Requests per minute right now.</summary>
    double CurrentRate { get; }
}

/// <summary>Budgets the runtime provides.</summary>
public static class GenesysRequestBudget
{
    /// <summary>The in-process adaptive pacer: halves on 429, recovers 10% per quiet minute, follows rate-limit headers.</summary>
    public static IGenesysRequestBudget CreateLocal(GenesysPacingOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RequestsPerMinute is null) throw new ArgumentException("Pacing.RequestsPerMinute must be set for a budget.", nameof(options));
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        return new AdaptivePacer(options, timeProvider ?? TimeProvider.System);
    }
}

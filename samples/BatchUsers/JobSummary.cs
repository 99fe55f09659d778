namespace BatchUsers;

/// <summary>What <c>--json</c> writes, and what the console shows at the end.</summary>
public sealed record JobSummary
{
    public bool DryRun { get; init; }
    public bool Interrupted { get; init; }
    public long Processed { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    public long Failed { get; init; }
    public IReadOnlyList<Failure> Failures { get; init; } = [];
    public long TokenRequests { get; init; }
    public long Retries { get; init; }
    public long Throttled { get; init; }
    public double ElapsedSeconds { get; init; }
    public double ThroughputPerSecond { get; init; }
    public EmulatorLedgerSummary? Emulator { get; init; }
    /// <summary>Fleet mode: the whole run's totals, over every worker.</summary>
    public RunTotals? Run { get; init; }
    /// <summary>Fleet mode: this worker's part.</summary>
    public FleetWorkerSummary? Fleet { get; init; }
    /// <summary>Fleet mode: why the worker ended early (exit 3: Redis refuses it or its key is not the run's; exit 4: the run
    /// was lost). Null otherwise.</summary>
    public string? Error { get; init; }
}

/// <summary>What one fleet worker did besides its users: partitions, take-overs, Redis outages, tokens.</summary>
public sealed record FleetWorkerSummary(string Worker, int PartitionsDone, int PartitionsReclaimed, long RedisOutages, long TokenFetchesForFleet,
    long SharedTokenReads);

/// <summary>The emulator's own record of what happened, to check the job's claims against.</summary>
public sealed record EmulatorLedgerSummary(int UsersChangedOnce, int UsersChangedMoreThanOnce, int UsersUnchanged, int TokenRequests, int FaultsServed, int Throttled);

namespace BatchUsers;

/// <summary>Live counters the job updates and the progress display reads.</summary>
public sealed class JobProgress
{
    private long _processed, _updated, _unchanged, _failed, _restored;

    public long? Total { get; set; }
    public long Processed => Interlocked.Read(ref _processed);
    public long Updated => Interlocked.Read(ref _updated);
    public long Unchanged => Interlocked.Read(ref _unchanged);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Users processed by this run (not counting those restored from a checkpoint): what rates are made of.</summary>
    public long ProcessedThisRun => Processed - Interlocked.Read(ref _restored);

    /// <summary>Called after each user; tests use it to interrupt a run at a chosen point.</summary>
    public Action<long>? OnProcessed { get; set; }

    internal void Record(Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Updated: Interlocked.Increment(ref _updated); break;
            case Outcome.Unchanged: Interlocked.Increment(ref _unchanged); break;
            default: Interlocked.Increment(ref _failed); break;
        }
        var processed = Interlocked.Increment(ref _processed);
        OnProcessed?.Invoke(processed);
    }

    internal void Restore(Checkpoint checkpoint)
    {
        _processed = checkpoint.Processed;
        _restored = checkpoint.Processed;
        _updated = checkpoint.Updated;
        _unchanged = checkpoint.Unchanged;
        _failed = checkpoint.Failures.Count;
    }
}

internal enum Outcome { Updated, Unchanged, Failed }

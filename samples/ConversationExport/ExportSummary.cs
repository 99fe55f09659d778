namespace ConversationExport;

/// <summary>What <c>--json</c> writes.</summary>
public sealed record ExportSummary
{
    public bool Completed { get; init; }
    public bool Resumed { get; init; }
    /// <summary>Conversations in the output file (all runs).</summary>
    public long Exported { get; init; }
    /// <summary>The interval exported.</summary>
    public string? Interval { get; init; }
    /// <summary>Conversations the org holds, when known (the embedded emulator or an emulator host); more than <see cref="Exported"/> when the
    /// interval held only part of them.</summary>
    public long? OrgConversations { get; init; }
    /// <summary>Conversations written by this run.</summary>
    public long ExportedThisRun { get; init; }
    /// <summary>Jobs this run submitted (0 when it resumed one).</summary>
    public int Jobs { get; init; }
    public string? JobId { get; init; }
    /// <summary>Status polls of the job (all runs).</summary>
    public int Polls { get; init; }
    public long TokenRequests { get; init; }
    public long Retries { get; init; }
    public long Throttled { get; init; }
    public double ElapsedSeconds { get; init; }
    public double ConversationsPerSecond { get; init; }
    public string? Error { get; init; }
}

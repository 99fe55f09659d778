namespace GenesysCloud.Typed;

/// <summary>An asynchronous job ended without results: it FAILED, was CANCELLED, EXPIRED (also while its results were
/// being read), no longer exists, or did not finish within <see cref="GenesysJobOptions.MaxWait"/>. Carries the job id
/// and the server's reason.</summary>
public sealed class GenesysJobException : Exception
{
    public GenesysJobException(string message, string jobId, GenesysJobState state, string? reason, Exception? inner = null) : base(message, inner)
    {
        JobId = jobId;
        State = state;
        Reason = reason;
    }

    public string JobId { get; }

    /// <summary>The job's last known state.</summary>
    public GenesysJobState State { get; }

    /// <summary>The server's <c>errorMessage</c>, when it gave one.</summary>
    public string? Reason { get; }
}

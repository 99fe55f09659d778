namespace GenesysCloud.Typed;

/// <summary>Where an asynchronous job is, as its status endpoint says (<c>state</c>).</summary>
public enum GenesysJobState
{
    /// <summary>A state this client does not know; it keeps polling, as for a job still running.</summary>
    Unknown,
    Queued,
    Pending,
    Fulfilled,
    Failed,
    Cancelled,
    Expired,
    /// <summary>The job no longer exists (its status answered 404): deleted, or expired and removed.</summary>
    NotFound,
}

using StackExchange.Redis;

namespace BatchUsers;

/// <summary>Redis answers, but no longer holds the run this worker joined (restarted without persistence, flushed, its
/// keys evicted or deleted): there is nothing to wait for. Users already changed stay changed, so a new run id is safe —
/// they count as unchanged in it.</summary>
public sealed class FleetRunLostException : Exception
{
    public FleetRunLostException(string runId, RedisServerException cause)
        : base($"Run '{runId}' was lost: Redis is up but no longer holds the run's state ({Reason(cause)}; e.g. Redis restarted without " +
               "persistence, was flushed, or evicted the run's keys). Nothing this worker can wait for. To finish safely, start the workers " +
               "again with a new --run-id: users already right are counted as unchanged, none is changed twice. Run Redis with persistence " +
               "(appendonly yes) and without key eviction for fleet runs.", cause) => RunId = runId;

    public string RunId { get; }

    // The server's first words ("RUNLOST the run is no longer in Redis", "NOGROUP No such key …"), without the script's sha.
    private static string Reason(RedisServerException cause)
    {
        var text = cause.Message.ReplaceLineEndings(" ");
        var script = text.IndexOf(" script: ", StringComparison.Ordinal);
        return script > 0 ? text[..script] : text;
    }
}

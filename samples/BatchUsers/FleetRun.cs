using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BatchUsers;

/// <summary>One run shared by a fleet of workers, kept in Redis. Partitions (listing pages) are entries of a stream read
/// through one consumer group: a worker owns an entry while it is pending under its name, renews its lease by re-claiming it,
/// and acknowledges it when done; an entry idle longer than the lease (its worker was killed) is taken over with XAUTOCLAIM.
/// Every user's outcome is recorded once for the run (a better outcome replaces a worse one: updated over unchanged over
/// failed), so a partition done twice is never counted twice. Keys share the run id as hash tag (one cluster slot).</summary>
public sealed class FleetRun
{
    private const string PlanScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return redis.call('HMGET', KEYS[1], 'partitions', 'pageSize', 'state', 'change')
        end
        redis.call('DEL', KEYS[2])
        redis.call('XGROUP', 'CREATE', KEYS[2], 'workers', '0', 'MKSTREAM')
        for i = 1, tonumber(ARGV[1]) do redis.call('XADD', KEYS[2], '*', 'page', i) end
        redis.call('HSET', KEYS[1], 'partitions', ARGV[1], 'pageSize', ARGV[2], 'state', ARGV[3], 'change', ARGV[4])
        return {ARGV[1], ARGV[2], ARGV[3], ARGV[4]}
        """;

    // KEYS: outcomes, totals, failures. ARGV: user id, outcome, reason. 1: first record, 2: upgraded, 0: kept the old one.
    private const string RecordScript = """
        local rank = {failed = 1, unchanged = 2, updated = 3}
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if old and rank[old] >= rank[ARGV[2]] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        if old then redis.call('HINCRBY', KEYS[2], old, -1) else redis.call('HINCRBY', KEYS[2], 'processed', 1) end
        redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
        if ARGV[2] == 'failed' then redis.call('HSET', KEYS[3], ARGV[1], ARGV[3]) elseif old == 'failed' then redis.call('HDEL', KEYS[3], ARGV[1]) end
        if old then return 2 end
        return 1
        """;

    // KEYS: stream. ARGV: consumer, lease ms. A new partition, else one idle longer than the lease: {id, page, reclaimed}.
    private const string ClaimScript = """
        local fresh = redis.call('XREADGROUP', 'GROUP', 'workers', ARGV[1], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
        if fresh and fresh[1] and fresh[1][2][1] then
          local e = fresh[1][2][1]
          return {e[1], e[2][2], 0}
        end
        local lapsed = redis.call('XAUTOCLAIM', KEYS[1], 'workers', ARGV[1], ARGV[2], '0-0', 'COUNT', 1)
        local e = lapsed[2][1]
        if e and e[2] then return {e[1], e[2][2], 1} end
        return false
        """;

    // KEYS: stream, done. ARGV: entry id. The ack counts only the first time (XACK answers 0 for an entry already acked).
    private const string CompleteScript = """
        if redis.call('XACK', KEYS[1], 'workers', ARGV[1]) == 1 then redis.call('INCR', KEYS[2]) end
        return tonumber(redis.call('GET', KEYS[2]) or '0')
        """;

    // KEYS: stream. ARGV: entry id, consumer, idle ms. Re-claims the entry (idle = ARGV[3]) only while it is still ours.
    private const string LeaseScript = """
        local p = redis.call('XPENDING', KEYS[1], 'workers', ARGV[1], ARGV[1], 1)
        if p[1] and p[1][2] == ARGV[2] then
          redis.call('XCLAIM', KEYS[1], 'workers', ARGV[2], 0, ARGV[1], 'IDLE', ARGV[3], 'JUSTID')
          return 1
        end
        return 0
        """;

    private readonly IDatabase _db;
    private readonly ILogger _logger;
    private readonly RedisKey _meta, _stream, _outcomes, _totals, _failures, _done;
    private readonly TimeSpan _lease;
    private bool _redisAway;

    public FleetRun(IConnectionMultiplexer redis, string runId, string worker, TimeSpan lease, ILogger logger)
    {
        _db = redis.GetDatabase();
        _logger = logger;
        RunId = runId;
        Worker = worker;
        _lease = lease;
        var prefix = $"batchusers:{{{runId}}}:";
        (_meta, _stream, _outcomes, _totals, _failures, _done) =
            (prefix + "meta", prefix + "partitions", prefix + "outcomes", prefix + "totals", prefix + "failures", prefix + "done");
    }

    public string RunId { get; }
    public string Worker { get; }
    public int Partitions { get; private set; }

    /// <summary>Creates the run's partitions unless another worker already did; refuses a run started with other settings.</summary>
    public async Task PlanAsync(Func<Task<int>> countPages, int pageSize, string state, string change, CancellationToken stop)
    {
        if (!await RetryAsync(() => _db.KeyExistsAsync(_meta), stop))
        {
            var pages = await countPages();
            var planned = (RedisResult[])(await RetryAsync(() => _db.ScriptEvaluateAsync(PlanScript, [_meta, _stream], [pages, pageSize, state, change]), stop))!;
            Check(planned, pageSize, state, change);
        }
        else
        {
            Check((RedisResult[])(await RetryAsync(() => _db.ScriptEvaluateAsync(PlanScript, [_meta, _stream], [0, pageSize, state, change]), stop))!,
                pageSize, state, change);
        }
    }

    private void Check(RedisResult[] planned, int pageSize, string state, string change)
    {
        Partitions = (int)planned[0];
        var (theirPageSize, theirState, theirChange) = ((int)planned[1], (string)planned[2]!, (string)planned[3]!);
        if (theirPageSize != pageSize || theirState != state || theirChange != change)
            throw new ArgumentException($"Run '{RunId}' was started with page size {theirPageSize}, state {theirState}, change \"{theirChange}\"; " +
                                        $"this worker has {pageSize}, {state}, \"{change}\". Use the same settings or another --run-id.");
    }

    /// <summary>A partition no one holds: a new one, else one whose worker let its lease lapse. Null when there is none now.</summary>
    public async Task<Partition?> ClaimAsync(CancellationToken stop)
    {
        var claimed = await RetryAsync(() => _db.ScriptEvaluateAsync(ClaimScript, [_stream], [Worker, (long)_lease.TotalMilliseconds]), stop);
        if (claimed.IsNull) return null;
        var fields = (RedisResult[])claimed!;
        return new Partition((string)fields[0]!, (int)fields[1], Reclaimed: (long)fields[2] == 1);
    }

    /// <summary>Keeps the lease (resets the entry's idle time). False when another worker took the partition over.</summary>
    public async Task<bool> RenewAsync(Partition partition, CancellationToken stop) =>
        (long)await RetryAsync(() => _db.ScriptEvaluateAsync(LeaseScript, [_stream], [partition.EntryId, Worker, 0]), stop) == 1;

    /// <summary>Stopping: hand the partition back at once (idle = the lease) instead of making the others wait it out.</summary>
    public async Task ReleaseAsync(Partition partition, CancellationToken stop) =>
        await RetryAsync(() => _db.ScriptEvaluateAsync(LeaseScript, [_stream], [partition.EntryId, Worker, (long)_lease.TotalMilliseconds]), stop);

    /// <summary>Records a user's outcome for the run. True when this record counts (first, or better than the one before).</summary>
    internal async Task<bool> RecordAsync(string userId, Outcome outcome, string? reason, CancellationToken stop)
    {
        var name = outcome switch { Outcome.Updated => "updated", Outcome.Unchanged => "unchanged", _ => "failed" };
        return (long)await RetryAsync(() => _db.ScriptEvaluateAsync(RecordScript, [_outcomes, _totals, _failures], [userId, name, reason ?? ""]), stop) > 0;
    }

    /// <summary>Acknowledges the partition; answers how many partitions of the run are done.</summary>
    public async Task<long> CompleteAsync(Partition partition, CancellationToken stop) =>
        (long)await RetryAsync(() => _db.ScriptEvaluateAsync(CompleteScript, [_stream, _done], [partition.EntryId]), stop);

    public async Task<bool> IsCompleteAsync(CancellationToken stop) =>
        (long)(await RetryAsync(() => _db.StringGetAsync(_done), stop) is { IsNull: false } done ? (long)done : 0) >= Partitions;

    public async Task<RunTotals> TotalsAsync(CancellationToken stop)
    {
        var totals = await RetryAsync(() => _db.HashGetAllAsync(_totals), stop);
        long Get(string name) => totals.FirstOrDefault(e => e.Name == name) is { Value.IsNull: false } e ? (long)e.Value : 0;
        var done = await RetryAsync(() => _db.StringGetAsync(_done), stop);
        var failures = await RetryAsync(() => _db.HashGetAllAsync(_failures), stop);
        return new RunTotals
        {
            RunId = RunId,
            Partitions = Partitions,
            PartitionsDone = done.IsNull ? 0 : (long)done,
            Processed = Get("processed"),
            Updated = Get("updated"),
            Unchanged = Get("unchanged"),
            Failed = Get("failed"),
            Failures = failures.Select(f => new Failure((string)f.Name!, (string)f.Value!)).OrderBy(f => f.UserId, StringComparer.Ordinal).ToList(),
        };
    }

    // The run's bookkeeping needs Redis: while it is away, wait for it (the outcome in hand is kept, not lost), say so once.
    private async Task<T> RetryAsync<T>(Func<Task<T>> operation, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                var result = await operation();
                if (_redisAway)
                {
                    _redisAway = false;
                    _logger.LogWarning("Redis is back: run bookkeeping resumed");
                }
                return result;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)   // RedisTimeoutException is a TimeoutException
            {
                if (!_redisAway)
                {
                    _redisAway = true;
                    _logger.LogWarning("Redis is unreachable ({Error}); API calls in flight go on alone, run bookkeeping waits for Redis", ex.GetType().Name);
                }
                await Task.Delay(250, CancellationToken.None);
                // A worker asked to stop gives up on Redis after a while rather than hang: its partition is reclaimed later.
                if (stop.IsCancellationRequested) throw new OperationCanceledException("Stopped while Redis was unreachable.", ex, stop);
            }
        }
    }
}

/// <summary>One listing page of the run, as a stream entry.</summary>
public sealed record Partition(string EntryId, int Page, bool Reclaimed);

/// <summary>The run's totals over every worker: what <c>run</c> holds in each worker's <c>--json</c> summary.</summary>
public sealed record RunTotals
{
    public required string RunId { get; init; }
    public long Partitions { get; init; }
    public long PartitionsDone { get; init; }
    public long Processed { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    public long Failed { get; init; }
    public IReadOnlyList<Failure> Failures { get; init; } = [];
}

using Microsoft.Extensions.Logging;
using GenesysCloud.Typed.Redis;
using StackExchange.Redis;

namespace BatchUsers;

/// <summary>One run shared by a fleet of workers, kept in Redis. Partitions (listing pages) are entries of a stream read
/// through one consumer group: a worker owns an entry while it is pending under its name, renews its lease by re-claiming it,
/// and acknowledges it when done; an entry idle longer than the lease (its worker was killed) is taken over with XAUTOCLAIM.
/// Every user's outcome is recorded once for the run (a better outcome replaces a worse one: updated over unchanged over
/// failed), so a partition done twice is never counted twice. Keys share the run id as hash tag (one cluster slot).</summary>
public sealed class FleetRun
{
    // Every script first checks that the run is still the one this worker joined (its meta and instance): a Redis that lost
    // the run (restarted without persistence, flushed, evicted) answers RUNLOST instead of an empty state to wait on.
    private const string Guard = """
        if redis.call('HGET', KEYS[1], 'instance') ~= ARGV[1] then
          return redis.error_reply('RUNLOST the run is no longer in Redis')
        end
        """ + "\n";

    // The outcomes, totals and failures hashes carry the run's instance too (field "_run", written at planning): one that was
    // deleted or evicted would otherwise be recreated empty by the next record, and the run would end with wrong totals.
    // KEYS[3..5] = outcomes, totals, failures (after meta and stream); ARGV[1] = instance.
    private const string PartsGuard = Guard + """
        for i = 3, 5 do
          if redis.call('HGET', KEYS[i], '_run') ~= ARGV[1] then
            return redis.error_reply('RUNLOST part of the run is no longer in Redis (' .. KEYS[i] .. ')')
          end
        end
        """ + "\n";

    // KEYS: meta, stream, outcomes, totals, failures. ARGV: pages (-1: join only), page size, state, change, instance, key id.
    private const string PlanScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          if redis.call('EXISTS', KEYS[2]) == 0 then return redis.error_reply('RUNLOST the partitions of the run are gone') end
          local instance = redis.call('HGET', KEYS[1], 'instance')
          for i = 3, 5 do
            if redis.call('HGET', KEYS[i], '_run') ~= instance then
              return redis.error_reply('RUNLOST part of the run is no longer in Redis (' .. KEYS[i] .. ')')
            end
          end
          return redis.call('HMGET', KEYS[1], 'partitions', 'pageSize', 'state', 'change', 'instance', 'keyId')
        end
        if redis.call('EXISTS', KEYS[2], KEYS[3], KEYS[4], KEYS[5]) > 0 then
          return redis.error_reply('RUNLOST the run is only partly in Redis (its description is gone)')
        end
        if tonumber(ARGV[1]) < 0 then return redis.error_reply('RUNLOST the run disappeared while this worker joined it') end
        redis.call('XGROUP', 'CREATE', KEYS[2], 'workers', '0', 'MKSTREAM')
        for i = 1, tonumber(ARGV[1]) do redis.call('XADD', KEYS[2], '*', 'page', i) end
        redis.call('HSET', KEYS[1], 'partitions', ARGV[1], 'pageSize', ARGV[2], 'state', ARGV[3], 'change', ARGV[4],
          'instance', ARGV[5], 'keyId', ARGV[6], 'done', 0)
        for i = 3, 5 do redis.call('HSET', KEYS[i], '_run', ARGV[5]) end
        return {ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]}
        """;

    // KEYS: meta, stream, outcomes, totals, failures. ARGV: instance, user id, outcome, reason. 1: first record, 2: upgraded, 0: kept the old one.
    private const string RecordScript = PartsGuard + """
        local rank = {failed = 1, unchanged = 2, updated = 3}
        local old = redis.call('HGET', KEYS[3], ARGV[2])
        if old and rank[old] >= rank[ARGV[3]] then return 0 end
        redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
        if old then redis.call('HINCRBY', KEYS[4], old, -1) else redis.call('HINCRBY', KEYS[4], 'processed', 1) end
        redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
        if ARGV[3] == 'failed' then redis.call('HSET', KEYS[5], ARGV[2], ARGV[4]) elseif old == 'failed' then redis.call('HDEL', KEYS[5], ARGV[2]) end
        if old then return 2 end
        return 1
        """;

    // KEYS: meta, stream. ARGV: instance, consumer, lease ms. A new partition, else one idle longer than the lease: {id, page, reclaimed}.
    private const string ClaimScript = Guard + """
        local fresh = redis.call('XREADGROUP', 'GROUP', 'workers', ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[2], '>')
        if fresh and fresh[1] and fresh[1][2][1] then
          local e = fresh[1][2][1]
          return {e[1], e[2][2], 0}
        end
        local lapsed = redis.call('XAUTOCLAIM', KEYS[2], 'workers', ARGV[2], ARGV[3], '0-0', 'COUNT', 1)
        local e = lapsed[2][1]
        if e and e[2] then return {e[1], e[2][2], 1} end
        return false
        """;

    // KEYS: meta, stream. ARGV: instance, entry id. The ack counts only the first time (XACK answers 0 for an entry already
    // acked). The count lives in meta, so it cannot be lost without the run being seen as lost.
    private const string CompleteScript = Guard + """
        if redis.call('XACK', KEYS[2], 'workers', ARGV[2]) == 1 then return redis.call('HINCRBY', KEYS[1], 'done', 1) end
        return tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
        """;

    // KEYS: meta, stream, outcomes, totals, failures. ARGV: instance. Partitions done.
    private const string DoneScript = PartsGuard + """
        return tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
        """;

    // KEYS: meta, stream, outcomes, totals, failures. ARGV: instance. {partitions done, totals, failures}.
    private const string TotalsScript = PartsGuard + """
        return {tonumber(redis.call('HGET', KEYS[1], 'done') or '0'), redis.call('HGETALL', KEYS[4]), redis.call('HGETALL', KEYS[5])}
        """;

    // KEYS: meta, stream. ARGV: instance, entry id, consumer, idle ms. Re-claims the entry (idle = ARGV[4]) only while it is still ours.
    private const string LeaseScript = Guard + """
        local p = redis.call('XPENDING', KEYS[2], 'workers', ARGV[2], ARGV[2], 1)
        if p[1] and p[1][2] == ARGV[3] then
          redis.call('XCLAIM', KEYS[2], 'workers', ARGV[3], 0, ARGV[2], 'IDLE', ARGV[4], 'JUSTID')
          return 1
        end
        return 0
        """;

    private readonly IDatabase _db;
    private readonly ILogger _logger;
    private readonly RedisKey _meta, _stream, _outcomes, _totals, _failures;
    private readonly TimeSpan _lease;
    private readonly string _keyId;
    private string _instance = "";
    private bool _redisAway;
    private readonly IConnectionMultiplexer _redis;
    private readonly Func<GenesysRedisConfigurationException?>? _refusal;
    private readonly CancellationToken _stopping;
    private long _stoppedAt;   // Environment.TickCount64 when the worker was told to stop; 0 before
    private long _probedAt;

    /// <summary>After the worker is told to stop, how long its bookkeeping still waits for an unreachable Redis (handing its
    /// page back, recording the users in flight) before it gives up and exits: the lease hands the page over anyway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <param name="keyId">The public id of this worker's token key (<c>GenesysRedisFleet.KeyId</c>): every worker of a run
    /// needs the same key, and the run remembers the one it was started with.</param>
    /// <param name="stopping">The worker's stop signal (SIGTERM, Ctrl+C): from then on no wait for Redis lasts longer than
    /// <see cref="StopGrace"/>, whatever token the call was given.</param>
    /// <param name="refusal">What the fleet's token cache and budget already know of a refusal on the same Redis.</param>
    public FleetRun(IConnectionMultiplexer redis, string runId, string worker, TimeSpan lease, string keyId, ILogger logger,
        CancellationToken stopping = default, Func<GenesysRedisConfigurationException?>? refusal = null)
    {
        _redis = redis;
        _refusal = refusal;
        _stopping = stopping;
        stopping.Register(() => Interlocked.CompareExchange(ref _stoppedAt, Environment.TickCount64, 0));
        _keyId = keyId;
        _db = redis.GetDatabase();
        _logger = logger;
        RunId = runId;
        Worker = worker;
        _lease = lease;
        var prefix = $"batchusers:{{{runId}}}:";
        (_meta, _stream, _outcomes, _totals, _failures) =
            (prefix + "meta", prefix + "partitions", prefix + "outcomes", prefix + "totals", prefix + "failures");
    }

    public string RunId { get; }
    public string Worker { get; }
    public int Partitions { get; private set; }

    /// <summary>Creates the run's partitions unless another worker already did; refuses a run started with other settings
    /// (<see cref="ArgumentException"/>) or another token key (<see cref="GenesysRedisConfigurationException"/>), and one
    /// Redis holds only part of (<see cref="FleetRunLostException"/>).</summary>
    public async Task PlanAsync(Func<Task<int>> countPages, int pageSize, string state, string change, CancellationToken stop)
    {
        var pages = await RetryAsync(() => _db.KeyExistsAsync(_meta), stop) ? -1 : await countPages();
        var instance = Guid.NewGuid().ToString("N");
        var planned = (RedisResult[])(await RetryAsync(() => _db.ScriptEvaluateAsync(PlanScript, [_meta, _stream, _outcomes, _totals, _failures],
            [pages, pageSize, state, change, instance, _keyId]), stop))!;
        Check(planned, pageSize, state, change);
    }

    private void Check(RedisResult[] planned, int pageSize, string state, string change)
    {
        Partitions = (int)planned[0];
        var (theirPageSize, theirState, theirChange) = ((int)planned[1], (string)planned[2]!, (string)planned[3]!);
        if (theirPageSize != pageSize || theirState != state || theirChange != change)
            throw new ArgumentException($"Run '{RunId}' was started with page size {theirPageSize}, state {theirState}, change \"{theirChange}\"; " +
                                        $"this worker has {pageSize}, {state}, \"{change}\". Use the same settings or another --run-id.");
        if ((string?)planned[5] is { } theirKeyId && theirKeyId != _keyId)
            throw new GenesysRedisConfigurationException(GenesysRedisRefusal.KeyMismatch,
                $"Run '{RunId}' was started by workers with another GENESYS_TOKEN_KEY (key id {theirKeyId}; this worker's is {_keyId}). " +
                "Every worker of a run needs the same key: start this one with the run's key, or use another --run-id.");
        _instance = (string)planned[4]!;
    }
    /// <summary>A partition no one holds: a new one, else one whose worker let its lease lapse. Null when there is none now.</summary>
    public async Task<Partition?> ClaimAsync(CancellationToken stop)
    {
        var claimed = await RetryAsync(() => _db.ScriptEvaluateAsync(ClaimScript, [_meta, _stream], [_instance, Worker, (long)_lease.TotalMilliseconds]), stop);
        if (claimed.IsNull) return null;
        var fields = (RedisResult[])claimed!;
        return new Partition((string)fields[0]!, (int)fields[1], Reclaimed: (long)fields[2] == 1);
    }

    /// <summary>Keeps the lease (resets the entry's idle time). False when another worker took the partition over.</summary>
    public async Task<bool> RenewAsync(Partition partition, CancellationToken stop) =>
        (long)await RetryAsync(() => _db.ScriptEvaluateAsync(LeaseScript, [_meta, _stream], [_instance, partition.EntryId, Worker, 0]), stop) == 1;

    /// <summary>Stopping: hand the partition back at once (idle = the lease) instead of making the others wait it out.</summary>
    public async Task ReleaseAsync(Partition partition, CancellationToken stop) =>
        await RetryAsync(() => _db.ScriptEvaluateAsync(LeaseScript, [_meta, _stream], [_instance, partition.EntryId, Worker, (long)_lease.TotalMilliseconds]), stop);

    /// <summary>Records a user's outcome for the run. True when this record counts (first, or better than the one before).</summary>
    internal async Task<bool> RecordAsync(string userId, Outcome outcome, string? reason, CancellationToken stop)
    {
        var name = outcome switch { Outcome.Updated => "updated", Outcome.Unchanged => "unchanged", _ => "failed" };
        return (long)await RetryAsync(() => _db.ScriptEvaluateAsync(RecordScript, [_meta, _stream, _outcomes, _totals, _failures], [_instance, userId, name, reason ?? ""]), stop) > 0;
    }

    /// <summary>Acknowledges the partition; answers how many partitions of the run are done.</summary>
    public async Task<long> CompleteAsync(Partition partition, CancellationToken stop) =>
        (long)await RetryAsync(() => _db.ScriptEvaluateAsync(CompleteScript, [_meta, _stream], [_instance, partition.EntryId]), stop);

    public async Task<bool> IsCompleteAsync(CancellationToken stop) =>
        (long)await RetryAsync(() => _db.ScriptEvaluateAsync(DoneScript, [_meta, _stream, _outcomes, _totals, _failures], [_instance]), stop) >= Partitions;

    public async Task<RunTotals> TotalsAsync(CancellationToken stop)
    {
        var result = (RedisResult[])(await RetryAsync(() => _db.ScriptEvaluateAsync(TotalsScript, [_meta, _stream, _outcomes, _totals, _failures], [_instance]), stop))!;
        var totals = ((RedisResult[])result[1]!).Chunk(2).ToDictionary(p => (string)p[0]!, p => (string)p[1]!);
        long Get(string name) => totals.TryGetValue(name, out var v) ? long.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var failures = ((RedisResult[])result[2]!).Chunk(2).Select(p => ((string)p[0]!, (string)p[1]!)).Where(p => p.Item1 != "_run");
        return new RunTotals
        {
            RunId = RunId,
            Partitions = Partitions,
            PartitionsDone = (long)result[0],
            Processed = Get("processed"),
            Updated = Get("updated"),
            Unchanged = Get("unchanged"),
            Failed = Get("failed"),
            Failures = failures.Select(f => new Failure(f.Item1, f.Item2)).OrderBy(f => f.UserId, StringComparer.Ordinal).ToList(),
        };
    }

    // The run's bookkeeping needs Redis: while it is away, wait for it (the outcome in hand is kept, not lost), say so once.
    // Only unreachability is waited on: a Redis that answers without the run, or refuses this worker, ends the worker.
    private bool PastStopGrace()
    {
        var stoppedAt = Interlocked.Read(ref _stoppedAt);
        return stoppedAt != 0 && Environment.TickCount64 - stoppedAt > StopGrace.TotalMilliseconds;
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> operation, CancellationToken stop)
    {
        while (true)
        {
            // Stopping while Redis is away: no new try once the grace is over (nor at all for a call that may give up).
            if (_redisAway && (stop.IsCancellationRequested || PastStopGrace()))
                throw new OperationCanceledException("Stopped while Redis was unreachable.", _stopping);
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
            catch (Exception ex) when (GenesysRedisErrors.IsUnreachable(ex))
            {
                if (!_redisAway)
                {
                    _redisAway = true;
                    _logger.LogWarning("Redis is unreachable ({Error}); API calls in flight go on alone, run bookkeeping waits for Redis", ex.GetType().Name);
                }
                // A worker asked to stop gives up on Redis after a while rather than hang: its partition is reclaimed later.
                if (stop.IsCancellationRequested || PastStopGrace())
                    throw new OperationCanceledException("Stopped while Redis was unreachable.", ex, _stopping);
                // The fleet's heartbeat or token cache may already have found Redis refusing this worker: not an outage.
                if (_refusal?.Invoke() is { } known) throw new GenesysRedisConfigurationException(known.Cause, known.Message, ex);
                // A Redis refused on reconnect (password changed, ACL user deleted) looks unreachable through this
                // multiplexer; a fresh connection tells the difference. Asked at most every 2 s.
                if (!_stopping.IsCancellationRequested && Environment.TickCount64 - _probedAt > 2000)
                {
                    _probedAt = Environment.TickCount64;
                    if (await GenesysRedisErrors.IsAuthenticationRefusedAsync(_redis, TimeSpan.FromSeconds(2)))
                        throw GenesysRedisErrors.AsConfigurationError(ex, $"the bookkeeping of run '{RunId}'", authenticationRefused: true)!;
                }
                await Task.Delay(250, CancellationToken.None);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("RUNLOST", StringComparison.Ordinal) || ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                throw new FleetRunLostException(RunId, ex);
            }
            catch (Exception ex) when (GenesysRedisErrors.AsConfigurationError(ex, $"the bookkeeping of run '{RunId}'") is { } refused)
            {
                throw refused;
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

using System.Globalization;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis;

/// <summary>One request budget for every process of a fleet on one OAuth client: a GCRA schedule kept in one Redis hash.
/// Each turn is one script call that reserves the next free slot on Redis's clock and answers how long to wait, so nobody
/// polls. A 429 seen by any process halves the fleet's rate and pauses it for the Retry-After; the rate grows back 10% per
/// quiet minute for everyone; <c>inin-ratelimit-*</c> headers lower it when they say less is left.
/// Not RedisRateLimiting: its limiters take a fixed rate at construction and answer "acquired or not" (callers would
/// poll), while the fleet needs a rate and a pause that live in Redis, change on one worker's 429 and are read atomically
/// with each reservation. While Redis is away the process paces alone at its fair share.</summary>
internal sealed class RedisRequestBudget : IGenesysRequestBudget
{
    // KEYS[1] = state hash. ARGV: max rate/min, min rate/min, burst. Answers {delay ms, rate × 1000}.
    private const string TakeScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local maxRate, minRate, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local s = redis.call('HMGET', KEYS[1], 'rate', 'tat', 'paused', 'changed')
        local rate = tonumber(s[1]) or maxRate
        local tat = tonumber(s[2]) or now
        local paused = tonumber(s[3]) or 0
        local changed = tonumber(s[4]) or now
        if rate < maxRate and now - changed >= 60000 then rate = math.min(maxRate, rate * 1.1) changed = now end
        local interval = 60000 / rate
        local at = math.max(now, paused, tat - (burst - 1) * interval)
        redis.call('HSET', KEYS[1], 'rate', rate, 'tat', math.max(tat, at) + interval, 'changed', changed)
        redis.call('PEXPIRE', KEYS[1], 600000)
        return {math.ceil(at - now), math.floor(rate * 1000)}
        """;

    // ARGV: max rate, min rate, Retry-After ms (-1: none). Several 429s within a second count once.
    private const string ThrottleScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local s = redis.call('HMGET', KEYS[1], 'rate', 'paused', 'throttled')
        local rate = tonumber(s[1]) or tonumber(ARGV[1])
        local paused = tonumber(s[2]) or 0
        if now - (tonumber(s[3]) or 0) > 1000 then rate = math.max(tonumber(ARGV[2]), rate / 2) end
        local wait = tonumber(ARGV[3])
        if wait >= 0 then paused = math.max(paused, now + wait) end
        redis.call('HSET', KEYS[1], 'rate', rate, 'paused', paused, 'throttled', now, 'changed', now)
        redis.call('PEXPIRE', KEYS[1], 600000)
        return math.floor(rate * 1000)
        """;

    // ARGV: min rate, sustainable rate, pause ms (-1: none).
    private const string HeadersScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local s = redis.call('HMGET', KEYS[1], 'rate', 'paused')
        local sustainable = math.max(tonumber(ARGV[1]), tonumber(ARGV[2]))
        if not s[1] or sustainable < tonumber(s[1]) then redis.call('HSET', KEYS[1], 'rate', sustainable, 'changed', now) end
        local pause = tonumber(ARGV[3])
        if pause >= 0 then redis.call('HSET', KEYS[1], 'paused', math.max(tonumber(s[2]) or 0, now + pause)) end
        redis.call('PEXPIRE', KEYS[1], 600000)
        return 1
        """;

    // KEYS[1] = members zset. ARGV: member, window ms. Answers the number of live members.
    private const string HeartbeatScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
        return redis.call('ZCARD', KEYS[1])
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey[] _stateKey;
    private readonly RedisKey[] _membersKey;
    private readonly GenesysPacingOptions _pacing;
    private readonly GenesysRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly RedisFleetHealth _health;
    private readonly RedisValue _maxRate, _minRate, _burst;
    private readonly string _member = Guid.NewGuid().ToString("N");
    private readonly ITimer _heartbeat;
    private readonly object _gate = new();
    private IGenesysRequestBudget? _alone;
    private double _fleetRate;
    private int _fleetSize;

    public RedisRequestBudget(IConnectionMultiplexer redis, string budgetKey, GenesysPacingOptions pacing, GenesysRedisOptions options,
        TimeProvider time, RedisFleetHealth health)
    {
        _redis = redis;
        var keys = new RedisKeys(options.KeyPrefix);
        _stateKey = [keys.Budget(budgetKey)];
        _membersKey = [keys.BudgetMembers(budgetKey)];
        _pacing = pacing;
        _options = options;
        _time = time;
        _health = health;
        health.Watch(redis);
        var max = pacing.RequestsPerMinute!.Value;
        _fleetRate = max;
        _maxRate = max;
        _minRate = Math.Max(1, max * pacing.MinimumShare).ToString(CultureInfo.InvariantCulture);
        _burst = pacing.Burst ?? Math.Max(1, max / 600);
        health.ShareDescription = () => $"{AloneRate():0} of {max} requests/min";
        _heartbeat = time.CreateTimer(_ => _ = HeartbeatAsync(), null, TimeSpan.Zero, options.HeartbeatInterval);
    }

    /// <summary>Live processes sharing this budget, as last seen (0 before the first heartbeat).</summary>
    public int FleetSize => Volatile.Read(ref _fleetSize);

    public double CurrentRate
    {
        get
        {
            if (_health.IsDegraded) return Alone().CurrentRate;
            lock (_gate) return _fleetRate;
        }
    }

    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_health.ShouldTry)
        {
            TimeSpan delay;
            try
            {
                var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(TakeScript, _stateKey, [_maxRate, _minRate, _burst])
                    .ConfigureAwait(false))!;
                delay = TimeSpan.FromMilliseconds((long)result[0]);
                lock (_gate) _fleetRate = (long)result[1] / 1000.0;
                _health.Succeeded();
            }
            catch (Exception ex) when (_health.IsOutage(ex))
            {
                _health.Failed("budget", ex);
                delay = TimeSpan.MinValue;   // this turn is taken alone
            }
            catch (Exception ex) when (_health.Refused("the request budget", ex) is { } refused)
            {
                throw refused;   // not an outage: pacing alone would hide it
            }
            if (delay >= TimeSpan.Zero)
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        _health.FellBack();
        await Alone().WaitTurnAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Throttled(TimeSpan? retryAfter)
    {
        if (_health.IsDegraded) Alone().Throttled(retryAfter);
        var wait = retryAfter is { } r ? (long)Math.Ceiling(r.TotalMilliseconds) : -1;
        _ = RunAsync("budget throttle", ThrottleScript, [_maxRate, _minRate, wait], rate => { lock (_gate) _fleetRate = (long)rate / 1000.0; });
    }

    public void RateLimitHeaders(int allowed, int count, TimeSpan resetIn)
    {
        if (allowed <= 0 || resetIn <= TimeSpan.Zero) return;
        if (_health.IsDegraded) Alone().RateLimitHeaders(allowed, count, resetIn);
        var remaining = Math.Max(0, allowed - count);
        var sustainable = remaining / resetIn.TotalMinutes;
        double fleetRate;
        lock (_gate) fleetRate = _fleetRate;
        // Every answer carries the headers: only tell Redis when they ask for less than the fleet does now.
        if (remaining > 0 && sustainable >= fleetRate * 0.95) return;
        var pause = remaining == 0 ? (long)Math.Ceiling(resetIn.TotalMilliseconds) : -1;
        _ = RunAsync("budget headers", HeadersScript, [_minRate, sustainable.ToString(CultureInfo.InvariantCulture), pause], null);
    }

    private async Task RunAsync(string operation, string script, RedisValue[] args, Action<RedisResult>? onResult)
    {
        if (!_health.ShouldTry) return;
        try
        {
            var result = await _redis.GetDatabase().ScriptEvaluateAsync(script, _stateKey, args).ConfigureAwait(false);
            onResult?.Invoke(result);
            _health.Succeeded();
        }
        catch (Exception ex) when (_health.IsOutage(ex))
        {
            _health.Failed(operation, ex);
        }
        catch (Exception ex) when (_health.Refused(operation, ex) is not null)
        {
            // Sent without waiting: logged once; the next budget turn throws it to a caller.
        }
    }

    private async Task HeartbeatAsync()
    {
        if (!_health.ShouldTry) return;
        try
        {
            var window = (long)(_options.HeartbeatInterval.TotalMilliseconds * 3);
            var size = (int)(long)await _redis.GetDatabase().ScriptEvaluateAsync(HeartbeatScript, _membersKey, [_member, window]).ConfigureAwait(false);
            Volatile.Write(ref _fleetSize, size);
            _health.Succeeded();
        }
        catch (Exception ex) when (_health.IsOutage(ex))
        {
            _health.Failed("heartbeat", ex);
        }
        catch (Exception ex) when (_health.Refused("the fleet heartbeat", ex) is not null)
        {
            // A timer: logged once; the next budget turn throws it to a caller.
        }
    }

    private double AloneRate()
    {
        var max = _pacing.RequestsPerMinute!.Value;
        var workers = _options.OutageWorkers ?? FleetSize;
        return workers > 0 ? Math.Max(1, max / (double)workers) : Math.Max(1, max * _pacing.MinimumShare);
    }

    // The lone pacer is made when first needed, at the fair share as it stands then, and kept: its own 429s teach it.
    private IGenesysRequestBudget Alone()
    {
        lock (_gate)
        {
            return _alone ??= GenesysRequestBudget.CreateLocal(new GenesysPacingOptions
            {
                RequestsPerMinute = (int)Math.Max(1, Math.Floor(AloneRate())),
                MinimumShare = _pacing.MinimumShare,
                Burst = Math.Max(1, (int)(AloneRate() / 600)),
            }, _time);
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        lock (_gate) _alone?.Dispose();
        try
        {
            // Leave the fleet at once rather than by expiry, so the others' fair share is right during an outage.
            _redis.GetDatabase().SortedSetRemove(_membersKey[0], _member, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (_health.IsOutage(ex) || ex is ObjectDisposedException || GenesysRedisErrors.AsConfigurationError(ex, "leave") is not null)
        {
            // Redis away or the multiplexer already closed: the membership expires by itself.
        }
    }
}

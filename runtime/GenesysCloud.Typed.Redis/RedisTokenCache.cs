using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis;

/// <summary>One access token per credential for the whole fleet. Read: one script (fields + remaining TTL). Renewal:
/// whoever takes the fetch lock (SET NX PX, so a crashed holder frees it by expiry) fetches from the login host and stores
/// the token encrypted, with a TTL of its remaining life; the others poll until it appears. A 401 deletes the shared
/// token only if its fingerprint is still the rejected token's (compare-and-delete in one script).</summary>
internal sealed class RedisTokenCache : IGenesysTokenCache
{
    private static readonly LuaScript Read = LuaScript.Prepare(
        "local v = redis.call('HMGET', @key, 'ct', 'fp', 'life') " +
        "if not v[1] then return false end " +
        "return {v[1], v[2], v[3], redis.call('PTTL', @key)}");

    private static readonly LuaScript Write = LuaScript.Prepare(
        "redis.call('HSET', @key, 'ct', @ct, 'fp', @fp, 'life', @life) " +
        "redis.call('PEXPIRE', @key, @ttl) return 1");

    private static readonly LuaScript CompareAndDelete = LuaScript.Prepare(
        "if redis.call('HGET', @key, 'fp') == @fp then return redis.call('DEL', @key) end return 0");

    private static readonly LuaScript ReleaseLock = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) end return 0");

    private readonly IConnectionMultiplexer _redis;
    private readonly GenesysRedisOptions _options;
    private readonly TokenProtector _protector;
    private readonly RedisFleetHealth _health;
    private readonly TimeProvider _time;
    private readonly Func<ILogger> _logger;
    private long _fleetFetches, _sharedReads;

    public RedisTokenCache(IConnectionMultiplexer redis, GenesysRedisOptions options, RedisFleetHealth health, TimeProvider time, Func<ILogger> logger)
    {
        _redis = redis;
        _options = options;
        _protector = new TokenProtector(options.EncryptionKey!);
        _health = health;
        _time = time;
        _logger = logger;
    }

    /// <summary>Tokens this process fetched from the login host while in the fleet, and tokens it took from Redis.</summary>
    public long FleetFetches => Interlocked.Read(ref _fleetFetches);
    public long SharedReads => Interlocked.Read(ref _sharedReads);

    internal string TokenKey(string key) => $"{_options.KeyPrefix}{{{key}}}:token";
    private string LockKey(string key) => $"{_options.KeyPrefix}{{{key}}}:lock";

    public async Task<AccessToken> GetTokenAsync(GenesysTokenCacheRequest request, CancellationToken cancellationToken)
    {
        if (!_health.ShouldTry) return await FetchAloneAsync(request, cancellationToken).ConfigureAwait(false);
        var db = _redis.GetDatabase();
        var tokenKey = TokenKey(request.Key);
        var lockKey = LockKey(request.Key);
        // Only a rejected token is never handed back; one merely due for refresh is, while the fleet's rule finds it fresh.
        var replacing = request.Replacing is null || !request.ReplacingWasRejected ? null : _protector.Fingerprint(request.Replacing.Value);
        while (true)
        {
            string owner;
            try
            {
                if (await ReadUsableAsync(db, tokenKey, replacing, request.RefreshBeforeExpiry).ConfigureAwait(false) is { } shared)
                {
                    _health.Succeeded();
                    Interlocked.Increment(ref _sharedReads);
                    return shared;
                }
                owner = Guid.NewGuid().ToString("N");
                if (!await db.StringSetAsync(lockKey, owner, _options.FetchLease, When.NotExists).ConfigureAwait(false))
                {
                    _health.Succeeded();
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // Holding the lock: someone may have stored a token between our read and our lock.
                if (await ReadUsableAsync(db, tokenKey, replacing, request.RefreshBeforeExpiry).ConfigureAwait(false) is { } justStored)
                {
                    await ReleaseAsync(db, lockKey, owner).ConfigureAwait(false);
                    Interlocked.Increment(ref _sharedReads);
                    return justStored;
                }
            }
            catch (Exception ex) when (RedisFleetHealth.IsOutage(ex))
            {
                _health.Failed("token read", ex);
                return await FetchAloneAsync(request, cancellationToken).ConfigureAwait(false);
            }

            // The one fetch for the fleet. A login-host failure propagates to the token source (which cools down); the lock
            // is released so another process may try.
            AccessToken token;
            try
            {
                token = await request.FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await ReleaseAsync(db, lockKey, owner).ConfigureAwait(false);
                throw;
            }
            Interlocked.Increment(ref _fleetFetches);
            try
            {
                var remaining = token.ExpiresAt == DateTimeOffset.MaxValue ? TimeSpan.FromDays(365) : token.ExpiresAt - _time.GetUtcNow();
                if (remaining > TimeSpan.Zero)
                {
                    await db.ScriptEvaluateAsync(Write, new
                    {
                        key = (RedisKey)tokenKey,
                        ct = (RedisValue)_protector.Protect(token.Value, tokenKey),
                        fp = (RedisValue)_protector.Fingerprint(token.Value),
                        life = (RedisValue)(long)Math.Ceiling(remaining.TotalMilliseconds),
                        ttl = (RedisValue)(long)Math.Ceiling(remaining.TotalMilliseconds),
                    }).ConfigureAwait(false);
                    Log.FetchedForFleet(_logger(), request.Key);
                }
                _health.Succeeded();
            }
            catch (Exception ex) when (RedisFleetHealth.IsOutage(ex))
            {
                _health.Failed("token write", ex);
            }
            await ReleaseAsync(db, lockKey, owner).ConfigureAwait(false);
            return token;
        }
    }

    public async Task InvalidateAsync(string key, AccessToken rejected, CancellationToken cancellationToken)
    {
        if (!_health.ShouldTry) return;
        var tokenKey = TokenKey(key);
        try
        {
            var deleted = (long)await _redis.GetDatabase().ScriptEvaluateAsync(CompareAndDelete,
                new { key = (RedisKey)tokenKey, fp = (RedisValue)_protector.Fingerprint(rejected.Value) }).ConfigureAwait(false);
            if (deleted > 0) Log.DroppedForFleet(_logger(), key);
            _health.Succeeded();
        }
        catch (Exception ex) when (RedisFleetHealth.IsOutage(ex))
        {
            _health.Failed("token invalidation", ex);
        }
    }

    private async Task<AccessToken?> ReadUsableAsync(IDatabase db, string tokenKey, string? replacing, TimeSpan refreshBeforeExpiry)
    {
        var result = await db.ScriptEvaluateAsync(Read, new { key = (RedisKey)tokenKey }).ConfigureAwait(false);
        if (result.IsNull) return null;
        var fields = (RedisResult[])result!;
        var remaining = TimeSpan.FromMilliseconds((long)fields[3]);
        if (remaining <= TimeSpan.Zero) return null;
        if (replacing is not null && (string?)fields[1] == replacing) return null;   // the server rejected it
        // Close to its end (a quarter of its life, or half the configured lead) the token is due: the one process that asks
        // first renews it for the fleet. Earlier asks (each process's own refresh-ahead) get it back.
        var lifetime = TimeSpan.FromMilliseconds((long)fields[2]);
        var lead = refreshBeforeExpiry < lifetime / 2 ? refreshBeforeExpiry : lifetime / 2;
        if (remaining <= lead / 2) return null;
        var value = _protector.Unprotect((byte[])fields[0]!, tokenKey);
        if (value is null)
        {
            Log.UndecryptableToken(_logger(), tokenKey);
            return null;
        }
        return new AccessToken(value, _time.GetUtcNow() + remaining);
    }

    private async Task ReleaseAsync(IDatabase db, string lockKey, string owner)
    {
        try
        {
            await db.ScriptEvaluateAsync(ReleaseLock, new { key = (RedisKey)lockKey, owner = (RedisValue)owner }).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFleetHealth.IsOutage(ex))
        {
            _health.Failed("token lock release", ex);   // the lease expires by itself
        }
    }

    private Task<AccessToken> FetchAloneAsync(GenesysTokenCacheRequest request, CancellationToken cancellationToken)
    {
        _health.FellBack();
        return request.FetchAsync(cancellationToken);
    }
}

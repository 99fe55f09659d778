using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis;

/// <summary>One access token per credential for the whole fleet. Read: one script (fields + remaining TTL). Renewal:
/// whoever takes the fetch lock (SET NX PX, so a crashed holder frees it by expiry) fetches from the login host and stores
/// the token encrypted, with a TTL of its remaining life; the others poll until it appears. A 401 deletes the shared
/// token only if its fingerprint is still the rejected token's (compare-and-delete in one script). Each token carries the
/// id of the key it was written with: a process with another key keeps to its own token and never overwrites it.</summary>
internal sealed class RedisTokenCache : IGenesysTokenCache
{
    private static readonly LuaScript Read = LuaScript.Prepare(
        "local v = redis.call('HMGET', @key, 'ct', 'fp', 'life', 'kid') " +
        "if not v[1] then return false end " +
        "return {v[1], v[2], v[3], redis.call('PTTL', @key), v[4] or ''}");

    // Never over a token written with another key (0): that process's fleet keeps its token.
    private static readonly LuaScript Write = LuaScript.Prepare(
        "local kid = redis.call('HGET', @key, 'kid') " +
        "if kid and kid ~= @kid then return 0 end " +
        "redis.call('HSET', @key, 'ct', @ct, 'fp', @fp, 'life', @life, 'kid', @kid) " +
        "redis.call('PEXPIRE', @key, @ttl) return 1");

    private static readonly LuaScript CompareAndDelete = LuaScript.Prepare(
        "if redis.call('HGET', @key, 'fp') == @fp then return redis.call('DEL', @key) end return 0");

    // A script rather than SET NX: on a read-only replica it answers READONLY (a configuration error) instead of looking
    // like a connection that cannot be found.
    private static readonly LuaScript TakeLock = LuaScript.Prepare(
        "if redis.call('SET', @key, @owner, 'NX', 'PX', @lease) then return 1 end return 0");

    private static readonly LuaScript ReleaseLock = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) end return 0");

    private readonly IConnectionMultiplexer _redis;
    private readonly GenesysRedisOptions _options;
    private readonly TokenProtector _protector;
    private readonly RedisFleetHealth _health;
    private readonly TimeProvider _time;
    private readonly Func<ILogger> _logger;
    private readonly RedisKeys _keys;
    private long _fleetFetches, _sharedReads;
    private int _mismatchLogged;

    /// <summary>A shared token read: usable, absent or due (null), or written with another key.</summary>
    private sealed record Shared(AccessToken? Token, string? ForeignKeyId);

    public RedisTokenCache(IConnectionMultiplexer redis, GenesysRedisOptions options, RedisFleetHealth health, TimeProvider time, Func<ILogger> logger)
    {
        _redis = redis;
        _options = options;
        _keys = new RedisKeys(options.KeyPrefix);
        _protector = new TokenProtector(options.EncryptionKey!);
        _health = health;
        health.Watch(redis);
        _time = time;
        _logger = logger;
    }

    /// <summary>Tokens this process fetched from the login host while in the fleet, and tokens it took from Redis.</summary>
    public long FleetFetches => Interlocked.Read(ref _fleetFetches);
    public long SharedReads => Interlocked.Read(ref _sharedReads);

    /// <summary>This process's key id, and whether it found a shared token written with another key.</summary>
    public string KeyId => _protector.KeyId;
    public bool KeyMismatch => Volatile.Read(ref _mismatchLogged) != 0;

    internal string TokenKey(string key) => _keys.Token(key);
    private string LockKey(string key) => _keys.TokenLock(key);

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
                var shared = await ReadUsableAsync(db, tokenKey, replacing, request.RefreshBeforeExpiry).ConfigureAwait(false);
                _health.Succeeded();
                if (shared.ForeignKeyId is { } foreign) return await FetchOwnAsync(request, tokenKey, foreign, cancellationToken).ConfigureAwait(false);
                if (shared.Token is { } usable)
                {
                    Interlocked.Increment(ref _sharedReads);
                    return usable;
                }
                owner = Guid.NewGuid().ToString("N");
                if ((long)await db.ScriptEvaluateAsync(TakeLock, new
                    {
                        key = (RedisKey)lockKey, owner = (RedisValue)owner, lease = (RedisValue)(long)Math.Ceiling(_options.FetchLease.TotalMilliseconds),
                    }).ConfigureAwait(false) == 0)
                {
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // Holding the lock: someone may have stored a token between our read and our lock.
                var justStored = await ReadUsableAsync(db, tokenKey, replacing, request.RefreshBeforeExpiry).ConfigureAwait(false);
                if (justStored.ForeignKeyId is not null || justStored.Token is not null)
                {
                    await ReleaseAsync(db, lockKey, owner).ConfigureAwait(false);
                    if (justStored.ForeignKeyId is { } foreignNow) return await FetchOwnAsync(request, tokenKey, foreignNow, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _sharedReads);
                    return justStored.Token!;
                }
            }
            catch (Exception ex) when (_health.IsOutage(ex))
            {
                _health.Failed("token read", ex);
                return await FetchAloneAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (_health.Refused("the shared token (read)", ex) is { } refused)
            {
                throw refused;
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
                    var written = (long)await db.ScriptEvaluateAsync(Write, new
                    {
                        key = (RedisKey)tokenKey,
                        ct = (RedisValue)_protector.Protect(token.Value, tokenKey),
                        fp = (RedisValue)_protector.Fingerprint(token.Value),
                        life = (RedisValue)(long)Math.Ceiling(remaining.TotalMilliseconds),
                        ttl = (RedisValue)(long)Math.Ceiling(remaining.TotalMilliseconds),
                        kid = (RedisValue)_protector.KeyId,
                    }).ConfigureAwait(false);
                    if (written == 1) Log.FetchedForFleet(_logger(), request.Key);
                    else SayMismatch(tokenKey, "?");
                }
                _health.Succeeded();
            }
            catch (Exception ex) when (_health.IsOutage(ex))
            {
                _health.Failed("token write", ex);
            }
            catch (Exception ex) when (_health.Refused("the shared token (write)", ex) is { } refused)
            {
                await ReleaseAsync(db, lockKey, owner).ConfigureAwait(false);
                throw refused;
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
        catch (Exception ex) when (_health.IsOutage(ex))
        {
            _health.Failed("token invalidation", ex);
        }
        catch (Exception ex) when (_health.Refused("the shared token (invalidation)", ex) is { } refused)
        {
            throw refused;
        }
    }

    private async Task<Shared> ReadUsableAsync(IDatabase db, string tokenKey, string? replacing, TimeSpan refreshBeforeExpiry)
    {
        var result = await db.ScriptEvaluateAsync(Read, new { key = (RedisKey)tokenKey }).ConfigureAwait(false);
        if (result.IsNull) return new Shared(null, null);
        var fields = (RedisResult[])result!;
        var remaining = TimeSpan.FromMilliseconds((long)fields[3]);
        if (remaining <= TimeSpan.Zero) return new Shared(null, null);
        // Another key's token is neither used nor replaced, however close to its end: its own fleet renews it.
        var keyId = (string?)fields[4];
        if (!string.IsNullOrEmpty(keyId) && keyId != _protector.KeyId) return new Shared(null, keyId);
        if (replacing is not null && (string?)fields[1] == replacing) return new Shared(null, null);   // the server rejected it
        // Close to its end (a quarter of its life, or half the configured lead) the token is due: the one process that asks
        // first renews it for the fleet. Earlier asks (each process's own refresh-ahead) get it back.
        var lifetime = TimeSpan.FromMilliseconds((long)fields[2]);
        var lead = refreshBeforeExpiry < lifetime / 2 ? refreshBeforeExpiry : lifetime / 2;
        if (remaining <= lead / 2) return new Shared(null, null);
        var value = _protector.Unprotect((byte[])fields[0]!, tokenKey);
        // Written without a key id (an older version) or tampered: not ours to read, nor to overwrite.
        if (value is null) return new Shared(null, string.IsNullOrEmpty(keyId) ? "unknown" : keyId == _protector.KeyId ? "this one, but tampered" : keyId);
        return new Shared(new AccessToken(value, _time.GetUtcNow() + remaining), null);
    }

    // Another key's token: this process works with its own, fetched from the login host and kept out of Redis, so neither
    // side's token is ever overwritten (one fetch per lifetime per such process, not a ping-pong).
    private Task<AccessToken> FetchOwnAsync(GenesysTokenCacheRequest request, string tokenKey, string foreignKeyId, CancellationToken cancellationToken)
    {
        SayMismatch(tokenKey, foreignKeyId);
        return request.FetchAsync(cancellationToken);
    }

    private void SayMismatch(string tokenKey, string foreignKeyId)
    {
        if (Interlocked.Exchange(ref _mismatchLogged, 1) == 0) Log.KeyMismatch(_logger(), tokenKey, foreignKeyId, _protector.KeyId);
    }

    private async Task ReleaseAsync(IDatabase db, string lockKey, string owner)
    {
        try
        {
            await db.ScriptEvaluateAsync(ReleaseLock, new { key = (RedisKey)lockKey, owner = (RedisValue)owner }).ConfigureAwait(false);
        }
        catch (Exception ex) when (_health.IsOutage(ex))
        {
            _health.Failed("token lock release", ex);   // the lease expires by itself
        }
        catch (Exception ex) when (_health.Refused("the token lock (release)", ex) is not null)
        {
            // Logged; the lease expires by itself, and the caller's own error (if any) says more.
        }
    }

    private Task<AccessToken> FetchAloneAsync(GenesysTokenCacheRequest request, CancellationToken cancellationToken)
    {
        _health.FellBack();
        return request.FetchAsync(cancellationToken);
    }
}

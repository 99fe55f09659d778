using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis;

/// <summary>The refresh token of one user's authorization-code grant, shared by a fleet and encrypted at rest. It is read
/// before every redemption (<see cref="IsShared"/>) and written before the new access token is used; redemptions run under
/// the fleet's token-fetch lock, so two processes never present the same refresh token — which a rotating server punishes
/// by revoking both. Use it with an <see cref="AuthorizationCodeCredential"/> whose <c>UserKey</c> is set.</summary>
public sealed class RedisRefreshTokenStore : IRefreshTokenStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TokenProtector _protector;
    private readonly string _key;

    public RedisRefreshTokenStore(IConnectionMultiplexer redis, GenesysRedisOptions options, string clientId, string userKey)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        options.Validate();
        _redis = redis;
        _protector = new TokenProtector(options.EncryptionKey!);
        _key = new RedisKeys(options.KeyPrefix).RefreshToken(clientId, userKey);
    }

    public bool IsShared => true;

    // A hash {ct, kid}: the key id of the key that wrote it. (A plain string is what earlier versions wrote.)
    private static readonly LuaScript Load = LuaScript.Prepare(
        "local t = redis.call('TYPE', @key).ok " +
        "if t == 'string' then return {redis.call('GET', @key), ''} end " +
        "if t ~= 'hash' then return false end " +
        "return {redis.call('HGET', @key, 'ct'), redis.call('HGET', @key, 'kid') or ''}");

    // Never over a refresh token written with another key (0): it belongs to that key's fleet.
    private static readonly LuaScript Save = LuaScript.Prepare(
        "if redis.call('TYPE', @key).ok == 'hash' then " +
        "  local kid = redis.call('HGET', @key, 'kid') " +
        "  if kid and kid ~= @kid then return 0 end " +
        "else redis.call('DEL', @key) end " +
        "redis.call('HSET', @key, 'ct', @ct, 'kid', @kid) return 1");

    // No fallback while Redis is away: a refresh token redeemed without the fleet could be redeemed twice. The token
    // source reports the failure and cools down; the access token in hand keeps working until it expires.
    public async ValueTask<string?> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Load, new { key = (RedisKey)_key }, "the shared refresh token (read)").ConfigureAwait(false);
        if (result.IsNull) return null;
        var fields = (RedisResult[])result!;
        var keyId = (string?)fields[1];
        if (!string.IsNullOrEmpty(keyId) && keyId != _protector.KeyId) throw Mismatch(keyId);
        return _protector.Unprotect((byte[])fields[0]!, _key) ?? throw Mismatch(string.IsNullOrEmpty(keyId) ? "unknown" : keyId == _protector.KeyId ? "this one, but tampered" : keyId);
    }

    public async ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var saved = await RunAsync(Save, new { key = (RedisKey)_key, ct = (RedisValue)_protector.Protect(refreshToken, _key), kid = (RedisValue)_protector.KeyId },
            "the shared refresh token (write)").ConfigureAwait(false);
        if ((long)saved == 0) throw Mismatch((string?)await _redis.GetDatabase().HashGetAsync(_key, "kid").ConfigureAwait(false) ?? "unknown");
    }

    private async Task<RedisResult> RunAsync(LuaScript script, object parameters, string operation)
    {
        try
        {
            return await _redis.GetDatabase().ScriptEvaluateAsync(script, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (GenesysRedisErrors.AsConfigurationError(ex, operation) is { } refused)
        {
            throw refused;   // a refusal is no outage: say what it is (an outage propagates as it is, and the source cools down)
        }
    }

    private GenesysRedisConfigurationException Mismatch(string theirKeyId) => new(GenesysRedisRefusal.KeyMismatch,
        $"The shared refresh token under {_key} was written with another encryption key (key id {theirKeyId}; this process has " +
        $"{_protector.KeyId}): every process sharing it needs the same key. It is neither read nor overwritten.");

    public override string ToString() => "RedisRefreshTokenStore(value redacted)";
}

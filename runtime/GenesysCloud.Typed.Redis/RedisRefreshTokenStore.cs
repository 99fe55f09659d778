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
        _key = $"{options.KeyPrefix}{{refresh/{clientId}/{userKey}}}:refresh";
    }

    public bool IsShared => true;

    // No fallback while Redis is away: a refresh token redeemed without the fleet could be redeemed twice. The token
    // source reports the failure and cools down; the access token in hand keeps working until it expires.
    public async ValueTask<string?> LoadAsync(CancellationToken cancellationToken)
    {
        var blob = await _redis.GetDatabase().StringGetAsync(_key).ConfigureAwait(false);
        return blob.IsNull ? null : _protector.Unprotect((byte[])blob!, _key)
            ?? throw new InvalidOperationException("The shared refresh token does not decrypt with this process's key (another key, or tampered).");
    }

    public async ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().StringSetAsync(_key, _protector.Protect(refreshToken, _key)).ConfigureAwait(false);

    public override string ToString() => "RedisRefreshTokenStore(value redacted)";
}

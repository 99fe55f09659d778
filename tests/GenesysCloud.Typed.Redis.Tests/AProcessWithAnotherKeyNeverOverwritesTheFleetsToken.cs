using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>Promise: a process whose encryption key is not the one the shared token was written with says so once (naming
/// the mismatch, never the key), keeps to its own token and never overwrites the fleet's: no ping-pong on the login host.</summary>
public sealed class AProcessWithAnotherKeyNeverOverwritesTheFleetsToken : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var c in _connections) await c.DisposeAsync();
        }
        finally
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task<(RedisTokenCache Cache, RedisFleetHealth Health, FakeLogger Log)> NewProcessAsync(byte[] key)
    {
        var connection = await _redis.ConnectAsync();
        _connections.Add(connection);
        var options = new GenesysRedisOptions { EncryptionKey = key };
        var log = new FakeLogger();
        var health = new RedisFleetHealth(options, TimeProvider.System, () => log);
        return (new RedisTokenCache(connection, options, health, TimeProvider.System, () => log), health, log);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Processes_with_other_keys_keep_their_own_tokens_and_never_overwrite_the_fleets(int strangers)
    {
        var fleetKey = RandomNumberGenerator.GetBytes(32);
        var fleet = new List<RedisTokenCache>();
        for (var i = 0; i < 2; i++) fleet.Add((await NewProcessAsync(fleetKey)).Cache);
        var others = new List<(RedisTokenCache Cache, RedisFleetHealth Health, FakeLogger Log, byte[] Key)>();
        for (var i = 0; i < strangers; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var (cache, health, log) = await NewProcessAsync(key);
            others.Add((cache, health, log, key));
        }
        var fleetFetches = 0;
        Task<AccessToken> FleetFetch(CancellationToken _) =>
            Task.FromResult(new AccessToken("fleet-" + Interlocked.Increment(ref fleetFetches), DateTimeOffset.UtcNow.AddHours(1)));
        GenesysTokenCacheRequest Ask(Func<CancellationToken, Task<AccessToken>> fetch) =>
            new("client_credentials/login.example/client-1", "client-1", null, TimeSpan.FromMinutes(5), fetch);

        // The fleet stores its token first; then every process asks, round after round (each ask stands for a token the
        // process needs: a start, a renewal).
        Assert.Equal("fleet-1", (await fleet[0].GetTokenAsync(Ask(FleetFetch), default)).Value);
        for (var round = 0; round < 5; round++)
        {
            foreach (var (cache, _, _, _) in others)
            {
                var own = await cache.GetTokenAsync(Ask(_ => Task.FromResult(new AccessToken("stranger-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddHours(1)))), default);
                Assert.StartsWith("stranger-", own.Value);
            }
            foreach (var cache in fleet) Assert.Equal("fleet-1", (await cache.GetTokenAsync(Ask(FleetFetch), default)).Value);
        }
        Assert.Equal(1, fleetFetches);

        foreach (var (_, health, log, key) in others)
        {
            Assert.False(health.IsDegraded, "another key is a configuration error, not an outage");
            var said = log.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
            var record = Assert.Single(said);
            Assert.Equal(LogLevel.Error, record.Level);
            Assert.Contains("another encryption key", record.Message);
            Assert.DoesNotContain(Convert.ToBase64String(key), record.Message);
            Assert.DoesNotContain(Convert.ToHexString(key), record.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_refresh_token_written_with_another_key_is_neither_read_nor_overwritten()
    {
        var fleetKey = RandomNumberGenerator.GetBytes(32);
        var otherKey = RandomNumberGenerator.GetBytes(32);
        var (one, two) = (await _redis.ConnectAsync(), await _redis.ConnectAsync());
        _connections.AddRange([one, two]);
        var fleet = new RedisRefreshTokenStore(one, new GenesysRedisOptions { EncryptionKey = fleetKey }, "client-1", "user-42");
        var stranger = new RedisRefreshTokenStore(two, new GenesysRedisOptions { EncryptionKey = otherKey }, "client-1", "user-42");
        await fleet.SaveAsync("refresh-of-the-fleet", default);

        var save = await Assert.ThrowsAsync<GenesysRedisConfigurationException>(async () => await stranger.SaveAsync("refresh-of-a-stranger", default));
        var load = await Assert.ThrowsAsync<GenesysRedisConfigurationException>(async () => await stranger.LoadAsync(default));
        foreach (var ex in new[] { save, load })
        {
            Assert.Equal(GenesysRedisRefusal.KeyMismatch, ex.Cause);
            Assert.Contains("another encryption key", ex.Message);
            Assert.DoesNotContain(Convert.ToBase64String(otherKey), ex.ToString());
            Assert.DoesNotContain(Convert.ToBase64String(fleetKey), ex.ToString());
            Assert.DoesNotContain("refresh-of", ex.ToString());
        }
        Assert.Equal("refresh-of-the-fleet", await fleet.LoadAsync(default));
    }
}

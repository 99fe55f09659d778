using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>The shared token against a real redis-server: each cache has its own multiplexer, as separate processes would.</summary>
public sealed class TheFleetSharesOneEncryptedToken : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private readonly List<IConnectionMultiplexer> _connections = [];
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

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

    private async Task<(RedisTokenCache Cache, RedisFleetHealth Health)> NewProcessAsync(byte[]? key = null, TimeSpan? lease = null)
    {
        var connection = await _redis.ConnectAsync();
        _connections.Add(connection);
        var options = new GenesysRedisOptions { EncryptionKey = key ?? Key, FetchLease = lease ?? TimeSpan.FromSeconds(30), RetryInterval = TimeSpan.FromMilliseconds(200) };
        var health = new RedisFleetHealth(options, TimeProvider.System, () => NullLogger.Instance);
        return (new RedisTokenCache(connection, options, health, TimeProvider.System, () => NullLogger.Instance), health);
    }

    private static GenesysTokenCacheRequest Request(string key, Func<CancellationToken, Task<AccessToken>> fetch, AccessToken? replacing = null,
        bool rejected = true) =>
        new(key, "client-1", replacing, TimeSpan.FromMinutes(5), fetch, rejected);

    private static string RandomToken(Random random)
    {
        // What login hosts hand out: base64url, JWT-ish dots, hex; lengths from short to long.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=";
        var length = random.Next(8, 1200);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    [Fact]
    public async Task Many_processes_asking_at_once_cause_one_fetch_and_all_get_that_token()
    {
        var processes = new List<RedisTokenCache>();
        for (var i = 0; i < 4; i++) processes.Add((await NewProcessAsync()).Cache);
        var fetches = 0;
        async Task<AccessToken> Fetch(CancellationToken ct)
        {
            Interlocked.Increment(ref fetches);
            await Task.Delay(200, ct);   // a slow login host: everyone else arrives meanwhile
            return new AccessToken("fleet-token-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(30));
        }
        var tokens = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => processes[i % 4].GetTokenAsync(Request("cc/login/client-1", Fetch), default)));
        Assert.Equal(1, fetches);
        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.All(tokens, t => Assert.InRange(t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(31)));
    }

    [Fact]
    public async Task Tokens_are_never_in_redis_in_plain_text_and_keys_are_per_client()
    {
        var (cache, _) = await NewProcessAsync();
        var random = new Random(12);
        var tokens = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var token = RandomToken(random);
            tokens.Add(token);
            var got = await cache.GetTokenAsync(Request($"client_credentials/login.example/client-{i}",
                _ => Task.FromResult(new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1)))), default);
            Assert.Equal(token, got.Value);
        }
        var inspector = await _redis.ConnectToInspectAsync();
        _connections.Add(inspector);
        var server = inspector.GetServer(inspector.GetEndPoints()[0]);
        var db = inspector.GetDatabase();
        var everything = new StringBuilder();
        var keys = server.Keys(pattern: "*").ToList();
        Assert.Equal(60, keys.Count(k => k.ToString().EndsWith(":token")));
        foreach (var key in keys)
        {
            everything.Append((string?)key).Append('\n');
            var dump = await db.KeyDumpAsync(key);
            everything.Append(Encoding.Latin1.GetString(dump!)).Append('\n');
            if (await db.KeyTypeAsync(key) == RedisType.Hash)
                foreach (var entry in await db.HashGetAllAsync(key)) everything.Append(Encoding.Latin1.GetString((byte[])entry.Value!)).Append('\n');
        }
        var text = everything.ToString();
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(token)), text);
        }
        // Each client id has its own key: client-7's token is never handed to client-8.
        var seven = await cache.GetTokenAsync(Request("client_credentials/login.example/client-7", _ => throw new InvalidOperationException("no fetch expected")), default);
        var eight = await cache.GetTokenAsync(Request("client_credentials/login.example/client-8", _ => throw new InvalidOperationException("no fetch expected")), default);
        Assert.Equal(tokens[7], seven.Value);
        Assert.Equal(tokens[8], eight.Value);
    }

    [Fact]
    public async Task A_process_with_another_encryption_key_cannot_read_the_shared_token()
    {
        var (mine, _) = await NewProcessAsync();
        var (theirs, _) = await NewProcessAsync(RandomNumberGenerator.GetBytes(32));
        await mine.GetTokenAsync(Request("k", _ => Task.FromResult(new AccessToken("secret-token-of-app-a", DateTimeOffset.UtcNow.AddHours(1)))), default);
        var fetched = false;
        var got = await theirs.GetTokenAsync(Request("k", _ => { fetched = true; return Task.FromResult(new AccessToken("token-of-app-b", DateTimeOffset.UtcNow.AddHours(1))); }), default);
        Assert.True(fetched);
        Assert.Equal("token-of-app-b", got.Value);
    }

    [Fact]
    public async Task A_401_drops_the_shared_token_only_if_it_is_still_the_stored_one()
    {
        var (cache, _) = await NewProcessAsync();
        var random = new Random(5);
        for (var round = 0; round < 20; round++)
        {
            var key = "cas/" + round;
            var current = new AccessToken(RandomToken(random), DateTimeOffset.UtcNow.AddHours(1));
            var older = new AccessToken(RandomToken(random), DateTimeOffset.UtcNow.AddHours(1));
            await cache.GetTokenAsync(Request(key, _ => Task.FromResult(current)), default);
            // A late 401 for a token already replaced must not drop the new one.
            await cache.InvalidateAsync(key, older, default);
            var still = await cache.GetTokenAsync(Request(key, _ => throw new InvalidOperationException("must not fetch")), default);
            Assert.Equal(current.Value, still.Value);
            await cache.InvalidateAsync(key, current, default);
            Assert.False(await _connections[0].GetDatabase().KeyExistsAsync(cache.TokenKey(key)));
        }
    }

    [Fact]
    public async Task Renewal_happens_once_for_the_fleet_and_a_rejected_token_is_never_handed_back()
    {
        var processes = new List<RedisTokenCache>();
        for (var i = 0; i < 3; i++) processes.Add((await NewProcessAsync()).Cache);
        var issued = 0;
        Task<AccessToken> Fetch(CancellationToken _) =>
            Task.FromResult(new AccessToken("t" + Interlocked.Increment(ref issued), DateTimeOffset.UtcNow.AddHours(1)));
        var first = await processes[0].GetTokenAsync(Request("renew", Fetch), default);
        Assert.Equal("t1", first.Value);
        Assert.Equal("t1", (await processes[1].GetTokenAsync(Request("renew", Fetch), default)).Value);
        // Each process's own refresh-ahead while the shared token is still fresh by the fleet's rule: the same token back.
        var same = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(Request("renew", Fetch, replacing: first, rejected: false), default)));
        Assert.All(same, t => Assert.Equal("t1", t.Value));
        Assert.Equal(1, issued);
        // Every process comes to replace t1 after a 401 (the delete has not landed yet): one fetch, the others take t2.
        var renewed = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(Request("renew", Fetch, replacing: first), default)));
        Assert.All(renewed, t => Assert.Equal("t2", t.Value));
        Assert.Equal(2, issued);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(4000)]
    public async Task A_shared_token_close_to_its_end_is_renewed_once_by_whoever_asks_first(int lifetimeMs)
    {
        var processes = new List<RedisTokenCache>();
        for (var i = 0; i < 3; i++) processes.Add((await NewProcessAsync()).Cache);
        var issued = 0;
        Task<AccessToken> Fetch(CancellationToken _) =>
            Task.FromResult(new AccessToken("t" + Interlocked.Increment(ref issued), DateTimeOffset.UtcNow.AddMilliseconds(lifetimeMs)));
        var first = await processes[0].GetTokenAsync(Request("end", Fetch), default);
        // Past three quarters of its life (lead = half the lifetime, renewed in the last half of the lead).
        await Task.Delay(lifetimeMs * 8 / 10);
        var renewed = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(Request("end", Fetch, replacing: first, rejected: false), default)));
        Assert.All(renewed, t => Assert.Equal("t2", t.Value));
        Assert.Equal(2, issued);
    }

    [Fact]
    public async Task A_fetcher_that_died_holding_the_lock_delays_the_fleet_only_until_its_lease_ends()
    {
        var (cache, _) = await NewProcessAsync(lease: TimeSpan.FromMilliseconds(500));
        // The dead process's lock, as it left it.
        await _connections[0].GetDatabase().StringSetAsync("genesys:{lease}:lock", "dead-process", TimeSpan.FromMilliseconds(700));
        var fetches = 0;
        var token = await cache.GetTokenAsync(Request("lease", _ =>
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(new AccessToken("after-lease", DateTimeOffset.UtcNow.AddHours(1)));
        }), new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal("after-lease", token.Value);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task Without_redis_a_process_fetches_alone_says_so_and_rejoins_when_redis_returns()
    {
        var (cache, health) = await NewProcessAsync();
        var fetches = 0;
        Task<AccessToken> Fetch(CancellationToken _) =>
            Task.FromResult(new AccessToken("t" + Interlocked.Increment(ref fetches), DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal("t1", (await cache.GetTokenAsync(Request("outage", Fetch), default)).Value);
        Assert.False(health.IsDegraded, "the fleet's token must be stored before the outage the test stages");

        await _redis.StopAsync();
        var alone = await cache.GetTokenAsync(Request("outage", Fetch, replacing: new AccessToken("t1", DateTimeOffset.UtcNow.AddHours(1))), default);
        Assert.Equal("t2", alone.Value);
        Assert.True(health.IsDegraded);
        Assert.Equal(1, health.Outages);

        await _redis.RestartAsync();
        // Persisted through the restart: once Redis answers again the fleet's token is read, not fetched.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        AccessToken again;
        do
        {
            await Task.Delay(250);
            again = await cache.GetTokenAsync(Request("outage", Fetch), default);
        } while (health.IsDegraded && DateTime.UtcNow < deadline);
        Assert.False(health.IsDegraded);
        Assert.Equal("t1", again.Value);
        Assert.Equal(1, health.Outages);
    }
}

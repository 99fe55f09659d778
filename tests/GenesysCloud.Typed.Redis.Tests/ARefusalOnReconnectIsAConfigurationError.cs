using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>Promise: a refusal that begins mid-run through a reconnect (the password changed and the connections were
/// killed, or the fleet's ACL user deleted) is a configuration error within a bounded time, never "working alone" forever.</summary>
public sealed class ARefusalOnReconnectIsAConfigurationError(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "first-Pa55word-of-the-fleet";
    private const string UserPassword = "dora-Pa55word-7q";
    private RedisServer _redis = null!;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public async Task InitializeAsync() =>
        _redis = await RedisServer.StartAsync(Password, true, "--user", "dora", "on", ">" + UserPassword, "~*", "&*", "+@all");

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

    public static TheoryData<string> Changes => ["password changed", "user deleted"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_reconnect_refused_for_authentication_is_a_configuration_error_from_the_token_cache_and_the_budget(string change)
    {
        var connectionString = change == "user deleted"
            ? _redis.ConnectionStringFor("dora", UserPassword) + ",connectTimeout=1000,asyncTimeout=1000"
            : _redis.ConnectionStringFor(password: Password) + ",connectTimeout=1000,asyncTimeout=1000";
        var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        _connections.Add(connection);
        connection.ConnectionFailed += (_, e) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} failed {e.FailureType} {e.ConnectionType} {e.Exception?.Message}");
        connection.ConnectionRestored += (_, e) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} restored {e.ConnectionType}");
        var options = new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32), RetryInterval = TimeSpan.FromMilliseconds(200) };
        var log = new FakeLogger();
        var health = new RedisFleetHealth(options, TimeProvider.System, () => log);
        var cache = new RedisTokenCache(connection, options, health, TimeProvider.System, () => log);
        using var budget = new RedisRequestBudget(connection, "budget/reconnect", new GenesysPacingOptions { RequestsPerMinute = 6000 }, options, TimeProvider.System, health);
        GenesysTokenCacheRequest Request() => new("reconnect", "client-1", null, TimeSpan.FromMinutes(5),
            _ => Task.FromResult(new AccessToken("t", DateTimeOffset.UtcNow.AddHours(1))));
        await cache.GetTokenAsync(Request(), default);
        await budget.WaitTurnAsync(default);

        await using (var admin = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true"))
        {
            if (change == "user deleted")
            {
                await admin.GetDatabase().ExecuteAsync("ACL", "DELUSER", "dora");   // also closes dora's connections
            }
            else
            {
                await admin.GetDatabase().ExecuteAsync("CONFIG", "SET", "requirepass", "second-Pa55word-of-the-fleet");
                await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");
            }
        }

        // Each side may first see a dropped connection (an outage, for a moment); within a bounded time both must say
        // what it is. Bounded: 30 s of tries.
        async Task<Exception> RefusedAsync(Func<Task> ask)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                try { await ask(); }
                catch (GenesysRedisConfigurationException ex) { return ex; }
                await Task.Delay(100);
            }
            throw new TimeoutException("still no configuration error after 30 s: " + string.Join(" | ", log.Collector.GetSnapshot().Select(r => r.Message)));
        }
        var tokenError = Assert.IsType<GenesysRedisConfigurationException>(await RefusedAsync(() => cache.GetTokenAsync(Request(), default)));
        Assert.Equal(GenesysRedisRefusal.Authentication, tokenError.Cause);
        var budgetError = Assert.IsType<GenesysRedisConfigurationException>(await RefusedAsync(async () => await budget.WaitTurnAsync(default)));
        Assert.Equal(GenesysRedisRefusal.Authentication, budgetError.Cause);
        Assert.False(health.IsDegraded, "a refused reconnect left the process working alone");
        var everything = tokenError + "\n" + budgetError + "\n" + string.Join("\n", log.Collector.GetSnapshot().Select(r => r.Message));
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain(UserPassword, everything);
    }

    [Fact]
    public async Task The_reconnect_probe_says_refused_only_when_redis_refuses_the_credentials()
    {
        var good = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionStringFor(password: Password));
        var wrong = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionStringFor(password: "wrong-" + Password));
        var away = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=500,asyncTimeout=500");
        _connections.AddRange([good, wrong, away]);
        Assert.False(await GenesysRedisErrors.IsAuthenticationRefusedAsync(good, TimeSpan.FromSeconds(2)));   // the password goes with the probe
        Assert.True(await GenesysRedisErrors.IsAuthenticationRefusedAsync(wrong, TimeSpan.FromSeconds(2)));
        Assert.False(await GenesysRedisErrors.IsAuthenticationRefusedAsync(away, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Ssl_against_a_plain_redis_is_an_outage_or_an_authentication_error_naming_the_tls_setting()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionStringFor(password: Password) + ",ssl=true");
        _connections.Add(connection);
        var fleet = new GenesysCloudOptions { ClientId = "c", ClientSecret = "s" }
            .UseRedisFleet(connection, new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32) });
        // Depending on where the handshake breaks, StackExchange.Redis reports a TLS mismatch as an unreachable server (an
        // outage: false) or as a failed authentication; the latter must name the TLS setting, not only the password.
        try
        {
            Assert.False(await fleet.VerifyAsync());
        }
        catch (GenesysRedisConfigurationException ex)
        {
            output.WriteLine(ex.Message);
            Assert.Equal(GenesysRedisRefusal.Authentication, ex.Cause);
            Assert.Contains("TLS", ex.Message);
            Assert.Contains("ssl=true", ex.Message);
            Assert.DoesNotContain(Password, ex.ToString());
        }
    }
}

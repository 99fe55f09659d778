using System.Security.Cryptography;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>Processes of one OAuth client share one token per lifetime and one budget: whole connections joined through
/// <c>UseRedisFleet</c>, and hosts through the DI builder with the multiplexer they registered (<c>AddRedisFleet</c>), against the
/// emulator and a real redis-server.</summary>
public sealed class ConnectionsOfOneClientShareOneTokenAndOneBudget : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Connections_on_one_client_share_one_token_per_lifetime_and_one_budget(int processes)
    {
        var lifetime = TimeSpan.FromSeconds(1);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = 50, AccessTokenLifetime = lifetime,
            RateLimit = { RequestsPerWindow = 3000, Key = RateLimitKey.Client },
        });
        var key = RandomNumberGenerator.GetBytes(32);
        var multiplexers = new List<IConnectionMultiplexer>();
        var connections = new List<GenesysCloudConnection>();
        for (var i = 0; i < processes; i++)
        {
            var redis = await _redis.ConnectAsync();
            multiplexers.Add(redis);
            var options = new GenesysCloudOptions
            {
                BaseAddress = emulator.BaseAddress, ClientId = EmulatorClient.Default.ClientId, ClientSecret = EmulatorClient.Default.ClientSecret,
                Pacing = { RequestsPerMinute = 2400 },
            };
            options.UseRedisFleet(redis, new GenesysRedisOptions { EncryptionKey = key });
            connections.Add(new GenesysCloudConnection(options));
        }
        var started = DateTime.UtcNow;
        var requests = 0;
        await Task.WhenAll(connections.Select(async c =>
        {
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(4))
            {
                using var response = await c.SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[0].Id, "/api/v2/users/{userId}"));
                Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
                Interlocked.Increment(ref requests);
            }
        }));
        var elapsed = DateTime.UtcNow - started;
        foreach (var c in connections) await c.DisposeAsync();
        foreach (var m in multiplexers) await m.DisposeAsync();

        var ledger = emulator.Ledger.Snapshot();
        var lifetimes = elapsed / lifetime;
        Assert.True(ledger.TotalTokenRequests <= 1.5 * lifetimes + processes,
            $"{ledger.TotalTokenRequests} token requests in {elapsed.TotalSeconds:0.0} s of {lifetime.TotalSeconds} s tokens for {processes} processes");
        Assert.Equal(0, ledger.Throttled);
        // 2400/min across the fleet, not per process.
        Assert.InRange(requests, 1, 2400 * elapsed.TotalMinutes + 10);
    }

    [Fact]
    public async Task AddRedisFleet_shares_the_token_between_two_hosts()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 5 });
        var key = RandomNumberGenerator.GetBytes(32);
        var providers = new List<ServiceProvider>();
        for (var i = 0; i < 2; i++)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConnectionMultiplexer>(await _redis.ConnectAsync());
            services.AddGenesysCloud(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ClientId = EmulatorClient.Default.ClientId;
                o.ClientSecret = EmulatorClient.Default.ClientSecret;
                o.Pacing.RequestsPerMinute = 600;
            }).AddRedisFleet(f => f.EncryptionKey = key);
            providers.Add(services.BuildServiceProvider());
        }
        foreach (var provider in providers)
        {
            var connection = provider.GetRequiredService<GenesysCloudConnection>();
            Assert.IsAssignableFrom<IGenesysTokenCache>(connection.Options.TokenCache);
            using var response = await connection.SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[0].Id, "/api/v2/users/{userId}"));
            Assert.True(response.IsSuccessStatusCode);
        }
        Assert.Equal(1, emulator.Ledger.TotalTokenRequests);   // the second host read the first one's token
        foreach (var provider in providers) await provider.DisposeAsync();
    }
}

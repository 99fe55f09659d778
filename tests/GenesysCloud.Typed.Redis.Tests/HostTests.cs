using System.Security.Cryptography;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>The fleet opted into through the DI builder, with the multiplexer the host registered.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

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

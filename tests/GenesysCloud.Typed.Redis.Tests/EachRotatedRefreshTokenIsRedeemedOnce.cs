using System.Security.Cryptography;
using GenesysCloud.Typed.Testing;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>Authorization-code tokens of one user shared by processes, with a server that rotates refresh tokens.</summary>
public sealed class EachRotatedRefreshTokenIsRedeemedOnce : IAsyncLifetime
{
    private const string Redirect = "http://localhost/callback";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Processes_of_one_user_redeem_each_rotated_refresh_token_once_and_never_present_a_dead_one()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = 10, AccessTokenLifetime = TimeSpan.FromSeconds(1), RotateRefreshTokens = true, RateLimit = { Enabled = false },
        });
        var fleet = new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32) };
        var multiplexers = new List<IConnectionMultiplexer>();
        var connections = new List<GenesysCloudConnection>();
        for (var i = 0; i < 3; i++)
        {
            var redis = await _redis.ConnectAsync();
            multiplexers.Add(redis);
            var options = new GenesysCloudOptions
            {
                BaseAddress = emulator.BaseAddress,
                Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
                {
                    UserKey = "user-42",
                    // Only the first process was handed the code; the others start from what the fleet holds.
                    Code = i == 0 ? new AuthorizationCodeGrant(emulator.CreateAuthorizationCode("emulator-client", Redirect), Redirect) : null,
                    RefreshTokenStore = new RedisRefreshTokenStore(redis, fleet, "emulator-client", "user-42"),
                },
            };
            options.UseRedisFleet(redis, fleet);
            connections.Add(new GenesysCloudConnection(options));
        }
        var id = emulator.Users[0].Id;
        // The first process goes first (it holds the code); then all of them, across several lifetimes.
        using (var first = await connections[0].SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + id, "/api/v2/users/{userId}")))
            Assert.True(first.IsSuccessStatusCode);
        var started = DateTime.UtcNow;
        await Task.WhenAll(connections.Select(async c =>
        {
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(4))
            {
                using var response = await c.SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + id, "/api/v2/users/{userId}"));
                Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
            }
        }));
        var elapsed = DateTime.UtcNow - started;
        foreach (var c in connections) await c.DisposeAsync();
        foreach (var m in multiplexers) await m.DisposeAsync();

        Assert.Equal(0, emulator.Ledger.TokenErrors("invalid_grant"));
        Assert.Equal(1, emulator.Ledger.TokenRequests("authorization_code"));
        Assert.InRange(emulator.Ledger.TokenRequests("refresh_token"), 1, 1.5 * elapsed.TotalSeconds + 3);
    }
}

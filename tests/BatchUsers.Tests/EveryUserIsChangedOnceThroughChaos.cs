using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace BatchUsers.Tests;

/// <summary>The chaos soak: 10,000 user updates at concurrency 32 with 1 s tokens (authorization code, rotating refresh
/// tokens), 5% 5xx, 3% dropped connections (half after the change applied), latency jitter, rate-limit bursts, the access
/// token revoked a third of the way and the refresh token two thirds of the way (the job re-authorizes through its
/// callback). Bounded to two minutes; GENESYS_SOAK_USERS makes it longer.</summary>
public sealed class EveryUserIsChangedOnceThroughChaos(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string Redirect = "http://localhost:9000/callback";
    private readonly string _directory = Directory.CreateTempSubdirectory("soak-").FullName;

    [Fact]
    public async Task Every_user_is_changed_exactly_once_through_chaos_and_the_summary_equals_the_ledger()
    {
        var users = int.TryParse(Environment.GetEnvironmentVariable("GENESYS_SOAK_USERS"), out var n) ? n : 10_000;
        var bound = users > 10_000 ? TimeSpan.FromMinutes(users / 5_000.0) : TimeSpan.FromMinutes(2);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = users,
            Seed = 42,
            AccessTokenLifetime = TimeSpan.FromSeconds(1),
            RotateRefreshTokens = true,
            RateLimit = { RequestsPerWindow = 1500, Window = TimeSpan.FromSeconds(1), Key = RateLimitKey.Client },
            Faults =
            {
                ServerErrorRate = 0.05, DropBeforeProcessingRate = 0.015, DropAfterProcessingRate = 0.015,
                LatencyJitter = TimeSpan.FromMilliseconds(3),
            },
        });
        var reauthorizations = 0;
        var store = new InMemoryRefreshTokenStore();
        await using var connection = new GenesysCloudConnection(new GenesysCloudOptions
        {
            BaseAddress = emulator.BaseAddress,
            TypeInfoResolver = BatchJson.Default,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(2) },
            Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
            {
                Code = new AuthorizationCodeGrant(emulator.CreateAuthorizationCode("emulator-client", Redirect), Redirect),
                RefreshTokenStore = store,
                Reauthorize = _ =>
                {
                    Interlocked.Increment(ref reauthorizations);
                    return new(new AuthorizationCodeGrant(emulator.CreateAuthorizationCode("emulator-client", Redirect), Redirect));
                },
            },
        });
        var progress = new JobProgress
        {
            OnProcessed = done =>
            {
                if (done == users / 3) emulator.RevokeAccessTokens("emulator-client");
                if (done == 2 * users / 3) emulator.RevokeAllTokens("emulator-client");   // refresh token too: re-authorize
            },
        };
        var settings = new JobSettings
        {
            Change = UserChange.Parse("department", "Chaos Engineering"),
            Concurrency = 32,
            CheckpointPath = Path.Combine(_directory, "checkpoint.json"),
        };
        using var stop = new CancellationTokenSource(bound);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (completed, checkpoint) = await new UserUpdateJob(IUsersApi.Create(connection), settings, progress).RunAsync(stop.Token);

        var ledger = emulator.Ledger.Snapshot();
        var counters = connection.Telemetry.Counters;
        output.WriteLine($"{users} users in {clock.Elapsed.TotalSeconds:0.0} s; changed once {ledger.UsersChangedOnce}, more than once {ledger.UsersChangedMoreThanOnce}; " +
                         $"tokens by grant {string.Join(", ", ledger.TokenRequestsByGrant.Select(kv => kv.Key + "=" + kv.Value))}; " +
                         $"faults {string.Join(", ", ledger.Faults.Select(kv => kv.Key + "=" + kv.Value))}; 429s {ledger.Throttled}; " +
                         $"client retries {counters.Retries}, 401 replays {counters.AuthReplays}; re-authorizations {reauthorizations}");
        Assert.True(completed, $"the soak did not finish within {bound}: {progress.Processed} of {users} users");
        Assert.Empty(checkpoint.Failures);
        Assert.Equal(users, ledger.UsersChangedOnce);
        Assert.Equal(0, ledger.UsersChangedMoreThanOnce);
        Assert.Equal(0, ledger.UsersUnchanged);
        Assert.Equal(progress.Updated, ledger.UsersChangedOnce);   // the job's summary equals the server's ledger
        Assert.Equal(users, progress.Processed);
        Assert.True(reauthorizations >= 1, "the revoked refresh token should have forced a re-authorization");
        Assert.True(emulator.Ledger.Faults("drop-after") > 0 && emulator.Ledger.Faults("drop-before") > 0, "the soak should meet both kinds of drop");
        Assert.True(ledger.TokenRequestsByGrant.GetValueOrDefault("refresh_token") > 5, "the soak should cross many token lifetimes");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

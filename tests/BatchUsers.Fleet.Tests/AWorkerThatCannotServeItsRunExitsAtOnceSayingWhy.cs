using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using GenesysCloud.Typed.Redis.Tests;

namespace BatchUsers.Fleet.Tests;

/// <summary>Real workers facing a fleet they cannot serve: a Redis that refuses them, a token key that is not the run's, a
/// run whose state Redis lost. Each exits at once with its own code and a message naming the cause (never a secret), and
/// none waits forever.</summary>
public sealed class AWorkerThatCannotServeItsRunExitsAtOnceSayingWhy : IAsyncLifetime
{
    private const int Users = 600;
    private const int ExitFleetConfiguration = 3, ExitRunLost = 4;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(60);
    private readonly string _tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private RedisServer? _redis;
    private EmulatorHostProcess _host = null!;
    private FleetWorkers? _fleet;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHostProcess.StartAsync(Users, "1s", ratePerMinute: 12000, faultRate: 0.03, dropRate: 0.02);
        _fleet = new FleetWorkers(_host, "gct-fleet-refusal-");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_fleet is not null) await _fleet.DisposeAsync();
            await _host.DisposeAsync();
        }
        finally
        {
            if (_redis is not null) await _redis.DisposeAsync();
        }
    }

    private RunningProcess Worker(string name, string runId, string redis, string? tokenKey = null) => _fleet!.Start(name, runId, redis, tokenKey ?? _tokenKey);

    private JsonElement Summary(string name) => _fleet!.Summary(name);

    private Task WaitForChangesAsync(int atLeast) => _fleet!.WaitForChangesAsync(atLeast);

    private static async Task AssertExitsAsync(RunningProcess worker, int code, TimeSpan within) =>
        Assert.True(await worker.WaitAsync(within) == code, $"expected exit {code}:\n" + worker.Tail());

    [Theory]
    [InlineData("no password")]
    [InlineData("wrong password")]
    [InlineData("wrong database")]
    public async Task A_redis_that_refuses_the_worker_is_a_start_up_error_naming_the_cause_never_the_password(string refusal)
    {
        const string password = "fleet-Redis-pa55word-31x";
        _redis = await RedisServer.StartAsync(password);
        var (connection, cause) = refusal switch
        {
            "no password" => ($"127.0.0.1:{_redis.Port}", "authentication"),
            "wrong password" => ($"127.0.0.1:{_redis.Port},password=wrong-{password}", "authentication"),
            _ => ($"127.0.0.1:{_redis.Port},password={password},defaultDatabase=99", "database"),
        };
        var worker = Worker("refused", "refused", connection);
        await AssertExitsAsync(worker, ExitFleetConfiguration, Prompt);
        Assert.Contains(cause, worker.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, worker.Output);
        Assert.DoesNotContain("unreachable", worker.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _host.UsersChangedAsync());
    }

    [Fact]
    public async Task A_worker_with_another_token_key_exits_naming_the_mismatch_and_the_run_finishes_without_a_token_storm()
    {
        _redis = await RedisServer.StartAsync();
        var clock = Stopwatch.StartNew();
        var fleet = Worker("w1", "keys", $"127.0.0.1:{_redis.Port}");
        await WaitForChangesAsync(50);
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var stranger = Worker("stranger", "keys", $"127.0.0.1:{_redis.Port}", otherKey);
        await AssertExitsAsync(stranger, ExitFleetConfiguration, Prompt);
        Assert.Contains("GENESYS_TOKEN_KEY", stranger.Output);
        Assert.DoesNotContain(otherKey, stranger.Output);
        Assert.DoesNotContain(_tokenKey, stranger.Output);
        Assert.Single(stranger.Output.Split('\n'), l => l.Contains("GENESYS_TOKEN_KEY"));

        await AssertExitsAsync(fleet, 0, TimeSpan.FromSeconds(180));
        clock.Stop();
        var run = Summary("w1").GetProperty("run");
        Assert.Equal(Users, run.GetProperty("processed").GetInt64());
        Assert.Equal(Users, run.GetProperty("updated").GetInt64());
        var stats = await _host.StatsAsync();
        Assert.Equal(Users, stats.GetProperty("usersChangedOnce").GetInt32());
        var tokenRequests = stats.GetProperty("totalTokenRequests").GetInt32();
        Assert.True(tokenRequests <= 1.5 * clock.Elapsed.TotalSeconds + 4, $"{tokenRequests} token requests in {clock.Elapsed.TotalSeconds:0.0} s of 1 s tokens");
    }

    [Fact]
    public async Task A_run_lost_with_redis_ends_every_worker_saying_so_and_a_new_run_id_finishes_it_safely()
    {
        _redis = await RedisServer.StartAsync(persistent: false);
        var workers = new[] { Worker("w1", "lost", $"127.0.0.1:{_redis.Port}"), Worker("w2", "lost", $"127.0.0.1:{_redis.Port}") };
        await WaitForChangesAsync(Users / 3);
        await _redis.StopAsync();
        await _redis.RestartAsync();   // up again, without the run
        foreach (var w in workers)
        {
            await AssertExitsAsync(w, ExitRunLost, Prompt);
            Assert.Contains("was lost", w.Output);
            Assert.Contains("new --run-id", w.Output);
        }

        var again = new[] { Worker("a1", "lost-2", $"127.0.0.1:{_redis.Port}"), Worker("a2", "lost-2", $"127.0.0.1:{_redis.Port}") };
        foreach (var w in again) await AssertExitsAsync(w, 0, TimeSpan.FromSeconds(180));
        var run = Summary("a1").GetProperty("run");
        Assert.Equal(Users, run.GetProperty("processed").GetInt64());
        Assert.Equal(Users, run.GetProperty("updated").GetInt64() + run.GetProperty("unchanged").GetInt64());
        Assert.Equal(0, run.GetProperty("failed").GetInt64());
        var stats = await _host.StatsAsync();
        Assert.Equal(Users, stats.GetProperty("usersChangedOnce").GetInt32());
        Assert.Equal(0, stats.GetProperty("usersChangedMoreThanOnce").GetInt32());
    }

    [Fact]
    public async Task A_run_redis_holds_only_part_of_ends_its_workers_and_refuses_a_joiner_instead_of_planning_over_it()
    {
        _redis = await RedisServer.StartAsync();
        var workers = new[] { Worker("w1", "partial", $"127.0.0.1:{_redis.Port}"), Worker("w2", "partial", $"127.0.0.1:{_redis.Port}") };
        await WaitForChangesAsync(Users / 3);
        // Evicted or deleted by hand: the run's description goes, its partitions and outcomes stay.
        var admin = await _redis.ConnectToInspectAsync();
        await using (admin) await admin.GetDatabase().KeyDeleteAsync("batchusers:{partial}:meta");
        var joiner = Worker("joiner", "partial", $"127.0.0.1:{_redis.Port}");
        foreach (var w in workers.Append(joiner))
        {
            await AssertExitsAsync(w, ExitRunLost, Prompt);
            Assert.Contains("--run-id", w.Output);
        }
        Assert.Equal(0, (await _host.StatsAsync()).GetProperty("usersChangedMoreThanOnce").GetInt32());
    }

    [Theory]
    [InlineData("outcomes")]
    [InlineData("totals")]
    public async Task A_run_whose_outcomes_or_totals_are_deleted_mid_run_is_lost_not_finished_with_wrong_totals(string part)
    {
        _redis = await RedisServer.StartAsync();
        var workers = new[] { Worker("w1", part, $"127.0.0.1:{_redis.Port}"), Worker("w2", part, $"127.0.0.1:{_redis.Port}") };
        await WaitForChangesAsync(Users / 3);
        var admin = await _redis.ConnectToInspectAsync();
        await using (admin) await admin.GetDatabase().KeyDeleteAsync($"batchusers:{{{part}}}:{part}");
        foreach (var w in workers)
        {
            await AssertExitsAsync(w, ExitRunLost, Prompt);
            Assert.Contains("was lost", w.Output);
        }
        Assert.Contains("was lost", Summary("w1").GetProperty("error").GetString());
        Assert.Equal(0, (await _host.StatsAsync()).GetProperty("usersChangedMoreThanOnce").GetInt32());
    }

    [Theory]
    [InlineData("password changed")]
    [InlineData("user deleted")]
    public async Task A_redis_that_starts_refusing_the_worker_mid_run_through_a_reconnect_ends_it_with_exit_3(string change)
    {
        const string password = "fleet-Redis-pa55word-44k", userPassword = "worker-Pa55word-8m";
        _redis = await RedisServer.StartAsync(password, true, "--user", "w", "on", ">" + userPassword, "~*", "&*", "+@all");
        var connection = change == "user deleted"
            ? $"127.0.0.1:{_redis.Port},user=w,password={userPassword}"
            : $"127.0.0.1:{_redis.Port},password={password}";
        var worker = Worker("w1", "reauth", connection);
        await WaitForChangesAsync(Users / 4);
        await using (var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port},password={password},allowAdmin=true"))
        {
            if (change == "user deleted")
            {
                await admin.GetDatabase().ExecuteAsync("ACL", "DELUSER", "w");
            }
            else
            {
                await admin.GetDatabase().ExecuteAsync("CONFIG", "SET", "requirepass", "another-" + password);
                await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");
            }
        }
        await AssertExitsAsync(worker, ExitFleetConfiguration, TimeSpan.FromSeconds(30));
        Assert.Contains("authentication", worker.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, worker.Output);
        Assert.DoesNotContain(userPassword, worker.Output);
        Assert.Contains("authentication", Summary("w1").GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SIGTERM_while_redis_is_gone_exits_130_within_seconds_and_writes_the_summary()
    {
        _redis = await RedisServer.StartAsync();
        var worker = Worker("w1", "term-away", $"127.0.0.1:{_redis.Port}");
        await WaitForChangesAsync(Users / 4);
        await _redis.StopAsync();   // SIGKILL
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        worker.Terminate();
        var exit = await worker.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the worker took {clock.Elapsed} to stop on SIGTERM:\n{worker.Tail()}");
        Assert.Equal(130, exit);
        Assert.True(Summary("w1").GetProperty("interrupted").GetBoolean());
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using GenesysCloud.Typed.Redis.Tests;

namespace BatchUsers.Fleet.Tests;

/// <summary>Real processes: the emulator host, redis-server and several BatchUsers workers on one OAuth client.</summary>
public sealed class AFleetRunChangesEveryUserOnceWhateverStopsMidRun : IAsyncLifetime
{
    private const int Users = 600;
    private readonly string _tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private RedisServer _redis = null!;
    private EmulatorHostProcess _host = null!;
    private FleetWorkers? _fleet;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _host = await EmulatorHostProcess.StartAsync(Users, "1s", ratePerMinute: 12000, faultRate: 0.03, dropRate: 0.02);
        _fleet = new FleetWorkers(_host, "gct-fleet-");
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
            await _redis.DisposeAsync();
        }
    }

    private RunningProcess Worker(string name, string runId, int pace = 11400, string lease = "2s") =>
        _fleet!.Start(name, runId, $"127.0.0.1:{_redis.Port}", _tokenKey, pace, lease);

    private JsonElement Summary(string name) => _fleet!.Summary(name);

    private Task WaitForChangesAsync(int atLeast) => _fleet!.WaitForChangesAsync(atLeast);

    private async Task AssertExitsZeroAsync(RunningProcess worker) =>
        Assert.True(await worker.WaitAsync(TimeSpan.FromSeconds(180)) == 0, "worker failed:\n" + worker.Tail());

    private static void AssertRunTotals(JsonElement summary, long updated, long unchanged)
    {
        var run = summary.GetProperty("run");
        Assert.Equal(Users, run.GetProperty("processed").GetInt64());
        Assert.Equal(updated, run.GetProperty("updated").GetInt64());
        Assert.Equal(unchanged, run.GetProperty("unchanged").GetInt64());
        Assert.Equal(0, run.GetProperty("failed").GetInt64());
        Assert.Equal(run.GetProperty("partitions").GetInt64(), run.GetProperty("partitionsDone").GetInt64());
    }

    [Fact]
    public async Task A_worker_killed_mid_run_loses_nothing_a_late_joiner_joins_and_a_second_run_changes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var workers = new[] { Worker("w1", "run-1"), Worker("w2", "run-1"), Worker("w3", "run-1") };
        await WaitForChangesAsync(Users / 3);
        workers[0].Kill();   // SIGKILL: no goodbye, its partition stays pending under its name
        var late = Worker("late", "run-1");
        foreach (var w in workers.Skip(1).Append(late)) await AssertExitsZeroAsync(w);
        clock.Stop();

        var stats = await _host.StatsAsync();
        Assert.Equal(Users, stats.GetProperty("usersChangedOnce").GetInt32());
        Assert.Equal(0, stats.GetProperty("usersChangedMoreThanOnce").GetInt32());
        var survivors = new[] { "w2", "w3", "late" }.Select(Summary).ToList();
        // Each reports the same run totals; users whose change the killed worker made but never recorded count as unchanged.
        foreach (var s in survivors)
        {
            var run = s.GetProperty("run");
            Assert.Equal(Users, run.GetProperty("processed").GetInt64());
            Assert.Equal(Users, run.GetProperty("updated").GetInt64() + run.GetProperty("unchanged").GetInt64());
            Assert.Equal(0, run.GetProperty("failed").GetInt64());
            Assert.Equal(run.GetProperty("partitions").GetInt64(), run.GetProperty("partitionsDone").GetInt64());
        }
        Assert.True(survivors.Sum(s => s.GetProperty("fleet").GetProperty("partitionsReclaimed").GetInt32()) >= 1,
            "the killed worker's partition was never taken over");
        // One token per lifetime for the fleet, not one per worker.
        var tokenRequests = stats.GetProperty("totalTokenRequests").GetInt32();
        Assert.True(tokenRequests <= 1.5 * clock.Elapsed.TotalSeconds + 4, $"{tokenRequests} token requests in {clock.Elapsed.TotalSeconds:0.0} s of 1 s tokens");
        Assert.True(stats.GetProperty("throttled").GetInt32() < 0.01 * stats.GetProperty("totalApiRequests").GetInt32(), "429s: " + stats);

        // The same org again, as a new run: nothing to change.
        var again = new[] { Worker("a1", "run-2"), Worker("a2", "run-2") };
        foreach (var w in again) await AssertExitsZeroAsync(w);
        foreach (var s in new[] { "a1", "a2" }.Select(Summary)) AssertRunTotals(s, updated: 0, unchanged: Users);
        Assert.Equal(Users, (await _host.StatsAsync()).GetProperty("usersChangedOnce").GetInt32());
    }

    [Fact]
    public async Task Redis_stopped_mid_run_and_restarted_the_run_completes_with_every_user_changed_once()
    {
        var workers = new[] { Worker("w1", "outage"), Worker("w2", "outage"), Worker("w3", "outage") };
        await WaitForChangesAsync(Users / 3);
        await _redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await _redis.RestartAsync();
        foreach (var w in workers) await AssertExitsZeroAsync(w);

        var stats = await _host.StatsAsync();
        Assert.Equal(Users, stats.GetProperty("usersChangedOnce").GetInt32());
        Assert.Equal(0, stats.GetProperty("usersChangedMoreThanOnce").GetInt32());
        foreach (var s in new[] { "w1", "w2", "w3" }.Select(Summary)) AssertRunTotals(s, updated: Users, unchanged: 0);
        Assert.True(new[] { "w1", "w2", "w3" }.Select(Summary).Sum(s => s.GetProperty("fleet").GetProperty("redisOutages").GetInt64()) >= 1,
            "no worker noticed the outage");
        Assert.Contains(workers, w => w.Output.Contains("Redis is unreachable"));
    }

    [Fact]
    public async Task SIGTERM_stops_a_worker_and_the_emulator_host_within_seconds_and_the_run_goes_on()
    {
        // A slow worker, so it is mid-partition when told to stop.
        var first = Worker("slow", "term", pace: 1200, lease: "30s");
        await WaitForChangesAsync(20);
        var clock = Stopwatch.StartNew();
        first.Terminate();
        var exit = await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the worker took {clock.Elapsed} to stop on SIGTERM");
        Assert.Equal(130, exit);
        // It handed its partition back: the next worker need not wait out the 30 s lease.
        var next = Worker("next", "term", lease: "30s");
        await AssertExitsZeroAsync(next);
        AssertRunTotals(Summary("next"), updated: Users, unchanged: 0);
        Assert.True(Summary("next").GetProperty("fleet").GetProperty("partitionsReclaimed").GetInt32() >= 1);
        Assert.Equal(Users, (await _host.StatsAsync()).GetProperty("usersChangedOnce").GetInt32());

        clock.Restart();
        _host.Process.Terminate();
        await _host.Process.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the emulator host took {clock.Elapsed} to stop on SIGTERM");
    }
}

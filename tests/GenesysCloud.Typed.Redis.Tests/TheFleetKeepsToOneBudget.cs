using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>The shared budget against a real redis-server, each budget on its own multiplexer like a separate process.</summary>
public sealed class TheFleetKeepsToOneBudget : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private readonly List<IDisposable> _owned = [];

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        }
        finally
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task<(RedisRequestBudget Budget, RedisFleetHealth Health)> NewProcessAsync(int perMinute, string key = "budget/test/client-1")
    {
        var connection = await _redis.ConnectAsync();
        _owned.Add(connection);
        var options = new GenesysRedisOptions
        {
            EncryptionKey = new byte[32], RetryInterval = TimeSpan.FromMilliseconds(200), HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        };
        var health = new RedisFleetHealth(options, TimeProvider.System, () => NullLogger.Instance);
        var budget = new RedisRequestBudget(connection, key, new GenesysPacingOptions { RequestsPerMinute = perMinute }, options, TimeProvider.System, health);
        _owned.Add(budget);
        return (budget, health);
    }

    [Theory]
    [InlineData(2, 6000, 120)]
    [InlineData(4, 3000, 80)]
    [InlineData(6, 12000, 240)]
    public async Task Processes_together_never_go_faster_than_the_one_budget(int processes, int perMinute, int turns)
    {
        var budgets = new List<RedisRequestBudget>();
        for (var i = 0; i < processes; i++) budgets.Add((await NewProcessAsync(perMinute, $"budget/rate/{processes}")).Budget);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, turns).Select(i => budgets[i % processes].WaitTurnAsync(default).AsTask()));
        clock.Stop();
        var burst = Math.Max(1, perMinute / 600);
        var interval = TimeSpan.FromMinutes(1) / perMinute;
        // The schedule is kept on Redis's clock: the last turn cannot come before (turns - burst) intervals have passed.
        Assert.True(clock.Elapsed >= interval * (turns - burst) - TimeSpan.FromMilliseconds(20),
            $"{turns} turns at {perMinute}/min across {processes} processes took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_429_seen_by_one_process_halves_and_pauses_the_whole_fleet()
    {
        var (a, _) = await NewProcessAsync(6000, "budget/throttle");
        var (b, _) = await NewProcessAsync(6000, "budget/throttle");
        await a.WaitTurnAsync(default);
        await b.WaitTurnAsync(default);
        a.Throttled(TimeSpan.FromSeconds(1));
        await Task.Delay(100);   // the throttle script is sent without waiting for it
        b.Throttled(null);       // the same burst's 429 at another process: counts once
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        await b.WaitTurnAsync(default);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(650), $"b went after {clock.Elapsed} despite a's Retry-After of 1 s");
        Assert.Equal(3000, b.CurrentRate, 1);
        await a.WaitTurnAsync(default);
        Assert.Equal(3000, a.CurrentRate, 1);
    }

    [Fact]
    public async Task Headers_saying_little_is_left_slow_the_fleet_and_an_empty_window_pauses_it()
    {
        var (a, _) = await NewProcessAsync(6000, "budget/headers");
        var (b, _) = await NewProcessAsync(6000, "budget/headers");
        await a.WaitTurnAsync(default);
        a.RateLimitHeaders(allowed: 6000, count: 5700, resetIn: TimeSpan.FromSeconds(30));   // 300 left for 30 s: 600/min
        await Task.Delay(100);
        await b.WaitTurnAsync(default);
        Assert.Equal(1500, b.CurrentRate, 1);   // never below the minimum share (25%)
        a.RateLimitHeaders(allowed: 6000, count: 6000, resetIn: TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        await b.WaitTurnAsync(default);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(700), $"b went after {clock.Elapsed} into an exhausted window");
    }

    [Fact]
    public async Task Without_redis_a_process_paces_alone_at_its_fair_share_and_rejoins()
    {
        var (a, health) = await NewProcessAsync(6000, "budget/outage");
        var (b, _) = await NewProcessAsync(6000, "budget/outage");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (a.FleetSize != 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(2, a.FleetSize);
        Assert.False(health.IsDegraded, "the process must be in the fleet before the outage the test stages");

        await _redis.StopAsync();
        await a.WaitTurnAsync(default);
        Assert.True(health.IsDegraded);
        Assert.Equal(3000, a.CurrentRate, 1);   // half of 6000: two processes were seen
        // Alone it still paces: 40 turns at 3000/min (20 ms) with a burst of 5 take at least 35 intervals.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 40; i++) await a.WaitTurnAsync(default);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(35 * 20 - 30), $"40 lone turns took {clock.Elapsed}");

        await _redis.RestartAsync();
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (health.IsDegraded && DateTime.UtcNow < deadline)
        {
            await a.WaitTurnAsync(default);
            await Task.Delay(100);
        }
        Assert.False(health.IsDegraded);
        Assert.Equal(1, health.Outages);
    }
}

using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Optional pacing keeps a connection within the server's rate limit: requests go out at the paced rate after
/// the burst at any rate a timer can keep, a 429 halves the rate and quiet minutes restore it, inin-ratelimit-* headers
/// slow it, and a pacing turn is time off the wire (the token is taken after it, and it never counts against
/// AttemptTimeout).</summary>
public sealed class PacingKeepsWithinTheRateLimit
{
    private readonly FakeTimeProvider _clock = new(Harness.Epoch);

    [Fact]
    public async Task Requests_go_out_at_the_paced_rate_after_the_burst()
    {
        using var pacer = new AdaptivePacer(new GenesysPacingOptions { RequestsPerMinute = 600, Burst = 10 }, _clock);   // 10/s, burst 10
        var turns = Enumerable.Range(0, 30).Select(_ => pacer.WaitTurnAsync(default)).ToArray();
        await Task.Delay(10);
        Assert.Equal(10, turns.Count(t => t.IsCompleted));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(10);
        Assert.Equal(20, turns.Count(t => t.IsCompleted));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(turns);
    }

    [Theory]
    [InlineData(6_000)]        // a period of 10 ms: one token a tick
    [InlineData(60_000)]       // 1 ms: below what a timer can do well
    [InlineData(9_500_000)]    // 6.3 µs: a real timer rounds it to a zero period, ticks once, and the bucket never refills
    public async Task Any_rate_keeps_refilling_after_the_burst_on_timer_periods_a_real_timer_can_keep(int perMinute)
    {
        var clock = new PeriodRecordingClock(Harness.Epoch);
        using var pacer = new AdaptivePacer(new GenesysPacingOptions { RequestsPerMinute = perMinute, Burst = 5 }, clock);
        for (var i = 0; i < 5; i++) await pacer.WaitTurnAsync(default);

        // Three seconds in 10 ms steps, taking every turn as it comes.
        var taken = 0;
        Task? pending = null;
        for (var step = 0; step < 300; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            while (true)
            {
                pending ??= pacer.WaitTurnAsync(default);
                if (!pending.IsCompleted) break;
                taken++;
                pending = null;
            }
        }

        Assert.All(clock.Periods, p => Assert.True(p >= TimeSpan.FromMilliseconds(1), $"timer period {p}"));
        // The rate allows perMinute / 20 turns in 3 s; the burst (5) caps what one 10 ms tick can hand out.
        var allowed = Math.Min(perMinute / 20.0, 300 * 5);
        Assert.InRange(taken, 0.9 * allowed, allowed + 5);
    }

    /// <summary>A fake clock that remembers every timer period asked of it.</summary>
    private sealed class PeriodRecordingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public List<TimeSpan> Periods { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Periods) Periods.Add(period);
            return new Recorder(base.CreateTimer(callback, state, dueTime, period), this);
        }

        private sealed class Recorder(ITimer inner, PeriodRecordingClock owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (owner.Periods) owner.Periods.Add(period);
                return inner.Change(dueTime, period);
            }

            public void Dispose() => inner.Dispose();
            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_429_halves_the_rate_holds_off_for_its_retry_after_and_quiet_minutes_restore_it()
    {
        using var pacer = new AdaptivePacer(new GenesysPacingOptions { RequestsPerMinute = 600, Burst = 1 }, _clock);
        await pacer.WaitTurnAsync(default);

        pacer.Throttled(TimeSpan.FromSeconds(5));
        pacer.Throttled(null);                          // the same burst of 429s counts once
        Assert.Equal(300, pacer.CurrentRate);
        var next = pacer.WaitTurnAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(10);
        Assert.False(next.IsCompleted);                 // nothing goes out before Retry-After has passed
        _clock.Advance(TimeSpan.FromSeconds(0.3));
        await next;

        for (var minute = 0; minute < 10; minute++) _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(600, pacer.CurrentRate);           // grown back by 10% a quiet minute, capped at the target
    }

    [Fact]
    public void The_rate_never_falls_below_the_minimum_share()
    {
        using var pacer = new AdaptivePacer(new GenesysPacingOptions { RequestsPerMinute = 400, MinimumShare = 0.25 }, _clock);
        for (var i = 0; i < 10; i++)
        {
            pacer.Throttled(null);
            _clock.Advance(TimeSpan.FromSeconds(2));
        }
        Assert.Equal(100, pacer.CurrentRate);
    }

    [Fact]
    public void Rate_limit_headers_slow_the_pacer_to_what_is_left_of_the_window()
    {
        using var pacer = new AdaptivePacer(new GenesysPacingOptions { RequestsPerMinute = 600 }, _clock);
        pacer.RateLimitHeaders(allowed: 300, count: 250, resetIn: TimeSpan.FromSeconds(30));   // 50 left in 30 s = 100/min
        Assert.Equal(150, pacer.CurrentRate);            // clamped at the 25% floor of 600
        pacer.RateLimitHeaders(allowed: 300, count: 10, resetIn: TimeSpan.FromSeconds(60));    // plenty left: no change upward here
        Assert.Equal(150, pacer.CurrentRate);
    }

    [Fact]
    public async Task A_paced_connection_with_headers_from_the_emulator_avoids_429s()
    {
        await using var h = await Harness.StartAsync(
            e => { e.RateLimit.RequestsPerWindow = 20; e.RateLimit.SendRateLimitHeaders = true; },
            o => o.Pacing.RequestsPerMinute = 1200);
        var id = h.Emulator.Users[0].Id;

        // One after another, so each answer's headers are read before the next request goes.
        for (var i = 0; i < 30; i++)
            await h.AdvanceUntilDoneAsync(h.GetUserAsync(id), step: TimeSpan.FromMilliseconds(100), limit: TimeSpan.FromMinutes(5));

        Assert.Equal(0, h.Emulator.Ledger.Throttled);          // the 21st waited for the window to reset instead
        Assert.Equal(30, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 200));
        Assert.True(h.Connection.PacedRequestsPerMinute < 1200);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    public async Task A_token_is_taken_after_the_pacing_turn_so_it_never_expires_in_the_queue(int tokenSeconds)
    {
        // 30 callers at once, one turn per second: the last waits 30 s, longer than the token lives.
        await using var h = await Harness.StartAsync(
            e => e.AccessTokenLifetime = TimeSpan.FromSeconds(tokenSeconds),
            o => { o.Pacing.RequestsPerMinute = 60; o.Pacing.Burst = 1; });
        var id = h.Emulator.Users[0].Id;
        await h.AdvanceUntilDoneAsync(Task.WhenAll(Enumerable.Range(0, 30).Select(_ => h.GetUserAsync(id))),
            step: TimeSpan.FromMilliseconds(100), limit: TimeSpan.FromMinutes(5));

        Assert.Equal(30, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 200));
        Assert.Equal(0, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 401));
    }

    [Fact]
    public async Task Waiting_for_pacing_does_not_count_against_the_attempt_timeout()
    {
        // 12 writes paced at one a second wait up to 11 s for their turn; each attempt may take 10 s on the wire.
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Pacing.RequestsPerMinute = 60;
            o.Pacing.Burst = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        var users = h.Emulator.Users.Take(12).ToList();

        var writes = users.Select(u => h.PatchUserAsync(u.Id, new UpdateUser { Version = u.Version, Title = "paced" })).ToArray();
        await h.AdvanceUntilDoneAsync(Task.WhenAll(writes), step: TimeSpan.FromMilliseconds(250));

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(12, h.Tap.To("/api/v2/").Count(r => r.Method == "PATCH"));
    }
}

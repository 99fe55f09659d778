using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>One fetch serves every caller of an expiring token, a token is refreshed in the background before it
/// expires, and a failed fetch reaches its waiters without being cached. The token source on its own, with a fetcher
/// the test controls and a fake clock.</summary>
public sealed class TokensAreSharedAndRefreshedAhead
{
    private readonly FakeTimeProvider _clock = new(Harness.Epoch);

    private sealed class ScriptedFetcher : ITokenFetcher
    {
        public int Calls;
        public Func<int, Task<AccessToken>> Next = _ => throw new InvalidOperationException("no script");
        public string Grant => "test";
        public Task<AccessToken> FetchAsync(CancellationToken cancellationToken) => Next(Interlocked.Increment(ref Calls));
    }

    private TokenSource Create(ScriptedFetcher fetcher, GenesysTokenOptions? options = null) =>
        new(fetcher, options ?? new GenesysTokenOptions(), _clock, NullLogger.Instance, new GenesysTelemetry(null), new SecretRedactor());

    private AccessToken Token(string value, TimeSpan lifetime) => new(value, _clock.GetUtcNow() + lifetime);

    [Fact]
    public async Task A_shared_fetch_that_fails_after_every_waiter_cancelled_is_observed_not_left_unobserved()
    {
        var marker = "fetch failed " + Guid.NewGuid();
        var unobserved = new List<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, e) =>
        {
            if (e.Exception.ToString().Contains(marker)) lock (unobserved) unobserved.Add(e.Exception);
        };
        TaskScheduler.UnobservedTaskException += handler;
        try
        {
            await FailAfterEveryWaiterCancelledAsync(marker);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(10);
            }
            lock (unobserved) Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= handler;
        }
    }

    // Its own method, so no local keeps the fetch task alive for the collector.
    private async Task FailAfterEveryWaiterCancelledAsync(string marker)
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetcher = new ScriptedFetcher { Next = _ => gate.Task };
        using var source = Create(fetcher);
        using var cancel = new CancellationTokenSource();
        var waiters = Enumerable.Range(0, 10).Select(_ => source.GetTokenAsync(cancel.Token).AsTask()).ToArray();
        await Task.Delay(20);
        cancel.Cancel();
        foreach (var waiter in waiters) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        gate.SetException(new InvalidOperationException(marker));
        await Task.Delay(20);
        Assert.Equal(1, fetcher.Calls);
    }

    [Fact]
    public async Task A_thousand_callers_at_expiry_share_one_fetch()
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetcher = new ScriptedFetcher { Next = n => n == 1 ? Task.FromResult(Token("first", TimeSpan.FromHours(1))) : gate.Task };
        using var source = Create(fetcher);
        await source.GetTokenAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));   // past hard expiry

        var waiters = Enumerable.Range(0, 1000).Select(_ => source.GetTokenAsync(default).AsTask()).ToArray();
        await Task.Delay(20);
        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        gate.SetResult(Token("second", TimeSpan.FromHours(1)));
        var tokens = await Task.WhenAll(waiters);

        Assert.Equal(2, fetcher.Calls);
        Assert.All(tokens, t => Assert.Equal("second", t.Value));
    }

    [Fact]
    public async Task In_the_soft_window_one_background_refresh_runs_and_no_caller_waits()
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetcher = new ScriptedFetcher { Next = n => n == 1 ? Task.FromResult(Token("first", TimeSpan.FromMinutes(60))) : gate.Task };
        using var source = Create(fetcher);
        await source.GetTokenAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(56));   // inside the 5-minute refresh lead, before the 30 s margin

        var during = Enumerable.Range(0, 100).Select(_ => source.GetTokenAsync(default)).ToArray();

        Assert.All(during, v => Assert.True(v.IsCompletedSuccessfully));
        Assert.All(during, v => Assert.Equal("first", v.Result.Value));
        // Waits bounded by real time, not fixed sleeps: a loaded machine may start the refresh late.
        for (var i = 0; i < 2000 && fetcher.Calls < 2; i++) await Task.Delay(5);
        Assert.Equal(2, fetcher.Calls);             // exactly one background refresh
        gate.SetResult(Token("second", TimeSpan.FromMinutes(60)));
        for (var i = 0; i < 2000 && (await source.GetTokenAsync(default)).Value != "second"; i++) await Task.Delay(5);
        Assert.Equal("second", (await source.GetTokenAsync(default)).Value);
    }

    [Fact]
    public async Task A_waiters_cancellation_does_not_cancel_the_shared_fetch()
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetcher = new ScriptedFetcher();
        fetcher.Next = _ => gate.Task;
        using var source = Create(fetcher);
        using var cancel = new CancellationTokenSource();

        var impatient = source.GetTokenAsync(cancel.Token).AsTask();
        var patient = source.GetTokenAsync(default).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(patient.IsCompleted);
        gate.SetResult(Token("t", TimeSpan.FromHours(1)));
        Assert.Equal("t", (await patient).Value);
        Assert.Equal(1, fetcher.Calls);
    }

    [Fact]
    public async Task Failures_reach_the_waiters_are_not_cached_and_cool_down()
    {
        var fetcher = new ScriptedFetcher
        {
            Next = n => n <= 2 ? Task.FromException<AccessToken>(new GenesysAuthenticationException("login host down")) : Task.FromResult(Token("ok", TimeSpan.FromHours(1))),
        };
        using var source = Create(fetcher, new GenesysTokenOptions { FailureCooldown = TimeSpan.FromSeconds(2) });

        await Assert.ThrowsAsync<GenesysAuthenticationException>(() => source.GetTokenAsync(default).AsTask());
        var second = source.GetTokenAsync(default).AsTask();   // waits out the 2 s cool-down before fetching again
        await Task.Delay(20);
        Assert.Equal(1, fetcher.Calls);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<GenesysAuthenticationException>(() => second);
        Assert.Equal(2, fetcher.Calls);

        var third = source.GetTokenAsync(default).AsTask();     // the cool-down doubled to 4 s
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(20);
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("ok", (await third).Value);
        Assert.Equal(3, fetcher.Calls);
    }

    [Fact]
    public async Task Invalidate_forgets_only_the_current_token()
    {
        var fetcher = new ScriptedFetcher();
        fetcher.Next = n => Task.FromResult(Token("t" + n, TimeSpan.FromHours(1)));
        using var source = Create(fetcher);
        var first = await source.GetTokenAsync(default);
        source.Invalidate(first);
        var second = await source.GetTokenAsync(default);

        source.Invalidate(first);                  // a late 401 for the old token must not discard the new one
        var still = await source.GetTokenAsync(default);

        Assert.Equal("t2", second.Value);
        Assert.Same(second, still);
        Assert.Equal(2, fetcher.Calls);
    }

    [Fact]
    public async Task A_one_second_token_is_refreshed_in_the_background_from_half_its_life()
    {
        var fetcher = new ScriptedFetcher();
        fetcher.Next = n => Task.FromResult(Token("t" + n, TimeSpan.FromSeconds(1)));
        using var source = Create(fetcher);
        await source.GetTokenAsync(default);

        _clock.Advance(TimeSpan.FromMilliseconds(550));
        var during = source.GetTokenAsync(default);
        Assert.True(during.IsCompletedSuccessfully);
        Assert.Equal("t1", (await during).Value);         // completed already: the caller does not wait
        for (var i = 0; i < 100 && fetcher.Calls < 2; i++) await Task.Delay(5);
        Assert.Equal(2, fetcher.Calls);                    // a refresh started in the background
        for (var i = 0; i < 100 && (await source.GetTokenAsync(default)).Value != "t2"; i++) await Task.Delay(5);
        Assert.Equal("t2", (await source.GetTokenAsync(default)).Value);
    }

    [Fact]
    public async Task Short_lifetimes_scale_the_refresh_lead_and_margin()
    {
        var fetcher = new ScriptedFetcher();
        fetcher.Next = n => Task.FromResult(Token("t" + n, TimeSpan.FromSeconds(1)));
        using var source = Create(fetcher);
        await source.GetTokenAsync(default);

        _clock.Advance(TimeSpan.FromMilliseconds(400));   // before the soft point (≈0.45–0.5 s)
        Assert.Equal("t1", (await source.GetTokenAsync(default)).Value);
        Assert.Equal(1, fetcher.Calls);
        _clock.Advance(TimeSpan.FromMilliseconds(550));   // 0.95 s: past the hard point (0.9 s)
        Assert.Equal("t2", (await source.GetTokenAsync(default)).Value);
    }
}

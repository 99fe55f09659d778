using GenesysCloud.Typed.Testing;
using static GenesysCloud.Typed.Tests.Retrying;

namespace GenesysCloud.Typed.Tests;

/// <summary>Every wait a call can be in (pacing, a token, a Retry-After, a listing's prefetch, a job's next poll) ends
/// when the connection is disposed (ObjectDisposedException naming the path) or the caller cancels
/// (OperationCanceledException), and nothing more is sent. The clock is fake and never moves here, so no wait can end
/// by itself; the real-time bound on each await only keeps a regression from hanging the run.</summary>
public sealed class DisposalAndCancellationEndEveryWait
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static ScriptedResponse Answer(string path, int status, string retryAfter) => new()
    {
        Path = path,
        Status = status,
        Body = $$"""{"message":"wait","code":"{{(status == 429 ? "too.many.requests" : "service.unavailable")}}","status":{{status}}}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    private static async Task<Exception> EndOf(Task call)
    {
        var ended = await Outcome.Of(call.WaitAsync(HangGuard));
        Assert.False(ended is TimeoutException, "the call was still waiting after disposal or cancellation");
        return ended ?? throw new Xunit.Sdk.XunitException("the call completed instead of ending with disposal or cancellation");
    }

    [Fact]
    public async Task Disposing_ends_every_call_waiting_for_pacing()
    {
        await using var h = await Harness.StartAsync(client: o => { o.Pacing.RequestsPerMinute = 60; o.Pacing.Burst = 1; });
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);   // takes the only token in the bucket; the fake clock never refills it

        var waiting = Enumerable.Range(0, 20).Select(_ => h.GetUserAsync(id)).ToArray();
        await Task.Delay(50);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        await h.Connection.DisposeAsync();

        foreach (var call in waiting) Assert.IsType<ObjectDisposedException>(await EndOf(call));
        Assert.Single(h.Tap.To("/api/v2/"));
    }

    [Fact]
    public async Task A_callers_own_cancellation_ends_its_wait_for_pacing()
    {
        await using var h = await Harness.StartAsync(client: o => { o.Pacing.RequestsPerMinute = 60; o.Pacing.Burst = 1; });
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        using var cancel = new CancellationTokenSource();

        var waiting = Enumerable.Range(0, 5).Select(_ => h.GetUserAsync(id, cancel.Token)).ToArray();
        await Task.Delay(50);
        cancel.Cancel();

        foreach (var call in waiting) Assert.IsAssignableFrom<OperationCanceledException>(await EndOf(call));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Disposing_ends_a_call_waiting_out_a_retry_after(int status)
    {
        await using var h = await Harness.StartAsync();
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(Answer("/api/v2/users/" + id, status, "19"));

        var call = h.GetUserAsync(id);
        while (!h.Logs.Collector.GetSnapshot().Any(r => r.Message.Contains("retrying in") || r.Message.Contains("waiting"))) await Task.Delay(5);
        await h.Connection.DisposeAsync();

        var ended = Assert.IsType<ObjectDisposedException>(await EndOf(call));
        Assert.Contains("GET /api/v2/users/" + id, ended.Message);
    }

    [Fact]
    public async Task Disposing_ends_a_call_waiting_for_a_token()
    {
        var never = new TaskCompletionSource<AccessToken>();
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.ClientId = null;
            o.ClientSecret = null;
            o.Credential = GenesysCredential.FromProvider(new Provider(never.Task));
        });

        var calls = Enumerable.Range(0, 3).Select(_ => h.GetUserAsync(h.Emulator.Users[0].Id)).ToArray();
        await Task.Delay(50);
        await h.Connection.DisposeAsync();

        foreach (var call in calls) Assert.IsType<ObjectDisposedException>(await EndOf(call));
        Assert.Empty(h.Tap.To("/api/v2/"));
    }

    [Fact]
    public async Task Disposing_ends_a_listing_whose_prefetched_page_is_waiting_out_a_429()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Answer("/api/v2/users", 429, "19"));
        var pages = h.ListUsers(10).WithPrefetch().AsPages().GetAsyncEnumerator();

        var first = pages.MoveNextAsync().AsTask();
        while (!h.Logs.Collector.GetSnapshot().Any(r => r.Message.Contains("waiting"))) await Task.Delay(5);
        await h.Connection.DisposeAsync();

        Assert.IsType<ObjectDisposedException>(await EndOf(first));
        await pages.DisposeAsync();
    }

    [Fact]
    public async Task A_consumer_that_stops_early_cancels_the_prefetched_page()
    {
        await using var h = await Harness.StartAsync();
        var pages = h.ListUsers(10).WithPrefetch().AsPages().GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());
        // The prefetch of page 2 now waits out a 429 that the fake clock never lets pass.
        h.Emulator.Enqueue(Answer("/api/v2/users", 429, "19"));
        while (h.Tap.To("/api/v2/users").Count() < 2) await Task.Delay(5);
        await pages.DisposeAsync();

        // Were the abandoned prefetch still alive, its retry would go out once the Retry-After has passed.
        h.FakeClock.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.Equal(2, h.Tap.To("/api/v2/users").Count());
    }

    [Theory]
    [InlineData(null)]      // the poll interval
    [InlineData("600")]     // a status answer's Retry-After
    [InlineData("3600")]
    public async Task Disposing_ends_a_job_waiting_to_poll_again(string? retryAfter)
    {
        const string Jobs = "/api/v2/analytics/conversations/details/jobs";
        await using var h = await Harness.StartAsync(emulator: o => o.AnalyticsPollsBeforeFulfilled = 1000,
            client: o => { o.Jobs.PollInterval = TimeSpan.FromMinutes(10); o.Jobs.MaxPollInterval = TimeSpan.FromMinutes(30); });
        var job = h.Connection.Job(new GenesysRequest(HttpMethod.Post, Jobs) { Body = """{"interval":"2026-01-01T00:00:00Z/2027-01-01T00:00:00Z"}"""u8.ToArray() },
            TestJson.Default.Conversation, "conversations");
        var jobId = await job.SubmitAsync();
        if (retryAfter is not null)
        {
            h.Emulator.Enqueue(new ScriptedResponse
            {
                Path = Jobs + "/" + jobId, Method = "GET", Body = """{"state":"QUEUED"}""",
                Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
            });
        }
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in job)
            {
            }
        });
        while (!h.LogLines().Any(l => l.Contains("polling again in")) && !reading.IsCompleted) await Task.Delay(5);
        await h.Connection.DisposeAsync();

        var ended = Assert.IsType<ObjectDisposedException>(await EndOf(reading));
        Assert.Contains("waited to poll again", ended.Message);
        Assert.Single(h.Tap.To(Jobs + "/" + jobId), r => r.Method == "GET");
    }

    [Fact]
    public async Task Calls_made_after_disposal_fail_at_once_without_sending()
    {
        var h = await Harness.StartAsync();
        await h.Connection.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.GetUserAsync("x"));
        Assert.Empty(h.Tap.Requests);
        await h.DisposeAsync();
    }

    private sealed class Provider(Task<AccessToken> token) : IGenesysTokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(token.WaitAsync(cancellationToken));
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_the_call()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Throttle(UserPath(h), "60"));
        using var cancel = new CancellationTokenSource();
        var call = h.GetUserAsync(h.Emulator.Users[0].Id, cancel.Token);
        await WaitForRetryDecisionAsync(h);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(h.Tap.To("/api/v2/"));
    }
}

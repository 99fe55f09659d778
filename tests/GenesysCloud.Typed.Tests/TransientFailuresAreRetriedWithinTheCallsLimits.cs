using System.Globalization;
using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

public sealed class RetryTests
{
    private static ScriptedResponse Throttle(string path, string? retryAfter) => new()
    {
        Path = path,
        Status = 429,
        Body = """{"message":"Rate limit exceeded the maximum [300] requests within [60] seconds","code":"too.many.requests","status":429}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    private static string UserPath(Harness h) => "/api/v2/users/" + h.Emulator.Users[0].Id;

    private static TimeSpan ChosenDelay(Harness h)
    {
        var record = h.Logs.Collector.GetSnapshot().Single(r => r.Message.Contains("was throttled (429); waiting"));
        var text = record.Message.Split("waiting ")[1].Split(' ')[0];
        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_429_with_retry_after_seconds_waits_exactly_that_long_then_succeeds()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Throttle(UserPath(h), "40"));

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        var waited = await h.AdvanceUntilDoneAsync(call);

        Assert.Equal(TimeSpan.FromSeconds(40), ChosenDelay(h));
        Assert.True(waited >= TimeSpan.FromSeconds(40), waited.ToString());
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
        Assert.Equal(1L, h.Connection.Telemetry.Counters.Throttled);
        Assert.Equal(1, h.Connection.Telemetry.Counters.Retries);
    }

    [Fact]
    public async Task A_429_with_an_http_date_waits_until_that_date()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Throttle(UserPath(h), (h.Clock.GetUtcNow() + TimeSpan.FromSeconds(30)).ToString("r", CultureInfo.InvariantCulture)));

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        await WaitForRetryDecisionAsync(h);   // no fake time passes before the date is read

        Assert.Equal(TimeSpan.FromSeconds(30), ChosenDelay(h));
        await h.AdvanceUntilDoneAsync(call);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData(null)]
    public async Task A_429_with_a_garbage_negative_or_missing_retry_after_falls_back_to_backoff(string? retryAfter)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Throttle(UserPath(h), retryAfter));

        await h.AdvanceUntilDoneAsync(h.GetUserAsync(h.Emulator.Users[0].Id), step: TimeSpan.FromMilliseconds(100));

        Assert.InRange(ChosenDelay(h), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));   // backoff from a 1 s base
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task A_retry_after_of_hours_ends_at_once_in_a_rate_limit_exception_carrying_it()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Throttle(UserPath(h), "7200"));

        var error = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Equal(TimeSpan.FromHours(2), error.RetryAfter);
        Assert.Equal("too.many.requests", error.Code);
        Assert.Single(h.Tap.To("/api/v2/"));
        Assert.Contains(h.LogLines(), l => l.Contains("beyond what this call will wait"));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_remaining_budget_is_not_waited_out()
    {
        await using var h = await Harness.StartAsync(client: o => o.Timeout = TimeSpan.FromSeconds(60));
        h.Emulator.Enqueue(Throttle(UserPath(h), "90"));   // under the 2-minute cap, over the 60 s budget

        var error = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Single(h.Tap.To("/api/v2/"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Server_errors_on_get_are_retried(int status)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), Status = status, Body = $$"""{"message":"x","code":"y","status":{{status}}}""", Times = 2 });

        var user = await WaitAsync(h, h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Equal(h.Emulator.Users[0].Id, user.Id);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task Server_errors_on_patch_are_not_retried_unless_marked_idempotent()
    {
        // A 500 may have been applied; a 503 says it was not, and is retried even for a write (RetryTruthTests).
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        h.Emulator.Enqueue(new ScriptedResponse { Method = "PATCH", Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""" });

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Single(h.Tap.To("/api/v2/"));

        h.Emulator.Enqueue(new ScriptedResponse { Method = "PATCH", Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""" });
        var updated = await WaitAsync(h, h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }, idempotent: true));
        Assert.Equal("x", updated.Title);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task A_patch_whose_connection_dropped_after_it_applied_is_not_replayed_and_says_it_may_have_been_processed()
    {
        await using var h = await Harness.StartAsync(e => e.Faults.DropAfterProcessingRate = 1);
        var user = h.Emulator.Users[0];

        var error = await Assert.ThrowsAsync<GenesysTransportException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }));

        Assert.True(error.MayHaveBeenProcessed);
        Assert.Contains("not idempotent", error.Message);
        Assert.Single(h.Tap.To("/api/v2/"));
        Assert.Equal(1, h.Emulator.Ledger.ChangesOf(user.Id));
    }

    [Fact]
    public async Task A_get_whose_connection_dropped_is_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), DropConnection = true });
        var user = await WaitAsync(h, h.GetUserAsync(h.Emulator.Users[0].Id));
        Assert.Equal(h.Emulator.Users[0].Id, user.Id);
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task A_patch_replayed_after_a_401_sends_byte_identical_bodies_with_a_new_token()
    {
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        await h.GetUserAsync(user.Id);
        h.Emulator.RevokeAccessTokens("emulator-client");

        var updated = await h.PatchUserAsync(user.Id, new UpdateUser { Department = "Ünïcode ✓", Title = "Lead", Version = user.Version });

        var patches = h.Tap.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Equal(patches[0].Body, patches[1].Body);
        Assert.NotEqual(patches[0].Authorization, patches[1].Authorization);
        Assert.Equal("Ünïcode ✓", updated.Department);
        Assert.Equal(1, h.Emulator.Ledger.ChangesOf(user.Id));
        Assert.Equal(1, h.Connection.Telemetry.Counters.AuthReplays);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_with_the_last_error()
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 2);
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""", Times = 10 });

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        await h.AdvanceUntilDoneAsync(call.ContinueWith(_ => { }));
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => call);

        Assert.Equal("internal.server.error", error.Code);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
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

    private static async Task WaitForRetryDecisionAsync(Harness h)
    {
        for (var i = 0; i < 2000 && !h.Logs.Collector.GetSnapshot().Any(r => r.Message.Contains("waiting")); i++) await Task.Delay(5);
    }

    private static async Task<T> WaitAsync<T>(Harness h, Task<T> call)
    {
        await h.AdvanceUntilDoneAsync(call);
        return await call;
    }
}

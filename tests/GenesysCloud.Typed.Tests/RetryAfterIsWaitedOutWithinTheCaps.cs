using System.Globalization;
using System.Net;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Typed.Tests.Retrying;

namespace GenesysCloud.Typed.Tests;

/// <summary>A Retry-After (seconds or an HTTP-date, on any retried status, from the API or the login host) is waited
/// out exactly when it is within Retry.MaxRetryAfter and leaves time to send inside the call's budget; beyond either,
/// the server's answer comes at once carrying RetryAfter, one request sent, and with pacing on the pacer never pauses
/// beyond the cap. A Retry-After that cannot be read falls back to backoff with jitter.</summary>
public sealed class RetryAfterIsWaitedOutWithinTheCaps
{
    private static readonly int[] RetriedStatuses = [408, 429, 500, 502, 503, 504];

    public static TheoryData<int> Statuses()
    {
        var data = new TheoryData<int>();
        foreach (var status in RetriedStatuses) data.Add(status);
        return data;
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_retry_after_beyond_max_retry_after_answers_at_once_with_the_servers_error(int status)
    {
        await using var h = await Harness.StartAsync();
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(Answer("/api/v2/users/" + id, status, "3600"));

        var call = h.GetUserAsync(id);
        var error = await Assert.ThrowsAnyAsync<GenesysApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(h.Tap.To("/api/v2/"));
        Assert.Equal(0, h.Connection.Telemetry.Counters.Retries);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_retry_after_beyond_the_calls_remaining_budget_answers_at_once(int status)
    {
        // 90 s is within MaxRetryAfter (2 min) but not within a 60 s budget.
        await using var h = await Harness.StartAsync(client: o => o.Timeout = TimeSpan.FromSeconds(60));
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(Answer("/api/v2/users/" + id, status, "90"));

        var error = await Assert.ThrowsAnyAsync<GenesysApiException>(() => h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Single(h.Tap.To("/api/v2/"));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_retry_after_within_the_caps_is_waited_out_exactly_for_every_retried_status(int status)
    {
        await using var h = await Harness.StartAsync();
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(Answer("/api/v2/users/" + id, status, "7"));

        var waited = await h.AdvanceUntilDoneAsync(h.GetUserAsync(id), step: TimeSpan.FromMilliseconds(250));

        // The delay chosen is the server's, to the second (the fake time that passed also covers the real HTTP).
        Assert.Contains(h.LogLines(), l => l.Contains(status == 429 ? "waiting 00:00:07 " : "retrying in 00:00:07"));
        Assert.True(waited >= TimeSpan.FromSeconds(7), waited.ToString());
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task The_token_endpoint_does_not_wait_out_a_retry_after_beyond_the_cap()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/oauth/token", Status = 503, Body = """{"error":"temporarily_unavailable"}""",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" },
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(503, error.Status);
        Assert.Single(h.Tap.To("/oauth/token"));
    }

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

    private static IReadOnlyList<TimeSpan> ChosenDelays(Harness h) =>
        h.Logs.Collector.GetSnapshot().Where(r => r.Message.Contains("was throttled (429); waiting"))
            .Select(r => TimeSpan.Parse(r.Message.Split("waiting ")[1].Split(' ')[0], CultureInfo.InvariantCulture)).ToList();

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData(null)]
    public async Task Successive_429s_without_a_usable_retry_after_wait_twice_as_long_each_time_with_jitter(string? retryAfter)
    {
        // 1 s base, a cap far above the waits: retry k waits within the upper half of 2^k s ("equal jitter").
        const int retries = 5, calls = 4;
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Retry.MaxRetries = retries;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMinutes(10);
        });

        for (var call = 0; call < calls; call++)
        {
            h.Emulator.Enqueue(Answer(UserPath(h), 429, retryAfter, times: retries));
            await h.AdvanceUntilDoneAsync(h.GetUserAsync(h.Emulator.Users[0].Id), step: TimeSpan.FromMilliseconds(100));
        }

        var delays = ChosenDelays(h);
        Assert.Equal(calls * retries, delays.Count);
        Assert.Equal(calls * (retries + 1), h.Tap.To("/api/v2/").Count());
        for (var call = 0; call < calls; call++)
        {
            for (var k = 0; k < retries; k++)
            {
                var ceiling = TimeSpan.FromSeconds(Math.Pow(2, k));
                Assert.InRange(delays[call * retries + k], ceiling / 2, ceiling);
                if (k > 0) Assert.InRange(delays[call * retries + k] / delays[call * retries + k - 1], 1.0, 4.0);   // about double
            }
        }
        // Jitter: the same retry of different calls does not wait the same.
        for (var k = 0; k < retries; k++)
            Assert.True(Enumerable.Range(0, calls).Select(c => delays[c * retries + k]).Distinct().Count() > 1,
                $"retry {k + 1} waited {delays[k]} in every call");
    }

    [Fact]
    public async Task A_429_without_a_usable_retry_after_never_waits_beyond_max_delay()
    {
        const int retries = 6;
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Retry.MaxRetries = retries;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        });
        h.Emulator.Enqueue(Answer(UserPath(h), 429, null, times: retries));

        await h.AdvanceUntilDoneAsync(h.GetUserAsync(h.Emulator.Users[0].Id), step: TimeSpan.FromMilliseconds(100));

        var delays = ChosenDelays(h);
        Assert.Equal(retries, delays.Count);
        foreach (var delay in delays.Skip(2)) Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
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

    public static TheoryData<int, int> RetryAfters()
    {
        var data = new TheoryData<int, int>();
        foreach (var seconds in new[] { 1, 10, 30, 120 })
            foreach (var leftOver in new[] { -1000, -1, 0, 1, 1000 })
                data.Add(seconds, leftOver);
        return data;
    }

    [Theory]
    [MemberData(nameof(RetryAfters))]
    public void A_retry_after_that_would_use_up_the_budget_is_answered_at_once(int seconds, int leftOverMs)
    {
        // The call has 'seconds' + leftOver of its budget left when a 429 asks for 'seconds': the wait is taken only
        // when time to send remains after it (a wait that ends with the budget ends the call "never sent").
        var clock = new FakeTimeProvider(Harness.Epoch);
        var options = new GenesysCloudOptions { TimeProvider = clock, Timeout = TimeSpan.FromMinutes(10) };
        options.Retry.MaxRetryAfter = TimeSpan.FromMinutes(5);
        var scopes = new CallScopes(options, CancellationToken.None);
        using var call = scopes.Start(new GenesysRequest(HttpMethod.Get, "/api/v2/users/x", "/api/v2/users/{userId}"), default);
        clock.Advance(options.Timeout - TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(leftOverMs));
        _ = call.Waiting();
        using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        var attempts = new Attempts(options.Retry, new PipelineObserver(NullLogger.Instance, new GenesysTelemetry(null), new SecretRedactor()));

        var wait = attempts.Next(call, retries: 0, tooMany, failure: null);

        if (leftOverMs > 0) Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
        else Assert.Null(wait);
    }

    [Theory]
    [InlineData("315360000000")]
    [InlineData("9223372036854775807")]
    [InlineData("86400")]
    public async Task With_pacing_on_a_retry_after_beyond_the_cap_answers_at_once_now_and_for_the_next_call(string retryAfter)
    {
        await using var h = await Harness.StartAsync(client: o => { o.Pacing.RequestsPerMinute = 600; o.Pacing.Burst = 5; o.Timeout = TimeSpan.FromMinutes(5); });
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users/" + id, Status = 429, Times = 2,
            Body = """{"message":"daily quota","code":"too.many.requests.retry.after","status":429}""",
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
        });

        // The fake clock never moves: a call that waited out anything would never end.
        var first = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));
        var second = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(first.RetryAfter >= TimeSpan.FromDays(1));
        Assert.Equal(first.RetryAfter, second.RetryAfter);
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public void Retry_after_parsing_handles_seconds_dates_garbage_and_negatives()
    {
        var now = Harness.Epoch;
        TimeSpan? Parse(string value)
        {
            using var response = new HttpResponseMessage();
            response.Headers.TryAddWithoutValidation("Retry-After", value);
            return RetryAfter.Read(response.Headers, now);
        }
        Assert.Equal(TimeSpan.FromSeconds(17), Parse("17"));
        Assert.Equal(TimeSpan.FromSeconds(90), Parse((now + TimeSpan.FromSeconds(90)).ToString("r")));
        Assert.Equal(TimeSpan.Zero, Parse((now - TimeSpan.FromHours(1)).ToString("r")));
        Assert.Null(Parse("soon"));
        Assert.Null(Parse("1.5"));                                   // not a date, however lenient parsers see it
        Assert.Equal(TimeSpan.FromSeconds(90), Parse((now + TimeSpan.FromSeconds(90)).UtcDateTime.ToString("dddd, dd-MMM-yy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(Parse("-3"));
        Assert.Null(Parse(""));
        Assert.Equal(TimeSpan.FromDays(365), Parse("99999999999999999"));          // bounded, so now + wait is always a time
        Assert.Equal(TimeSpan.FromDays(365), Parse("Fri, 31 Dec 9999 23:59:59 GMT"));
    }
}

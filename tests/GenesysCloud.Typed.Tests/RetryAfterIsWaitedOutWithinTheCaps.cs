using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Retries tell the truth: one Retry-After rule for every retried status, one transient classifier for API
/// calls and the token endpoint, no retry of our own limits, and MayHaveBeenProcessed only for requests that were sent.</summary>
public sealed class RetryTruthTests
{
    private static readonly int[] RetriedStatuses = [408, 429, 500, 502, 503, 504];

    public static TheoryData<int> Statuses()
    {
        var data = new TheoryData<int>();
        foreach (var status in RetriedStatuses) data.Add(status);
        return data;
    }

    private static ScriptedResponse Answer(string path, int status, string? retryAfter, int times = 1) => new()
    {
        Path = path,
        Status = status,
        Times = times,
        Body = $$"""{"message":"try later","code":"status.{{status}}","status":{{status}}}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

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
    public async Task A_503_on_a_write_is_retried_because_it_was_not_processed_but_a_500_is_not()
    {
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        h.Emulator.Enqueue(Answer("/api/v2/users/" + user.Id, 503, "1") );
        var patched = await h.AdvanceUntilDoneAsync(h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "t" }),
            step: TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, h.Tap.To("/api/v2/").Count(r => r.Method == "PATCH"));

        h.Emulator.Enqueue(Answer("/api/v2/users/" + user.Id, 500, "1"));
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version + 1, Title = "u" }));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count(r => r.Method == "PATCH"));
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

    [Fact]
    public async Task A_request_that_timed_out_before_it_was_ever_sent_never_says_it_may_have_been_processed()
    {
        // One write a minute and a 5 s budget: the first goes out, the other nine wait for a turn that never comes in time.
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Pacing.RequestsPerMinute = 1;
            o.Pacing.Burst = 1;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        var users = h.Emulator.Users.Take(10).ToList();

        var writes = users.Select(u => h.PatchUserAsync(u.Id, new UpdateUser { Version = u.Version, Title = "late" })).ToArray();
        await h.AdvanceUntilDoneAsync(Task.WhenAll(writes).ContinueWith(_ => { }), step: TimeSpan.FromMilliseconds(250));

        Assert.Single(h.Tap.To("/api/v2/"));
        _ = Assert.Single(writes, w => w.IsCompletedSuccessfully);
        var failed = writes.Where(w => w.IsFaulted).Select(w => Assert.IsType<GenesysTransportException>(w.Exception!.InnerException)).ToList();
        Assert.Equal(9, failed.Count);
        Assert.All(failed, f => Assert.False(f.MayHaveBeenProcessed, f.Message));
        Assert.All(failed, f => Assert.Contains("never sent", f.Message));
    }

    [Fact]
    public async Task An_answer_over_max_response_bytes_is_not_asked_for_again()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxResponseBytes = 1024);

        var error = await Assert.ThrowsAsync<GenesysTransportException>(async () =>
        {
            await foreach (var _ in h.ListUsers(50)) { }
        });

        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Single(h.Tap.To("/api/v2/users"));
        Assert.Equal(0, h.Connection.Telemetry.Counters.Retries);
    }

    [Theory]
    [InlineData(501, 1)]   // not transient: one request, a clear refusal
    [InlineData(400, 1)]
    [InlineData(503, 2)]   // transient: retried, then served
    [InlineData(502, 2)]   // client credentials may be repeated
    [InlineData(429, 2)]
    public async Task The_token_endpoint_follows_the_same_transient_rule_as_the_api(int status, int expectedTokenRequests)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = "/oauth/token", Status = status, Body = """{"error":"temporarily_unavailable"}""" });

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        var outcome = await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(250)));

        Assert.Equal(expectedTokenRequests, h.Tap.To("/oauth/token").Count());
        if (expectedTokenRequests == 1) Assert.IsType<GenesysAuthenticationException>(outcome);
        else Assert.Null(outcome);
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

    [Fact]
    public async Task A_trickling_token_endpoint_surfaces_as_a_genesys_authentication_error_not_a_timeout_exception()
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Tokens.FetchTimeout = TimeSpan.FromSeconds(10);
            o.HttpMessageHandler = new StallingHandler("/oauth/token", o.HttpMessageHandler!);
        });

        var outcome = await Outcome.Of(h.AdvanceUntilDoneAsync(h.GetUserAsync(h.Emulator.Users[0].Id), step: TimeSpan.FromSeconds(1)));

        var error = Assert.IsType<GenesysAuthenticationException>(outcome);
        Assert.Contains("FetchTimeout", error.Message);
    }

    /// <summary>A server that accepts the request and never answers on one path.</summary>
    private sealed class StallingHandler(string path, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == path) await Task.Delay(Timeout.Infinite, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

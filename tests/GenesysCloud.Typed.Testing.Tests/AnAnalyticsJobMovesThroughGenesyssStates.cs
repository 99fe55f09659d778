using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>An analytics job moves through Genesys's states: QUEUED → PENDING → FULFILLED or FAILED, CANCELLED, EXPIRED, with
/// the time and polls each needs; results only when FULFILLED; a deleted or unknown job is a 404.</summary>
public sealed class AnAnalyticsJobMovesThroughGenesyssStates
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-26T10:00:00Z");
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-01-02T00:00:00Z");

    [Fact]
    public async Task A_job_is_fulfilled_exactly_when_it_was_polled_enough_and_ran_long_enough()
    {
        foreach (var pollsNeeded in new[] { 0, 1, 2, 4 })
        foreach (var duration in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(45) })
        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7) })
        {
            var clock = new FakeTimeProvider(Now);
            await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
            {
                TimeProvider = clock, AnalyticsPollsBeforeFulfilled = pollsNeeded, AnalyticsJobDuration = duration,
                AnalyticsStatusPollsPerMinute = null,
            });
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var jobId = await jobs.SubmitAsync(From, To);
            var submitted = clock.GetUtcNow();
            var fulfilled = false;
            for (var poll = 1; poll <= 12; poll++)
            {
                // Results are readable once the job is done, which a results call sees without polling.
                var done = poll - 1 > pollsNeeded && clock.GetUtcNow() - submitted >= duration;
                var (early, _) = await jobs.PageAsync(jobId, null);
                Assert.Equal(done ? HttpStatusCode.OK : HttpStatusCode.BadRequest, early);
                if (fulfilled) Assert.True(done);

                var state = await jobs.StateAsync(jobId);
                var shouldBeDone = poll > pollsNeeded && clock.GetUtcNow() - submitted >= duration;
                var expected = shouldBeDone ? "FULFILLED" : poll == 1 ? "QUEUED" : "PENDING";
                Assert.True(expected == state, $"polls needed {pollsNeeded}, duration {duration}, step {step}, poll {poll}: {state}, expected {expected}");
                fulfilled = state == "FULFILLED";
                clock.Advance(step);
            }
            if (duration == TimeSpan.Zero) Assert.True(fulfilled);
            if (step == TimeSpan.Zero && duration > TimeSpan.Zero) Assert.False(fulfilled); // the clock never moved: it never finishes
        }
    }

    [Fact]
    public async Task The_status_carries_the_submission_and_expiration_dates_and_no_error_message_unless_failed()
    {
        var clock = new FakeTimeProvider(Now);
        var lifetime = TimeSpan.FromHours(5);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AnalyticsJobLifetime = lifetime });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var jobId = await jobs.SubmitAsync(From, To);
        clock.Advance(TimeSpan.FromMinutes(3));

        var (_, status) = await jobs.StatusAsync(jobId);
        Assert.Equal(Now, status.GetProperty("submissionDate").GetDateTimeOffset());
        Assert.Equal(Now + lifetime, status.GetProperty("expirationDate").GetDateTimeOffset());
        Assert.False(status.TryGetProperty("errorMessage", out _));
    }

    [Fact]
    public async Task A_job_expires_after_its_lifetime_whatever_its_state_and_its_results_then_answer_404_saying_so()
    {
        foreach (var lifetime in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30), TimeSpan.FromDays(1) })
        foreach (var pollsFirst in new[] { 0, 1, 3, 5 })
        {
            var clock = new FakeTimeProvider(Now);
            await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
            {
                TimeProvider = clock, AnalyticsJobLifetime = lifetime, AccessTokenLifetime = TimeSpan.FromDays(3),
            });
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var jobId = await jobs.SubmitAsync(From, To);
            for (var i = 0; i < pollsFirst; i++) await jobs.StateAsync(jobId);
            var before = emulator.JobState(jobId);
            var (readable, _) = await jobs.PageAsync(jobId, null);
            Assert.Equal(before == "FULFILLED" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, readable);

            clock.Advance(lifetime - TimeSpan.FromTicks(1));
            Assert.Equal(before, emulator.JobState(jobId));
            clock.Advance(TimeSpan.FromTicks(1));

            Assert.Equal("EXPIRED", await jobs.StateAsync(jobId));
            Assert.Equal("EXPIRED", await jobs.StateAsync(jobId));
            var (results, error) = await jobs.PageAsync(jobId, null);
            Assert.Equal(HttpStatusCode.NotFound, results);
            Assert.Equal("not.found", error.GetProperty("code").GetString());
            Assert.Contains("expired", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task ExpireJob_expires_a_job_now_even_in_the_middle_of_reading_its_results()
    {
        var clock = new FakeTimeProvider(Now);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, ConversationCount = 500 });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var jobId = await jobs.SubmitAsync(emulator.ConversationSpan.Start, emulator.ConversationSpan.End);
        Assert.Equal("FULFILLED", await jobs.PollToEndAsync(jobId));
        var (first, page) = await jobs.PageAsync(jobId, null, 100);
        Assert.Equal(HttpStatusCode.OK, first);

        Assert.True(emulator.ExpireJob(jobId));
        Assert.False(emulator.ExpireJob("no-such-job"));
        var (next, _) = await jobs.PageAsync(jobId, page.GetProperty("cursor").GetString(), 100);
        var (_, status) = await jobs.StatusAsync(jobId);

        Assert.Equal(HttpStatusCode.NotFound, next);
        Assert.Equal("EXPIRED", status.GetProperty("state").GetString());
        Assert.Equal(Now, status.GetProperty("expirationDate").GetDateTimeOffset());
        var (deleted, _) = await wire.SendAsync(HttpMethod.Delete, $"{Jobs.Path}/{jobId}", await wire.ClientCredentialsTokenAsync());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task The_failure_rate_fails_about_that_share_of_jobs_the_same_ones_for_the_same_seed()
    {
        foreach (var rate in new[] { 0.0, 0.1, 0.5, 1.0 })
        {
            var first = await FailedJobNumbersAsync(rate, seed: 7);
            var again = await FailedJobNumbersAsync(rate, seed: 7);
            Assert.Equal(first, again);
            if (rate == 0) Assert.Empty(first);
            else if (rate == 1) Assert.Equal(120, first.Count);
            else Assert.InRange(first.Count, 120 * rate * 0.5, 120 * rate * 1.5);
        }
        Assert.NotEqual(await FailedJobNumbersAsync(0.5, seed: 7), await FailedJobNumbersAsync(0.5, seed: 8));
    }

    private static async Task<List<int>> FailedJobNumbersAsync(double rate, int seed)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            AnalyticsJobFailureRate = rate, Seed = seed, AnalyticsStatusPollsPerMinute = null, AnalyticsPollsBeforeFulfilled = 0,
            RateLimit = { Enabled = false }, ConversationCount = 10,
        });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var failed = new List<int>();
        for (var n = 0; n < 120; n++)
        {
            var jobId = await jobs.SubmitAsync(From, To);
            var (_, status) = await jobs.StatusAsync(jobId);
            var state = status.GetProperty("state").GetString();
            Assert.True(state is "FULFILLED" or "FAILED", state);
            if (state != "FAILED") continue;
            failed.Add(n);
            Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("errorMessage").GetString()));
            var (results, error) = await jobs.PageAsync(jobId, null);
            Assert.Equal(HttpStatusCode.BadRequest, results);
            Assert.Contains("FAILED", error.GetProperty("message").GetString());
        }
        return failed;
    }

    [Fact]
    public async Task FailNextJobs_fails_exactly_the_next_jobs_with_the_reason_after_they_ran_like_any_job()
    {
        foreach (var count in new[] { 0, 1, 3 })
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { AnalyticsStatusPollsPerMinute = null });
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            emulator.FailNextJobs(count, "Query timed out after 120 s");
            for (var n = 0; n < count + 2; n++)
            {
                var jobId = await jobs.SubmitAsync(From, To);
                Assert.Equal("QUEUED", await jobs.StateAsync(jobId));
                Assert.Equal("PENDING", await jobs.StateAsync(jobId));
                var (_, status) = await jobs.StatusAsync(jobId);
                if (n < count)
                {
                    Assert.Equal("FAILED", status.GetProperty("state").GetString());
                    Assert.Equal("Query timed out after 120 s", status.GetProperty("errorMessage").GetString());
                }
                else
                {
                    Assert.Equal("FULFILLED", status.GetProperty("state").GetString());
                }
            }
        }
    }

    [Fact]
    public async Task A_details_job_goes_queued_pending_fulfilled_then_pages_results_by_cursor()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 250 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (submitted, job) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, """{"interval":"2026-01-01T00:00:00Z/2026-02-01T00:00:00Z"}""");
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = job.GetProperty("jobId").GetString();

        var (early, _) = await wire.GetAsync($"{Jobs.Path}/{jobId}/results", token);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var states = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, status) = await wire.GetAsync($"{Jobs.Path}/{jobId}", token);
            states.Add(status.GetProperty("state").GetString()!);
        }
        Assert.Equal(new[] { "QUEUED", "PENDING", "FULFILLED" }, states);

        var ids = new List<string>();
        var cursor = "";
        var pages = 0;
        do
        {
            var (response, page) = await wire.GetAsync($"{Jobs.Path}/{jobId}/results?pageSize=100" + (cursor.Length > 0 ? "&cursor=" + cursor : ""), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.AddRange(page.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("conversationId").GetString()!));
            cursor = page.TryGetProperty("cursor", out var c) ? c.GetString()! : "";
            pages++;
        } while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(250, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_job_needs_an_interval_and_unknown_jobs_are_404()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (noInterval, _) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, "{}");
        var (unknown, _) = await wire.GetAsync($"{Jobs.Path}/nope", token);
        Assert.Equal(HttpStatusCode.BadRequest, noInterval.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_deleted_job_is_gone_its_status_and_results_answer_404_and_a_second_delete_too()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, job) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""");
        var jobId = job.GetProperty("jobId").GetString();

        var (deleted, _) = await wire.SendAsync(HttpMethod.Delete, $"{Jobs.Path}/{jobId}", token);
        var (status, statusError) = await wire.GetAsync($"{Jobs.Path}/{jobId}", token);
        var (results, resultsError) = await wire.GetAsync($"{Jobs.Path}/{jobId}/results", token);
        var (again, _) = await wire.SendAsync(HttpMethod.Delete, $"{Jobs.Path}/{jobId}", token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal("not.found", statusError.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal("not.found", resultsError.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, emulator.Ledger.JobsSubmitted);
        Assert.Equal(1, emulator.Ledger.JobsDeleted);
        Assert.Null(emulator.JobState(jobId!));
    }

    [Fact]
    public async Task A_job_cancelled_on_the_server_reports_cancelled_and_its_results_answer_400_naming_the_state()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, job) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""");
        var jobId = job.GetProperty("jobId").GetString()!;

        Assert.True(emulator.CancelJob(jobId));
        Assert.False(emulator.CancelJob("no-such-job"));
        for (var i = 0; i < 4; i++)
        {
            var (_, status) = await wire.GetAsync($"{Jobs.Path}/{jobId}", token);
            Assert.Equal("CANCELLED", status.GetProperty("state").GetString());
        }
        var (results, error) = await wire.GetAsync($"{Jobs.Path}/{jobId}/results", token);
        Assert.Equal(HttpStatusCode.BadRequest, results.StatusCode);
        Assert.Contains("CANCELLED", error.GetProperty("message").GetString());
    }
}

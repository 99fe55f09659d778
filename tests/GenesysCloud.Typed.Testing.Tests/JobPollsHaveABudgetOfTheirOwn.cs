using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Job status polls have a per-client budget of their own: polls beyond it answer 429 with the seconds left, they
/// do not spend the general budget nor does it block them, and every token of a client shares it.</summary>
public sealed class JobPollsHaveABudgetOfTheirOwn
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-26T10:00:00Z");
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-01-02T00:00:00Z");

    [Fact]
    public async Task Polls_beyond_the_per_minute_limit_answer_429_with_the_seconds_left_and_the_next_minute_is_open()
    {
        foreach (var limit in new[] { 1, 2, 5, 17 })
        foreach (var into in new[] { 0, 1, 25, 59 })
        {
            var clock = new FakeTimeProvider(Now);
            await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AnalyticsStatusPollsPerMinute = limit });
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var jobId = await jobs.SubmitAsync(From, To);
            for (var i = 0; i < limit; i++) Assert.Equal(HttpStatusCode.OK, (await jobs.StatusAsync(jobId)).Status);
            clock.Advance(TimeSpan.FromSeconds(into));

            var (response, error) = await wire.GetAsync($"{Jobs.Path}/{jobId}", await wire.ClientCredentialsTokenAsync());
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal("too.many.requests", error.GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(60 - into), response.Headers.RetryAfter!.Delta);
            Assert.Equal(1, emulator.Ledger.JobStatusPollsThrottled);
            Assert.Equal(limit, emulator.Ledger.JobStatusPolls);

            clock.Advance(TimeSpan.FromSeconds(60 - into));
            Assert.Equal(HttpStatusCode.OK, (await jobs.StatusAsync(jobId)).Status);
        }
    }

    [Fact]
    public async Task Polls_do_not_spend_the_general_budget_and_the_general_budget_does_not_block_polls()
    {
        var clock = new FakeTimeProvider(Now);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock, AnalyticsStatusPollsPerMinute = 200, RateLimit = { RequestsPerWindow = 3 },
        });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var jobs = new Jobs(wire, token);
        var jobId = await jobs.SubmitAsync(From, To);                                    // general 1
        for (var i = 0; i < 150; i++) Assert.Equal(HttpStatusCode.OK, (await jobs.StatusAsync(jobId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync("/api/v2/users", token)).Response.StatusCode);   // general 2
        Assert.Equal(HttpStatusCode.OK, (await jobs.PageAsync(jobId, null)).Status);      // general 3
        Assert.Equal((HttpStatusCode)429, (await wire.GetAsync("/api/v2/users", token)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jobs.StatusAsync(jobId)).Status);           // polls still open
    }

    [Fact]
    public async Task The_poll_budget_is_shared_by_every_token_of_a_client_and_unlimited_when_null()
    {
        var clock = new FakeTimeProvider(Now);
        await using (var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AnalyticsStatusPollsPerMinute = 4 }))
        {
            using var wire = new Wire(emulator);
            var first = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var second = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var jobId = await first.SubmitAsync(From, To);
            for (var i = 0; i < 2; i++) await first.StatusAsync(jobId);
            for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await second.StatusAsync(jobId)).Status);
            Assert.Equal((HttpStatusCode)429, (await second.StatusAsync(jobId)).Status);
            Assert.Equal((HttpStatusCode)429, (await first.StatusAsync(jobId)).Status);
        }
        await using (var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AnalyticsStatusPollsPerMinute = null }))
        {
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var jobId = await jobs.SubmitAsync(From, To);
            for (var i = 0; i < 500; i++) Assert.Equal(HttpStatusCode.OK, (await jobs.StatusAsync(jobId)).Status);
            Assert.Equal(0, emulator.Ledger.JobStatusPollsThrottled);
        }
    }

}

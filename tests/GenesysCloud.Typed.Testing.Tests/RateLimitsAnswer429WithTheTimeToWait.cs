using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Rate limits answer 429 with the time to wait: 300 requests a minute per token (or per client), a daily quota, the
/// rate-limit headers on request, and a switch to turn them off.</summary>
public sealed class RateLimitsAnswer429WithTheTimeToWait
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-26T10:00:00Z");

    [Fact]
    public async Task The_301st_request_in_a_window_answers_429_with_retry_after_and_the_next_window_is_open()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, UserCount = 1 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = "/api/v2/users/" + emulator.Users[0].Id;

        for (var i = 0; i < 300; i++)
        {
            var (ok, _) = await wire.GetAsync(user, token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        clock.Advance(TimeSpan.FromSeconds(20));
        var (limited, json) = await wire.GetAsync(user, token);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("too.many.requests", json.GetProperty("code").GetString());
        Assert.Equal("Rate limit exceeded the maximum [300] requests within [60] seconds", json.GetProperty("message").GetString());
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(1, emulator.Ledger.Throttled);

        clock.Advance(TimeSpan.FromSeconds(40));
        var (open, _) = await wire.GetAsync(user, token);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Budgets_are_per_token_by_default_and_shared_per_client_on_request()
    {
        foreach (var (key, secondTokenAllowed) in new[] { (RateLimitKey.AccessToken, true), (RateLimitKey.Client, false) })
        {
            var options = new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start), RateLimit = { RequestsPerWindow = 5, Key = key } };
            await using var emulator = await GenesysCloudEmulator.StartAsync(options);
            using var wire = new Wire(emulator);
            var first = await wire.ClientCredentialsTokenAsync();
            var second = await wire.ClientCredentialsTokenAsync();
            for (var i = 0; i < 5; i++) await wire.GetAsync("/api/v2/users", first);

            var (response, _) = await wire.GetAsync("/api/v2/users", second);

            Assert.Equal(secondTokenAllowed ? HttpStatusCode.OK : (HttpStatusCode)429, response.StatusCode);
        }
    }

    [Fact]
    public async Task Rate_limit_headers_are_sent_when_asked_for()
    {
        var options = new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start), RateLimit = { RequestsPerWindow = 10, SendRateLimitHeaders = true } };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        await wire.GetAsync("/api/v2/users", token);
        var (response, _) = await wire.GetAsync("/api/v2/users", token);

        Assert.Equal("10", response.Headers.GetValues("inin-ratelimit-allowed").Single());
        Assert.Equal("2", response.Headers.GetValues("inin-ratelimit-count").Single());
        Assert.Equal("60", response.Headers.GetValues("inin-ratelimit-reset").Single());
    }

    [Fact]
    public async Task A_spent_daily_quota_answers_429_with_a_retry_after_of_hours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T18:00:00Z"));
        var options = new EmulatorOptions { TimeProvider = clock, RateLimit = { DailyQuota = 3 } };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync("/api/v2/users", token)).Response.StatusCode);

        var (response, json) = await wire.GetAsync("/api/v2/users", token);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal("too.many.requests.retry.after", json.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromHours(6), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Rate_limits_can_be_switched_off()
    {
        var options = new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start), RateLimit = { Enabled = false, RequestsPerWindow = 1 } };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync("/api/v2/users", token)).Response.StatusCode);
        Assert.Equal(0, emulator.Ledger.Throttled);
    }
}

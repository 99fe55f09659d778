using System.Net;

namespace GenesysCloud.Typed.Tests;

/// <summary>A call outlives its token: an expired or revoked token costs one fetch for everyone and at most one replay
/// of each request (a write replayed with a byte-identical body), and a token no fetch can cure (ip.not.authorized, a
/// static token, bad client credentials) ends the call once with a clear error.</summary>
public sealed class CallsOutliveTheirTokens
{
    [Fact]
    public async Task A_thousand_concurrent_requests_with_an_expired_token_cause_exactly_one_token_request()
    {
        await using var h = await Harness.StartAsync(e => { e.AccessTokenLifetime = TimeSpan.FromMinutes(10); e.RateLimit.Enabled = false; });
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        Assert.Equal(1, h.Emulator.Ledger.TokenRequests("client_credentials"));
        h.FakeClock.Advance(TimeSpan.FromMinutes(10));

        var users = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => h.GetUserAsync(id)));

        Assert.Equal(1000, users.Length);
        Assert.Equal(2, h.Emulator.Ledger.TokenRequests("client_credentials"));
        Assert.Equal(0, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 401));
    }

    [Fact]
    public async Task A_run_across_many_one_second_token_lifetimes_has_no_failed_request()
    {
        await using var h = await Harness.StartAsync(e => { e.AccessTokenLifetime = TimeSpan.FromSeconds(1); e.RateLimit.Enabled = false; });
        var ids = h.Emulator.Users.Select(u => u.Id).ToArray();
        var failures = 0;
        for (var step = 0; step < 60; step++)   // 60 × 250 ms = 15 token lifetimes
        {
            var results = await Task.WhenAll(ids.Take(20).Select(async id =>
            {
                try { await h.GetUserAsync(id); return true; }
                catch (Exception) { return false; }
            }));
            failures += results.Count(ok => !ok);
            h.FakeClock.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.Equal(0, failures);
        Assert.InRange(h.Emulator.Ledger.TokenRequests("client_credentials"), 15, 31);
        Assert.Equal(1200, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 200));
    }

    [Fact]
    public async Task A_token_the_server_expires_early_is_replaced_after_its_401()
    {
        // The server's lifetime (500 ms) is shorter than expires_in says (1 s): the client only learns from the 401.
        await using var h = await Harness.StartAsync(e => e.AccessTokenLifetime = TimeSpan.FromMilliseconds(500));
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        h.FakeClock.Advance(TimeSpan.FromMilliseconds(600));

        await h.GetUserAsync(id);

        Assert.Equal(1, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 401));
        Assert.Equal(2, h.Emulator.Ledger.TokenRequests("client_credentials"));
    }

    [Fact]
    public async Task A_revoked_token_under_load_is_reacquired_once_and_each_request_replayed_at_most_once()
    {
        await using var h = await Harness.StartAsync(e => e.RateLimit.Enabled = false);
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        h.Emulator.RevokeAccessTokens("emulator-client");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => h.GetUserAsync(id)));

        Assert.Equal(2, h.Emulator.Ledger.TokenRequests("client_credentials"));
        var unauthorized = h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 401);
        Assert.InRange(unauthorized, 1, 200);
        Assert.Equal(201, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 200));
        Assert.Equal(201 + unauthorized, h.Tap.To("/api/v2/").Count());   // no request sent more than twice
    }

    [Fact]
    public async Task Ip_not_authorized_is_not_refreshed_and_says_so()
    {
        await using var h = await Harness.StartAsync();
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        h.Emulator.BlockIp = true;

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.GetUserAsync(id));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("ip.not.authorized", error.Code);
        Assert.NotNull(error.CorrelationId);
        Assert.Equal(1, h.Emulator.Ledger.TokenRequests("client_credentials"));
        Assert.Equal(1, h.Emulator.Ledger.Requests("GET /api/v2/users/{userId}", 401));
    }

    [Fact]
    public async Task A_static_token_that_is_rejected_fails_after_one_replay_without_looping()
    {
        await using var h = await Harness.StartAsync(client: o => { o.ClientId = null; o.ClientSecret = null; o.Credential = GenesysCredential.StaticToken("made-up"); });
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));
        Assert.Equal("bad.credentials", error.Code);
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task Bad_client_credentials_end_in_an_authentication_exception_without_the_secret()
    {
        await using var h = await Harness.StartAsync(client: o => o.ClientSecret = "wrong-secret-value");
        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));
        Assert.Equal("invalid_client", error.Error);
        Assert.Equal(401, error.Status);
        Assert.Contains("client id and secret", error.Message);
        Assert.DoesNotContain("wrong-secret-value", error.ToString());
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
}

using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Only a live token with the endpoint's scope is served: a missing, unknown, expired or revoked token is a 401
/// with Genesys's code, a blocked address <c>ip.not.authorized</c>, an authorization-code token without the scope a 403;
/// on every route, the analytics jobs and the user search included.</summary>
public sealed class OnlyALiveTokenWithTheScopeIsServed
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-26T10:00:00Z");
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-01-02T00:00:00Z");

    [Theory]
    [InlineData(null, "authentication.required")]
    [InlineData("not-a-token", "bad.credentials")]
    public async Task Requests_without_a_valid_token_answer_401_with_the_genesys_code(string? token, string code)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);

        var (response, json) = await wire.GetAsync("/api/v2/users", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal(401, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_revoked_access_token_answers_bad_credentials_and_others_keep_working()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var revoked = await wire.ClientCredentialsTokenAsync();
        var other = await wire.ClientCredentialsTokenAsync();

        Assert.True(emulator.RevokeAccessToken(revoked));
        var (rejected, json) = await wire.GetAsync("/api/v2/users", revoked);
        var (accepted, _) = await wire.GetAsync("/api/v2/users", other);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("bad.credentials", json.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Revoking_all_tokens_of_a_client_kills_access_and_refresh_tokens()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var access = await wire.ClientCredentialsTokenAsync();
        var refresh = await Grants.RedeemAsync(emulator, wire);

        Assert.Equal(3, emulator.RevokeAllTokens("emulator-client"));
        var (api, _) = await wire.GetAsync("/api/v2/users", access);
        var (token, _) = await wire.TokenAsync([new("grant_type", "refresh_token"), new("refresh_token", refresh)], Wire.Basic("emulator-client", "emulator-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
    }

    [Fact]
    public async Task The_ip_block_switch_answers_ip_not_authorized()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        emulator.BlockIp = true;
        var (blocked, json) = await wire.GetAsync("/api/v2/users", token);
        emulator.BlockIp = false;
        var (open, _) = await wire.GetAsync("/api/v2/users", token);

        Assert.Equal(HttpStatusCode.Unauthorized, blocked.StatusCode);
        Assert.Equal("ip.not.authorized", json.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Authorization_code_tokens_are_checked_against_each_endpoints_scopes()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 3 });
        using var wire = new Wire(emulator);
        var readOnly = await Grants.AccessTokenWithScopesAsync(emulator, wire, "users:readonly");
        var analyticsOnly = await Grants.AccessTokenWithScopesAsync(emulator, wire, "analytics");
        var full = await Grants.AccessTokenWithScopesAsync(emulator, wire, "users");
        var user = emulator.Users[0];
        var patch = $$"""{"department":"Sales","version":{{user.Version}}}""";

        var (readOk, _) = await wire.GetAsync("/api/v2/users", readOnly);
        var (writeDenied, denied) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, readOnly, patch);
        var (readDenied, deniedRead) = await wire.GetAsync("/api/v2/users", analyticsOnly);
        var (fullRead, _) = await wire.GetAsync("/api/v2/users/" + user.Id, full);   // users covers users:readonly
        var (fullWrite, _) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, full, patch);

        Assert.Equal(HttpStatusCode.OK, readOk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeDenied.StatusCode);
        Assert.Contains("users", denied.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, readDenied.StatusCode);
        Assert.Contains("users:readonly", deniedRead.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, fullRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fullWrite.StatusCode);
    }

    [Fact]
    public async Task Client_credentials_tokens_are_not_scope_checked()
    {
        var options = new EmulatorOptions
        {
            Clients = [new EmulatorClient { ClientId = "cc", ClientSecret = "s", Scopes = ["analytics"] }],
        };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync("cc", "s");
        var (response, _) = await wire.GetAsync("/api/v2/users", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_job_and_search_route_needs_a_live_token_and_the_scope()
    {
        var clock = new FakeTimeProvider(Now);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var jobId = await new Jobs(wire, token).SubmitAsync(From, To);
        var routes = new (HttpMethod Method, string Path, string? Body, string Scope)[]
        {
            (HttpMethod.Post, Jobs.Path, """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""", "analytics"),
            (HttpMethod.Get, $"{Jobs.Path}/{jobId}", null, "analytics"),
            (HttpMethod.Get, $"{Jobs.Path}/{jobId}/results", null, "analytics"),
            (HttpMethod.Delete, $"{Jobs.Path}/{jobId}", null, "analytics"),
            (HttpMethod.Post, "/api/v2/users/search", "{}", "users"),
        };
        var usersOnly = await Grants.AuthorizationCodeTokenAsync(emulator, wire, ["users"]);
        var analyticsOnly = await Grants.AuthorizationCodeTokenAsync(emulator, wire, ["analytics:readonly"]);
        foreach (var (method, path, body, scope) in routes)
        {
            var (missing, e1) = await wire.SendAsync(method, path, null, body);
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
            Assert.Equal("authentication.required", e1.GetProperty("code").GetString());
            var (forbidden, e2) = await wire.SendAsync(method, path, scope == "users" ? analyticsOnly : usersOnly, body);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("not.authorized", e2.GetProperty("code").GetString());
        }
        clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var (method, path, body, _) in routes)
        {
            var (expired, error) = await wire.SendAsync(method, path, token, body);
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            Assert.Equal("credentials.expired", error.GetProperty("code").GetString());
        }
    }
}

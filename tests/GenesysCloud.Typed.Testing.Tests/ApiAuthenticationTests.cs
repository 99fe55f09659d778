using System.Net;

namespace GenesysCloud.Typed.Testing.Tests;

public sealed class ApiAuthenticationTests
{
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
    public async Task Every_response_carries_a_correlation_id_equal_to_the_error_context_id()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (ok, _) = await wire.GetAsync("/api/v2/users", token);
        var (missing, json) = await wire.GetAsync("/api/v2/users/no-such-user", token);

        Assert.True(ok.Headers.TryGetValues("inin-correlation-id", out var okIds));
        Assert.Single(okIds);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.Headers.GetValues("inin-correlation-id").Single(), json.GetProperty("contextId").GetString());
        Assert.Equal("not.found", json.GetProperty("code").GetString());
        foreach (var field in new[] { "message", "messageWithParams", "messageParams", "details", "errors" })
            Assert.True(json.TryGetProperty(field, out _), field);
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
        var refresh = await OAuthTests.RedeemAsync(emulator, wire);

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
        var readOnly = await OAuthTests.AccessTokenWithScopesAsync(emulator, wire, "users:readonly");
        var analyticsOnly = await OAuthTests.AccessTokenWithScopesAsync(emulator, wire, "analytics");
        var full = await OAuthTests.AccessTokenWithScopesAsync(emulator, wire, "users");
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
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The token endpoint answers as Genesys's does: client credentials, authorization code (a code works once, for its
/// redirect URI), refresh with and without rotation, PKCE, revocation, and the OAuth error shape for every refusal.</summary>
public sealed class OAuthGrantsAnswerAsGenesysDoes
{
    private const string Redirect = "http://localhost:8080/callback";

    [Fact]
    public async Task Client_credentials_answers_a_bearer_token_without_a_refresh_token()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        using var wire = new Wire(emulator);

        var (response, json) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(300, json.GetProperty("expires_in").GetInt64());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("access_token").GetString()));
        Assert.False(json.TryGetProperty("refresh_token", out _));
        Assert.Equal(1, emulator.Ledger.TokenRequests("client_credentials"));
    }

    [Fact]
    public async Task Sub_second_lifetimes_round_expires_in_up_to_whole_seconds()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { AccessTokenLifetime = TimeSpan.FromMilliseconds(500) });
        using var wire = new Wire(emulator);
        var (_, json) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret"));
        Assert.Equal(1, json.GetProperty("expires_in").GetInt64());
    }

    [Theory]
    [InlineData("emulator-client", "wrong-secret")]
    [InlineData("nobody", "emulator-secret")]
    public async Task Bad_client_credentials_answer_invalid_client_in_the_oauth_shape(string id, string secret)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);

        var (response, json) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic(id, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("description").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        Assert.Equal(1, emulator.Ledger.TokenErrors("invalid_client"));
    }

    [Fact]
    public async Task A_missing_basic_header_is_invalid_client_and_an_unknown_grant_is_unsupported()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);

        var (noAuth, noAuthJson) = await wire.TokenAsync([new("grant_type", "client_credentials")], null);
        var (unknown, unknownJson) = await wire.TokenAsync([new("grant_type", "password")], Wire.Basic("emulator-client", "emulator-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);
        Assert.Equal("invalid_client", noAuthJson.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unsupported_grant_type", unknownJson.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_client_without_a_grant_is_refused_that_grant()
    {
        var options = new EmulatorOptions
        {
            Clients = [new EmulatorClient { ClientId = "code-only", ClientSecret = "s", Grants = EmulatorGrants.AuthorizationCode }],
        };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        var (response, json) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("code-only", "s"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_code_gives_a_refresh_token_and_a_code_works_once()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var code = emulator.CreateAuthorizationCode("emulator-client", Redirect);
        KeyValuePair<string, string>[] form = [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect)];

        var (first, json) = await wire.TokenAsync(form, Wire.Basic("emulator-client", "emulator-secret"));
        var (second, secondJson) = await wire.TokenAsync(form, Wire.Basic("emulator-client", "emulator-secret"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("refresh_token").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", secondJson.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_presented_with_another_redirect_uri_is_invalid_grant()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var code = emulator.CreateAuthorizationCode("emulator-client", Redirect);
        var (response, json) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", "http://evil.example/cb")],
            Wire.Basic("emulator-client", "emulator-secret"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_authorize_endpoint_redirects_back_with_a_usable_code_and_the_state()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseAddress };
        using var wire = new Wire(emulator);

        var response = await http.GetAsync($"oauth/authorize?response_type=code&client_id=emulator-client&redirect_uri={Uri.EscapeDataString(Redirect)}&state=xyz");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect + "?code=", location.ToString());
        Assert.EndsWith("&state=xyz", location.ToString());
        var code = Uri.UnescapeDataString(location.Query.Split('&')[0]["?code=".Length..]);
        var (token, _) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect)],
            Wire.Basic("emulator-client", "emulator-secret"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Refresh_without_rotation_keeps_the_refresh_token_usable()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var refresh = await Grants.RedeemAsync(emulator, wire);

        for (var i = 0; i < 3; i++)
        {
            var (response, json) = await wire.TokenAsync(
                [new("grant_type", "refresh_token"), new("refresh_token", refresh)], Wire.Basic("emulator-client", "emulator-secret"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(refresh, json.GetProperty("refresh_token").GetString());
        }
        Assert.Equal(3, emulator.Ledger.TokenRequests("refresh_token"));
    }

    [Fact]
    public async Task A_rotated_refresh_token_cannot_be_used_twice()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { RotateRefreshTokens = true });
        using var wire = new Wire(emulator);
        var original = await Grants.RedeemAsync(emulator, wire);
        var basic = Wire.Basic("emulator-client", "emulator-secret");

        var (first, firstJson) = await wire.TokenAsync([new("grant_type", "refresh_token"), new("refresh_token", original)], basic);
        var rotated = firstJson.GetProperty("refresh_token").GetString();
        var (reuse, reuseJson) = await wire.TokenAsync([new("grant_type", "refresh_token"), new("refresh_token", original)], basic);
        var (next, _) = await wire.TokenAsync([new("grant_type", "refresh_token"), new("refresh_token", rotated!)], basic);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(original, rotated);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("invalid_grant", reuseJson.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_rotating_token_let_exactly_one_win()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { RotateRefreshTokens = true });
        using var wire = new Wire(emulator);
        var original = await Grants.RedeemAsync(emulator, wire);
        var basic = Wire.Basic("emulator-client", "emulator-secret");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            wire.TokenAsync([new("grant_type", "refresh_token"), new("refresh_token", original)], basic)));

        Assert.Equal(1, results.Count(r => r.Response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, results.Count(r => r.Response.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_revoked_refresh_token_answers_invalid_grant()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var refresh = await Grants.RedeemAsync(emulator, wire);
        Assert.Equal(1, emulator.RevokeRefreshTokens("emulator-client"));

        var (response, json) = await wire.TokenAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", refresh)], Wire.Basic("emulator-client", "emulator-secret"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Pkce_needs_the_matching_verifier_and_gives_no_refresh_token()
    {
        var options = new EmulatorOptions
        {
            Clients = [new EmulatorClient { ClientId = "spa", ClientSecret = null, Grants = EmulatorGrants.Pkce }],
        };
        await using var emulator = await GenesysCloudEmulator.StartAsync(options);
        using var wire = new Wire(emulator);
        const string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-long-enough-verifier";
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var wrongCode = emulator.CreateAuthorizationCode("spa", Redirect, codeChallenge: challenge);
        var (wrong, wrongJson) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", wrongCode), new("redirect_uri", Redirect), new("client_id", "spa"), new("code_verifier", "not-it")], null);
        var code = emulator.CreateAuthorizationCode("spa", Redirect, codeChallenge: challenge);
        var (right, rightJson) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect), new("client_id", "spa"), new("code_verifier", verifier)], null);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", wrongJson.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(rightJson.TryGetProperty("refresh_token", out _));
        Assert.Equal(2, emulator.Ledger.TokenRequests("authorization_code"));
    }

    [Fact]
    public async Task Tokens_expire_on_the_emulators_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T00:00:00Z"));
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.FromSeconds(10) });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (fresh, _) = await wire.GetAsync("/api/v2/users/query", token);
        clock.Advance(TimeSpan.FromSeconds(10));
        var (expired, json) = await wire.GetAsync("/api/v2/users/query", token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("credentials.expired", json.GetProperty("code").GetString());
    }
}

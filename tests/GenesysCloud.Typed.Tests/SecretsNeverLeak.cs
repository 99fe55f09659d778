using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Runs real work, failures included, then scans everything a user could see (log lines, exception messages,
/// ToString() of options, credentials, connection and store) for the actual secret values: access and refresh tokens,
/// the client secret and the Basic credential never appear.</summary>
public sealed class SecretsNeverLeak
{
    [Fact]
    public async Task Tokens_refresh_tokens_and_secrets_never_appear_in_logs_exceptions_or_to_string()
    {
        const string redirect = "http://localhost:9000/cb";
        var store = new InMemoryRefreshTokenStore();
        GenesysCloudEmulator? emulator = null;
        await using var h = await Harness.StartAsync(
            e => { e.RotateRefreshTokens = true; e.AccessTokenLifetime = TimeSpan.FromMinutes(1); },
            o =>
            {
                o.ClientId = null;
                o.ClientSecret = null;
                o.Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
                {
                    Code = new AuthorizationCodeGrant(emulator!.CreateAuthorizationCode("emulator-client", redirect), redirect),
                    RefreshTokenStore = store,
                };
            },
            beforeClient: e => emulator = e);
        var seen = new List<string>();
        var user = h.Emulator.Users[0];

        await h.GetUserAsync(user.Id);
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await h.GetUserAsync(user.Id);
        h.Emulator.RevokeAccessTokens("emulator-client");
        await h.GetUserAsync(user.Id);
        seen.Add((await Assert.ThrowsAsync<GenesysApiException>(() => h.GetUserAsync("missing"))).ToString());
        h.Emulator.RevokeAllTokens("emulator-client");
        seen.Add((await Assert.ThrowsAnyAsync<Exception>(() => h.GetUserAsync(user.Id))).ToString());
        seen.Add(h.Connection.Options.ToString());
        seen.Add(h.Connection.Options.Credential!.ToString()!);
        seen.Add(h.Connection.ToString());
        seen.Add(store.ToString());
        seen.AddRange(h.LogLines());

        var secrets = h.Tap.Requests.Select(r => r.Authorization).OfType<string>()
            .Where(a => a.StartsWith("Bearer ")).Select(a => a["Bearer ".Length..]).Distinct().ToList();
        Assert.True(secrets.Count >= 3, "the test should have used several access tokens");
        secrets.Add((await store.LoadAsync(default))!);
        secrets.Add("emulator-secret");
        secrets.Add(Convert.ToBase64String("emulator-client:emulator-secret"u8.ToArray()));

        Assert.NotEmpty(seen);
        foreach (var text in seen)
            foreach (var secret in secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret leaked into: {text[..Math.Min(80, text.Length)]}…");
    }

    [Fact]
    public void Access_tokens_and_options_redact_themselves()
    {
        var token = new AccessToken("secret-token-value", Harness.Epoch);
        var options = new GenesysCloudOptions { ClientId = "id", ClientSecret = "secret-value", Region = GenesysCloudRegion.EuWest1 };
        Assert.DoesNotContain("secret-token-value", token.ToString());
        Assert.DoesNotContain("secret-value", options.ToString());
        Assert.DoesNotContain("secret-value", GenesysCredential.ClientCredentials("id", "secret-value").ToString());
        Assert.DoesNotContain("the-code", new AuthorizationCodeGrant("the-code", "http://x").ToString());
    }
}

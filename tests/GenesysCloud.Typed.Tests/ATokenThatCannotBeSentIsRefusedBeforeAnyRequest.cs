using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>An access token that cannot go into an Authorization header (CR/LF, NUL, spaces, tabs, non-ASCII), from the
/// login host or a custom credential, is a GenesysAuthenticationException before any API request, never a
/// FormatException or "may have been processed", and the token is not in it.</summary>
public sealed class ATokenThatCannotBeSentIsRefusedBeforeAnyRequest
{
    public static TheoryData<string> UnsendableTokens() => new("abc\r\ndef", "abc\ndef", "abc\u0000def", "tökén", "two words", "tab\there");

    [Theory]
    [MemberData(nameof(UnsendableTokens))]
    public async Task An_access_token_that_cannot_be_sent_is_refused_before_any_request(string token)
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 0);
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/oauth/token", Body = $$"""{"access_token":{{System.Text.Json.JsonSerializer.Serialize(token)}},"token_type":"bearer","expires_in":3600}""",
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.PatchUserAsync(h.Emulator.Users[0].Id, new UpdateUser { Version = 1 }));

        Assert.Contains("bearer token", error.Message);
        Assert.DoesNotContain(token, error.ToString());
        Assert.Empty(h.Tap.To("/api/v2/"));
    }

    [Theory]
    [MemberData(nameof(UnsendableTokens))]
    public async Task A_custom_credential_whose_token_cannot_be_sent_fails_clearly(string token)
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.ClientId = null;
            o.ClientSecret = null;
            o.Credential = GenesysCredential.StaticToken(token);
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.DoesNotContain(token, error.ToString());
        Assert.Empty(h.Tap.To("/api/v2/"));
    }
}

using System.Net;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Tokens of the authorization-code grant, redeemed over <see cref="Wire"/> for the tests that need a refresh token or given scopes.</summary>
internal static class Grants
{
    private const string Redirect = "http://localhost:8080/callback";

    internal static async Task<string> RedeemAsync(GenesysCloudEmulator emulator, Wire wire, IEnumerable<string>? scopes = null)
    {
        var code = emulator.CreateAuthorizationCode("emulator-client", Redirect, scopes);
        var (response, json) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect)],
            Wire.Basic("emulator-client", "emulator-secret"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json.GetProperty("refresh_token").GetString()!;
    }

    internal static async Task<string> AccessTokenWithScopesAsync(GenesysCloudEmulator emulator, Wire wire, params string[] scopes)
    {
        var code = emulator.CreateAuthorizationCode("emulator-client", Redirect, scopes);
        var (_, json) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect)],
            Wire.Basic("emulator-client", "emulator-secret"));
        return json.GetProperty("access_token").GetString()!;
    }

    internal static async Task<string> AuthorizationCodeTokenAsync(GenesysCloudEmulator emulator, Wire wire, string[] scopes)
    {
        var client = EmulatorClient.Default;
        var code = emulator.CreateAuthorizationCode(client.ClientId, "https://app.example/callback", scopes);
        var (response, json) = await wire.TokenAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", "https://app.example/callback")],
            Wire.Basic(client.ClientId, client.ClientSecret!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json.GetProperty("access_token").GetString()!;
    }
}

using System.Security.Cryptography;
using System.Text;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Typed.Testing.OAuth;

/// <summary><c>POST /oauth/token</c> and <c>GET /oauth/authorize</c>, as Genesys Cloud's login host answers them.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> TokenAsync(HttpContext context, EmulatorState state)
    {
        if (!context.Request.HasFormContentType)
            return Error(state, 400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        state.Ledger.RecordTokenRequest(string.IsNullOrEmpty(grantType) ? "(none)" : grantType);
        if (string.IsNullOrEmpty(grantType)) return Error(state, 400, "invalid_request", "grant_type is required.");

        var basic = ParseBasic(context.Request.Headers.Authorization);
        var isPkce = grantType == "authorization_code" && basic is null && form.ContainsKey("code_verifier");
        EmulatorClient? client;
        if (isPkce)
        {
            client = state.FindClient(form["client_id"].ToString());
            if (client is null) return Error(state, 401, "invalid_client", "Unknown client.");
        }
        else
        {
            if (basic is null) return Error(state, 401, "invalid_client", "Client authentication (HTTP Basic) is required.");
            client = state.FindClient(basic.Value.Id);
            if (client?.ClientSecret is null || !FixedTimeEquals(client.ClientSecret, basic.Value.Secret))
                return Error(state, 401, "invalid_client", "Client authentication failed.");
        }

        switch (grantType)
        {
            case "client_credentials":
                if (!client.Grants.HasFlag(EmulatorGrants.ClientCredentials)) return Unauthorized(state, grantType);
                return Issue(state, client, grantType, scopes: null, refreshToken: null);

            case "authorization_code":
            {
                if (!client.Grants.HasFlag(isPkce ? EmulatorGrants.Pkce : EmulatorGrants.AuthorizationCode)) return Unauthorized(state, grantType);
                var code = state.Tokens.RedeemCode(form["code"].ToString(), client.ClientId);
                if (code is null) return Error(state, 400, "invalid_grant", "The authorization code is invalid, expired or already used.");
                if (!string.Equals(code.RedirectUri, form["redirect_uri"].ToString(), StringComparison.Ordinal))
                    return Error(state, 400, "invalid_grant", "redirect_uri does not match the authorization request.");
                if (code.CodeChallenge is not null &&
                    (!form.TryGetValue("code_verifier", out var verifier) || !TokenStore.VerifyPkce(code.CodeChallenge, verifier.ToString())))
                    return Error(state, 400, "invalid_grant", "code_verifier does not match the code challenge.");
                // Only confidential clients get a refresh token; PKCE (public) clients do not.
                var refresh = isPkce ? null : state.Tokens.IssueRefreshToken(client, code.Scopes);
                return Issue(state, client, isPkce ? "pkce" : grantType, code.Scopes, refresh?.Value);
            }

            case "refresh_token":
            {
                if (!client.Grants.HasFlag(EmulatorGrants.RefreshToken)) return Unauthorized(state, grantType);
                var presented = state.Tokens.FindRefreshToken(form["refresh_token"].ToString());
                if (presented is null || presented.ClientId != client.ClientId)
                    return Error(state, 400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
                var refresh = state.Options.RotateRefreshTokens ? state.Tokens.Rotate(presented, client) : presented;
                if (refresh is null) return Error(state, 400, "invalid_grant", "The refresh token was already used (it rotates).");
                return Issue(state, client, grantType, presented.Scopes, refresh.Value);
            }

            default:
                return Error(state, 400, "unsupported_grant_type", $"The grant type '{grantType}' is not supported.");
        }
    }

    public static IResult Authorize(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        var client = state.FindClient(query["client_id"].ToString());
        var redirectUri = query["redirect_uri"].ToString();
        if (client is null || !Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
            return Results.BadRequest("Unknown client_id or invalid redirect_uri.");
        if (query["response_type"] != "code")
            return Results.Redirect(redirectUri + (redirectUri.Contains('?') ? "&" : "?") + "error=unsupported_response_type");
        var scopes = RequestedScopes(client, query["scope"].ToString());
        var challenge = query["code_challenge"].ToString();
        var code = state.Tokens.IssueCode(client, redirectUri, scopes, challenge.Length == 0 ? null : challenge);
        var target = redirectUri + (redirectUri.Contains('?') ? "&" : "?") + "code=" + Uri.EscapeDataString(code.Value);
        var stateParam = query["state"].ToString();
        if (stateParam.Length > 0) target += "&state=" + Uri.EscapeDataString(stateParam);
        return Results.Redirect(target);
    }

    /// <summary>The requested scopes the client holds; all the client's scopes when none are requested.</summary>
    public static IReadOnlyList<string> RequestedScopes(EmulatorClient client, string? requested)
    {
        var names = (requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return names.Length == 0 ? client.Scopes : names.Where(client.Scopes.Contains).ToArray();
    }

    private static IResult Issue(EmulatorState state, EmulatorClient client, string grant, IReadOnlyList<string>? scopes, string? refreshToken)
    {
        var token = state.Tokens.IssueAccessToken(client, grant, scopes);
        var expiresIn = (long)Math.Ceiling(state.Tokens.LifetimeOf(client).TotalSeconds);
        return TypedResults.Json(new TokenResponse(token.Value, "bearer", expiresIn, refreshToken), EmulatorJson.Default.TokenResponse);
    }

    private static IResult Unauthorized(EmulatorState state, string grant) =>
        Error(state, 400, "unauthorized_client", $"This client may not use the {grant} grant.");

    private static IResult Error(EmulatorState state, int status, string error, string description)
    {
        state.Ledger.RecordTokenError(error);
        return TypedResults.Json(new OAuthError(error, description, description), EmulatorJson.Default.OAuthError, statusCode: status);
    }

    private static (string Id, string Secret)? ParseBasic(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Typed.Testing.OAuth;

/// <summary>Issued access tokens, refresh tokens and authorization codes, and their validation.</summary>
internal sealed class TokenStore
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedRefreshToken> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedAuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;

    public TokenStore(EmulatorOptions options) => _options = options;

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public IssuedToken IssueAccessToken(EmulatorClient client, string grant, IReadOnlyList<string>? scopes)
    {
        var token = new IssuedToken
        {
            Value = NewSecret(),
            ClientId = client.ClientId,
            Grant = grant,
            Scopes = scopes,
            ExpiresAt = Now + LifetimeOf(client),
        };
        _tokens[token.Value] = token;
        return token;
    }

    public TimeSpan LifetimeOf(EmulatorClient client) => client.AccessTokenLifetime ?? _options.AccessTokenLifetime;

    public IssuedRefreshToken IssueRefreshToken(EmulatorClient client, IReadOnlyList<string> scopes)
    {
        var token = new IssuedRefreshToken { Value = NewSecret(), ClientId = client.ClientId, Scopes = scopes };
        _refreshTokens[token.Value] = token;
        return token;
    }

    /// <summary>Retires <paramref name="presented"/> and issues its successor, atomically: of two concurrent
    /// refreshes with one token, exactly one wins.</summary>
    public IssuedRefreshToken? Rotate(IssuedRefreshToken presented, EmulatorClient client)
    {
        lock (presented)
        {
            if (presented.Revoked) return null;
            presented.Revoked = true;
        }
        return IssueRefreshToken(client, presented.Scopes);
    }

    public IssuedAuthorizationCode IssueCode(EmulatorClient client, string redirectUri, IReadOnlyList<string> scopes, string? codeChallenge)
    {
        var code = new IssuedAuthorizationCode
        {
            Value = NewSecret(), ClientId = client.ClientId, RedirectUri = redirectUri, Scopes = scopes,
            CodeChallenge = codeChallenge, ExpiresAt = Now + CodeLifetime,
        };
        _codes[code.Value] = code;
        return code;
    }

    /// <summary>Takes a code once: a second use, an expired code or another client's code gives null.</summary>
    public IssuedAuthorizationCode? RedeemCode(string value, string clientId)
    {
        if (!_codes.TryGetValue(value, out var code)) return null;
        if (code.ClientId != clientId || code.ExpiresAt <= Now) return null;
        return Interlocked.Exchange(ref code.Used, 1) == 0 ? code : null;
    }

    public IssuedRefreshToken? FindRefreshToken(string value) =>
        _refreshTokens.TryGetValue(value, out var token) && !token.Revoked ? token : null;

    public TokenCheck Check(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader) ||
            !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenCheck(TokenState.Missing, null);
        }
        var value = authorizationHeader["Bearer ".Length..].Trim();
        if (!_tokens.TryGetValue(value, out var token) || token.Revoked) return new TokenCheck(TokenState.Invalid, null);
        if (token.ExpiresAt <= Now) return new TokenCheck(TokenState.Expired, token);
        return new TokenCheck(TokenState.Valid, token);
    }

    public bool RevokeAccessToken(string value)
    {
        if (!_tokens.TryGetValue(value, out var token)) return false;
        token.Revoked = true;
        return true;
    }

    public int RevokeClient(string clientId)
    {
        var count = 0;
        foreach (var token in _tokens.Values)
        {
            if (token.ClientId == clientId && !token.Revoked) { token.Revoked = true; count++; }
        }
        foreach (var token in _refreshTokens.Values)
        {
            if (token.ClientId == clientId && !token.Revoked) { token.Revoked = true; count++; }
        }
        return count;
    }

    public bool RevokeRefreshToken(string value)
    {
        if (!_refreshTokens.TryGetValue(value, out var token)) return false;
        token.Revoked = true;
        return true;
    }

    public IReadOnlyList<string> ActiveAccessTokens(string clientId) =>
        _tokens.Values.Where(t => t.ClientId == clientId && !t.Revoked && t.ExpiresAt > Now).Select(t => t.Value).ToArray();

    public IReadOnlyList<string> ActiveRefreshTokens(string clientId) =>
        _refreshTokens.Values.Where(t => t.ClientId == clientId && !t.Revoked).Select(t => t.Value).ToArray();

    public static bool VerifyPkce(string challenge, string verifier)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(verifier));
        return string.Equals(Base64Url(hash), challenge, StringComparison.Ordinal);
    }

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal enum TokenState { Missing, Invalid, Expired, Valid }

internal readonly record struct TokenCheck(TokenState State, IssuedToken? Token);

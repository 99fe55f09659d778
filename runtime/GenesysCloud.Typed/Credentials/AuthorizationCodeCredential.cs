namespace GenesysCloud.Typed;

/// <summary>The authorization-code grant with refresh tokens: exchanges a code once, then refreshes. A rotated refresh
/// token is saved to <see cref="RefreshTokenStore"/> before any caller proceeds, so a crash never loses it. When the
/// refresh token dies (<c>invalid_grant</c>), <see cref="Reauthorize"/> is asked for a new code; without it, callers
/// get a <see cref="GenesysAuthenticationException"/> with <c>RequiresReauthorization</c>.</summary>
public sealed class AuthorizationCodeCredential : GenesysCredential
{
    public AuthorizationCodeCredential(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    internal string ClientSecret { get; }

    /// <summary>A code to exchange first, when the store holds no refresh token yet.</summary>
    public AuthorizationCodeGrant? Code { get; init; }

    /// <summary>Where refresh tokens live across runs. Defaults to memory.</summary>
    public IRefreshTokenStore RefreshTokenStore { get; init; } = new InMemoryRefreshTokenStore();

    /// <summary>Asked for a new authorization code when the refresh token is dead; return null to give up.</summary>
    public Func<CancellationToken, ValueTask<AuthorizationCodeGrant?>>? Reauthorize { get; init; }

    /// <summary>Who the tokens act for (e.g. the user's id). A shared token cache (a fleet) shares this credential's tokens
    /// only when it is set, keyed by client and user; without it each process keeps its own.</summary>
    public string? UserKey { get; init; }

    internal override SharedTokenKey? CacheKey(Uri loginBaseAddress) =>
        UserKey is null ? null : new($"authorization_code/{loginBaseAddress.Authority}/{ClientId}/{UserKey}", ClientId);

    public override string ToString() => $"AuthorizationCode({ClientId}, secrets redacted)";

    internal override ITokenFetcher CreateFetcher(TokenEndpointClient endpoint) => new Fetcher(this, endpoint);

    private sealed class Fetcher(AuthorizationCodeCredential credential, TokenEndpointClient endpoint) : ITokenFetcher
    {
        private bool _loaded;
        private string? _refreshToken;
        private AuthorizationCodeGrant? _code = credential.Code;

        public string Grant => "authorization_code";

        // The token source calls this single-flight, so the fields need no lock and no refresh token is ever
        // presented twice at once (which a rotating server would punish by killing both).
        public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
        {
            var basic = (credential.ClientId, credential.ClientSecret);
            // A shared store (a fleet) may hold a newer, rotated token than the one read before: read it every time.
            if (!_loaded || credential.RefreshTokenStore.IsShared)
            {
                _refreshToken = await credential.RefreshTokenStore.LoadAsync(cancellationToken).ConfigureAwait(false);
                _loaded = true;
            }
            TokenResult result;
            if (_refreshToken is not null)
            {
                try
                {
                    result = await endpoint.RequestAsync("refresh_token",
                        [new("grant_type", "refresh_token"), new("refresh_token", _refreshToken)], basic,
                        retryLostResponses: false, cancellationToken).ConfigureAwait(false);
                }
                catch (GenesysAuthenticationException ex) when (ex.RequiresReauthorization)
                {
                    _refreshToken = null;
                    result = await ExchangeNewCodeAsync(basic, ex, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                result = await ExchangeNewCodeAsync(basic, null, cancellationToken).ConfigureAwait(false);
            }

            if (result.RefreshToken is { } issued && issued != _refreshToken)
            {
                await credential.RefreshTokenStore.SaveAsync(issued, cancellationToken).ConfigureAwait(false);
                _refreshToken = issued;
            }
            return result.AccessToken;
        }

        private async Task<TokenResult> ExchangeNewCodeAsync((string, string) basic, Exception? cause, CancellationToken cancellationToken)
        {
            var code = Interlocked.Exchange(ref _code, null);
            if (code is null && credential.Reauthorize is { } reauthorize)
                code = await reauthorize(cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                throw new GenesysAuthenticationException(
                    "The refresh token is no longer valid (revoked, expired or rotated away) and no new authorization code is available: " +
                    "the user must authorize this application again.", "invalid_grant", inner: cause);
            }
            var form = new List<KeyValuePair<string, string>>
            {
                new("grant_type", "authorization_code"), new("code", code.Code), new("redirect_uri", code.RedirectUri),
            };
            if (code.CodeVerifier is not null) form.Add(new("code_verifier", code.CodeVerifier));
            // A code is single-use: a lost answer cannot be retried, so the exchange is not repeated on transport errors.
            return await endpoint.RequestAsync("authorization_code", form, basic, retryLostResponses: false, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>An authorization code from the redirect, with the redirect URI it was issued for.</summary>
public sealed record AuthorizationCodeGrant(string Code, string RedirectUri, string? CodeVerifier = null)
{
    public override string ToString() => $"AuthorizationCodeGrant(redirect {RedirectUri}, code redacted)";
}

/// <summary>Keeps the current refresh token. <see cref="SaveAsync"/> completes before the new token is used.</summary>
public interface IRefreshTokenStore
{
    ValueTask<string?> LoadAsync(CancellationToken cancellationToken);
    ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>True when other processes write it too: the credential then reads it before every redemption.</summary>
    bool IsShared => false;
}

public sealed class InMemoryRefreshTokenStore(string? initial = null) : IRefreshTokenStore
{
    private volatile string? _value = initial;

    public ValueTask<string?> LoadAsync(CancellationToken cancellationToken) => new(_value);

    public ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        _value = refreshToken;
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "InMemoryRefreshTokenStore(value redacted)";
}

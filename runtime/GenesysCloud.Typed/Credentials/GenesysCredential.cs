namespace GenesysCloud.Typed;

/// <summary>How the connection gets tokens. Set <see cref="GenesysCloudOptions.Credential"/>, or just
/// <see cref="GenesysCloudOptions.ClientId"/>/<see cref="GenesysCloudOptions.ClientSecret"/> for client credentials.</summary>
public abstract class GenesysCredential
{
    private protected GenesysCredential() { }

    internal abstract ITokenFetcher CreateFetcher(TokenEndpointClient endpoint);

    /// <summary>How a shared token cache names this credential's tokens, or null when they must not be shared.</summary>
    internal virtual SharedTokenKey? CacheKey(Uri loginBaseAddress) => null;

    /// <summary>The client-credentials grant, repeated whenever a token is due (there is no refresh token).</summary>
    public static GenesysCredential ClientCredentials(string clientId, string clientSecret) =>
        new ClientCredentialsCredential(clientId, clientSecret);

    /// <summary>A fixed bearer token (e.g. from another process). It is never refreshed: a 401 is final.</summary>
    public static GenesysCredential StaticToken(string accessToken) => new StaticTokenCredential(accessToken);

    /// <summary>Tokens from your own code (a vault, a broker). Called single-flight when a token is due.</summary>
    public static GenesysCredential FromProvider(IGenesysTokenProvider provider) => new ProviderCredential(provider);

    public override string ToString() => GetType().Name + "(secrets redacted)";
}

/// <summary>Your own source of access tokens.</summary>
public interface IGenesysTokenProvider
{
    /// <summary>Returns a fresh token. Called one at a time; a thrown exception reaches the waiting callers.</summary>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Fetches one token from wherever the credential gets them. Called single-flight by the token source.</summary>
internal interface ITokenFetcher
{
    string Grant { get; }
    Task<AccessToken> FetchAsync(CancellationToken cancellationToken);
}

internal sealed class ClientCredentialsCredential(string clientId, string clientSecret) : GenesysCredential
{
    public string ClientId { get; } = clientId;

    internal override ITokenFetcher CreateFetcher(TokenEndpointClient endpoint) => new Fetcher(endpoint, ClientId, clientSecret);

    internal override SharedTokenKey? CacheKey(Uri loginBaseAddress) =>
        new($"client_credentials/{loginBaseAddress.Authority}/{ClientId}", ClientId);

    public override string ToString() => $"ClientCredentials({ClientId}, secret redacted)";

    private sealed class Fetcher(TokenEndpointClient endpoint, string id, string secret) : ITokenFetcher
    {
        public string Grant => "client_credentials";

        public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken) =>
            (await endpoint.RequestAsync(Grant, [new("grant_type", "client_credentials")], (id, secret),
                retryLostResponses: true, cancellationToken).ConfigureAwait(false)).AccessToken;
    }
}

internal sealed class StaticTokenCredential(string token) : GenesysCredential
{
    internal override ITokenFetcher CreateFetcher(TokenEndpointClient endpoint) => new Fetcher(token);

    private sealed class Fetcher(string token) : ITokenFetcher
    {
        public string Grant => "static";
        public Task<AccessToken> FetchAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new AccessToken(token, DateTimeOffset.MaxValue));
    }
}

internal sealed class ProviderCredential(IGenesysTokenProvider provider) : GenesysCredential
{
    internal override ITokenFetcher CreateFetcher(TokenEndpointClient endpoint) => new Fetcher(provider);

    private sealed class Fetcher(IGenesysTokenProvider provider) : ITokenFetcher
    {
        public string Grant => "custom";
        public Task<AccessToken> FetchAsync(CancellationToken cancellationToken) => provider.GetTokenAsync(cancellationToken).AsTask();
    }
}

/// <summary>The name of a credential's tokens in a shared cache (no secret in it), and its OAuth client id.</summary>
internal sealed record SharedTokenKey(string Key, string ClientId);

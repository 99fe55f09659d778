namespace GenesysCloud.Typed;

/// <summary>Shares access tokens beyond this process (GenesysCloud.Typed.Redis implements it for a fleet). The token
/// source still keeps its token in memory and single-flights in-process; it asks the cache only when it needs a new
/// token, and tells it when the server rejected one.</summary>
public interface IGenesysTokenCache
{
    /// <summary>A token for <see cref="GenesysTokenCacheRequest.Key"/>: a shared one when it is usable, else one obtained
    /// through <see cref="GenesysTokenCacheRequest.FetchAsync"/> (which goes to the login host) and shared.</summary>
    Task<AccessToken> GetTokenAsync(GenesysTokenCacheRequest request, CancellationToken cancellationToken);

    /// <summary>The server answered 401 to <paramref name="rejected"/>: drop the shared token only if it is still that one.</summary>
    Task InvalidateAsync(string key, AccessToken rejected, CancellationToken cancellationToken);
}

/// <summary>What the token source asks a <see cref="IGenesysTokenCache"/> for.</summary>
public sealed class GenesysTokenCacheRequest
{
    public GenesysTokenCacheRequest(string key, string clientId, AccessToken? replacing, TimeSpan refreshBeforeExpiry,
        Func<CancellationToken, Task<AccessToken>> fetchAsync, bool replacingWasRejected = false)
    {
        ReplacingWasRejected = replacingWasRejected;
        Key = key;
        ClientId = clientId;
        Replacing = replacing;
        RefreshBeforeExpiry = refreshBeforeExpiry;
        FetchAsync = fetchAsync;
    }

    /// <summary>Names the credential: grant, login host, client id (and user, for authorization-code grants). Holds no secret.</summary>
    public string Key { get; }

    public string ClientId { get; }

    /// <summary>The token this process holds and wants replaced (due for refresh, or rejected); null when it has none.</summary>
    public AccessToken? Replacing { get; }

    /// <summary>The server answered 401 to <see cref="Replacing"/>: a shared token equal to it is never an answer. Otherwise
    /// the process's own refresh is merely due, and the cache may answer with the same token while the fleet's rule says it
    /// is fresh enough (so N processes renew once, not N times).</summary>
    public bool ReplacingWasRejected { get; }

    /// <summary><see cref="GenesysTokenOptions.RefreshBeforeExpiry"/>: a shared token is renewed when this close to expiry
    /// (at most half its lifetime).</summary>
    public TimeSpan RefreshBeforeExpiry { get; }

    /// <summary>Gets a new token from the login host. Call it at most once per request; it throws what the login host said.</summary>
    public Func<CancellationToken, Task<AccessToken>> FetchAsync { get; }

    public override string ToString() => $"GenesysTokenCacheRequest({Key})";
}

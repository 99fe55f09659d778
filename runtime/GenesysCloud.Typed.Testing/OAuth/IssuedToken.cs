namespace GenesysCloud.Typed.Testing.OAuth;

/// <summary>An access token the emulator issued. Its value is never part of <see cref="ToString"/>.</summary>
internal sealed class IssuedToken
{
    public required string Value { get; init; }
    public required string ClientId { get; init; }
    public required string Grant { get; init; }
    /// <summary>Null for client-credentials tokens, which are not scope-checked.</summary>
    public required IReadOnlyList<string>? Scopes { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public volatile bool Revoked;

    public override string ToString() => $"token of {ClientId} ({Grant}), expires {ExpiresAt:O}";
}

internal sealed class IssuedRefreshToken
{
    public required string Value { get; init; }
    public required string ClientId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public volatile bool Revoked;
    public override string ToString() => $"refresh token of {ClientId}";
}

internal sealed class IssuedAuthorizationCode
{
    public required string Value { get; init; }
    public required string ClientId { get; init; }
    public required string RedirectUri { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public string? CodeChallenge { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public int Used;
}

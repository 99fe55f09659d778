namespace GenesysCloud.Typed.Testing;

/// <summary>An OAuth client registered in the emulator.</summary>
public sealed class EmulatorClient
{
    /// <summary>The client every default emulator accepts: all grants, all scopes.</summary>
    public static EmulatorClient Default => new()
    {
        ClientId = "emulator-client",
        ClientSecret = "emulator-secret",
    };

    public required string ClientId { get; init; }

    /// <summary>Null for a public (PKCE-only) client.</summary>
    public string? ClientSecret { get; init; }

    public EmulatorGrants Grants { get; init; } = EmulatorGrants.All;

    /// <summary>Scopes granted to tokens from the authorization-code grant. Client-credentials tokens are governed by
    /// roles, not scopes, so they are never scope-checked (as in Genesys Cloud).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = EmulatorScopes.All;

    /// <summary>Overrides <see cref="EmulatorOptions.AccessTokenLifetime"/> for this client.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    public override string ToString() => $"EmulatorClient {ClientId} (grants: {Grants})";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId)) throw new ArgumentException("An emulator client needs a ClientId.");
        if (ClientSecret is null && Grants != EmulatorGrants.Pkce)
            throw new ArgumentException($"The emulator client '{ClientId}' has no secret, so it can only use the PKCE grant.");
    }
}

[Flags]
public enum EmulatorGrants
{
    None = 0,
    ClientCredentials = 1,
    AuthorizationCode = 2,
    RefreshToken = 4,
    Pkce = 8,
    All = ClientCredentials | AuthorizationCode | RefreshToken | Pkce,
}

/// <summary>The scope names the emulator knows, and the scope each emulated endpoint requires.</summary>
public static class EmulatorScopes
{
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "users", "users:readonly", "analytics", "analytics:readonly", "routing", "routing:readonly",
    };

    /// <summary>True when <paramref name="granted"/> satisfies <paramref name="required"/>: <c>X</c> covers <c>X:readonly</c>.</summary>
    public static bool Covers(string granted, string required) => ScopeCoverage.Covers(granted, required);
}

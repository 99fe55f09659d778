using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing;

/// <summary>A user of the emulated org, as <c>GET /api/v2/users/{id}</c> answers it.</summary>
public sealed record EmulatedUser
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Username { get; init; }
    public string? Department { get; init; }
    public string? Title { get; init; }
    /// <summary>active, inactive or deleted.</summary>
    public required string State { get; init; }
    public required int Version { get; init; }
    internal DivisionRef? Division { get; init; }
    public string SelfUri => "/api/v2/users/" + Id;
}

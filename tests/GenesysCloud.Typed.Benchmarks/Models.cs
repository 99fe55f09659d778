using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Typed;

namespace GenesysCloud.Typed.Benchmarks;

public sealed record BenchUser
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Department { get; init; }
    public string? Email { get; init; }
    public string? State { get; init; }
    public int Version { get; init; }
}

public sealed record BenchUpdate
{
    public string? Department { get; init; }
    public required int Version { get; init; }
}

/// <summary>Refit's view of a listing page.</summary>
public sealed record BenchPage(List<BenchUser> Entities, int PageNumber, int PageCount, string? NextUri);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchUser))]
[JsonSerializable(typeof(BenchUpdate))]
[JsonSerializable(typeof(BenchPage))]
public sealed partial class BenchJson : JsonSerializerContext;

/// <summary>The generated client under test.</summary>
[GenesysApi]
public partial interface IBenchUsersApi
{
    [Get("/api/v2/users/{userId}")]
    Task<BenchUser> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{userId}")]
    Task<BenchUser> UpdateUserAsync(string userId, [Body] BenchUpdate body, CancellationToken cancellationToken = default);

    [Get("/api/v2/users")]
    GenesysPageable<BenchUser> ListUsers([Query] int pageSize = 100);
}

/// <summary>The same shape for Refit 16.4.</summary>
public interface IRefitUsersApi
{
    [Refit.Get("/api/v2/users/{userId}")]
    Task<BenchUser> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [Refit.Patch("/api/v2/users/{userId}")]
    Task<BenchUser> UpdateUserAsync(string userId, [Refit.Body] BenchUpdate body, CancellationToken cancellationToken = default);

    [Refit.Get("/api/v2/users")]
    Task<BenchPage> ListUsersAsync([Refit.Query] int pageSize = 100);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Typed;

[assembly: GrantedScopes("users")]

namespace BatchUsers;

/// <summary>The three Genesys Cloud endpoints the job needs; the generator writes the client, taking every JSON contract
/// from <see cref="BatchJson"/> (a model missing from it is a build error, GCT0122).</summary>
[GenesysApi(JsonContext = typeof(BatchJson))]
[RequiresScope("users", "users:readonly")]
public partial interface IUsersApi
{
    /// <summary>GET /api/v2/users, page by page (resumable).</summary>
    [Get("/api/v2/users")]
    GenesysPageable<User> ListUsers([Query] int pageSize = 100, [Query] string state = "any");

    /// <summary>One page of the listing: a fleet's unit of work.</summary>
    [Get("/api/v2/users")]
    Task<UserPage> GetUsersPageAsync([Query] int pageSize, [Query] int pageNumber, [Query] string state, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>PATCH needs the user's current version; a stale one answers 409.</summary>
    [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
    Task<User> UpdateUserAsync(string userId, [Body] UpdateUser body, CancellationToken cancellationToken = default);
}

public sealed record User
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? State { get; init; }
    public string? Department { get; init; }
    public string? Title { get; init; }
    public int Version { get; init; }
}

public sealed record UserPage
{
    public List<User> Entities { get; init; } = [];
    public int PageCount { get; init; }
    public long Total { get; init; }
}

public sealed record UpdateUser
{
    public string? Department { get; init; }
    public string? Title { get; init; }
    public required int Version { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UpdateUser))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(JobSummary))]
[JsonSerializable(typeof(Checkpoint))]
internal sealed partial class BatchJson : JsonSerializerContext;

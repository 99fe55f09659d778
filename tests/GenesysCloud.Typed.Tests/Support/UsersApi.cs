namespace GenesysCloud.Typed.Tests;

public enum SortOrder { Ascending, Descending }

public enum UserState { Active, Inactive, Any }

/// <summary>The contract's example interface, used by the generated-client tests.</summary>
[GenesysApi]
[RequiresScope("users", "users:readonly")]
public partial interface IUsersApi
{
    [Get("/api/v2/users")]
    IAsyncEnumerable<User> ListUsersAsync([Query] int pageSize = 100, [Query("expand")] IReadOnlyList<string>? expand = null,
        [Query] SortOrder? sortOrder = null, [Query] UserState state = UserState.Active, CancellationToken cancellationToken = default);

    [Get("/api/v2/users")]
    GenesysPageable<User> ListUserPagesAsync([Query] int pageSize = 25, [Query("id")] IEnumerable<string>? ids = null, [Query] UserState state = UserState.Active);

    [Get("/api/v2/users/query"), Paging(PagingStyle.Cursor)]
    IAsyncEnumerable<User> QueryUsersAsync([Query] int pageSize = 25, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<ApiResponse<User>> GetUserResponseAsync(string userId, [Header("X-Request-Tag")] string? tag = null, CancellationToken cancellationToken = default);

    /// <summary>A nullable call token (null: none).</summary>
    [Get("/api/v2/users/{userId}")]
    Task<User> GetUserWithOptionalTokenAsync(string userId, CancellationToken? cancellationToken = null);

    [Get("/api/v2/users/query"), Paging(PagingStyle.Cursor)]
    IAsyncEnumerable<User> QueryUsersWithOptionalTokenAsync([Query] int pageSize = 25, CancellationToken? cancellationToken = null);

    [Get("/api/v2/users/{userId}/queues")]
    Task<User> GetUserQueuesAsync(string userId, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
    Task<User> UpdateUserAsync(string userId, [Body] UpdateUser body, CancellationToken cancellationToken = default);
}

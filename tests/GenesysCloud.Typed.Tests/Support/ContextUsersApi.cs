namespace GenesysCloud.Typed.Tests;

/// <summary>The contract's example interface naming its JsonSerializerContext: the generated client takes its contracts from it.</summary>
[GenesysApi(JsonContext = typeof(TestJson))]
[RequiresScope("users", "users:readonly")]
public partial interface IContextUsersApi
{
    [Get("/api/v2/users")]
    IAsyncEnumerable<User> ListUsersAsync([Query] int pageSize = 100, [Query] UserState state = UserState.Active, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<ApiResponse<User>> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
    Task<User> UpdateUserAsync(string userId, [Body] UpdateUser body, CancellationToken cancellationToken = default);
}

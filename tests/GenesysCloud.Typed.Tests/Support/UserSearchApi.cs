using System.Text.Json.Serialization;

namespace GenesysCloud.Typed.Tests;

public sealed record UserSearchRequest
{
    public int? PageNumber { get; init; }
    public int PageSize { get; init; } = 2;
    public string? Query { get; init; }
    public string? NextPage { get; init; }
}

[JsonSerializable(typeof(UserSearchRequest))]
[JsonSerializable(typeof(User))]
public sealed partial class SearchJson : JsonSerializerContext;

[GenesysApi(JsonContext = typeof(SearchJson))]
[RequiresScope("users", "users:readonly")]
public partial interface IUserSearchApi
{
    [Post("/api/v2/users/search"), Paging(PagingStyle.BodyPageNumber, ItemsProperty = "results")]
    IAsyncEnumerable<User> SearchAsync([Body] UserSearchRequest search, CancellationToken cancellationToken = default);

    [Post("/api/v2/users/search"), Paging(PagingStyle.BodyNextPage, ItemsProperty = "results")]
    IAsyncEnumerable<User> SearchByTokenAsync([Body] UserSearchRequest search, CancellationToken cancellationToken = default);
}

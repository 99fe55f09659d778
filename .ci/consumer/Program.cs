using GenesysCloud.Typed;

[assembly: GrantedScopes("users:readonly", "analytics")]

// Compiles only if the package's generator emitted Create and Endpoints into the interface.
Console.WriteLine($"{IConsumerApi.Endpoints.Count + IConsumerAnalyticsApi.Endpoints.Count} endpoint(s); factory: {(Func<GenesysCloudConnection, IConsumerApi>)IConsumerApi.Create is not null}");

[GenesysApi, RequiresScope("users", "users:readonly")]
public partial interface IConsumerApi
{
    [Get("/api/v2/users/{userId}")]
    Task<ConsumerUser> GetAsync(string userId, CancellationToken cancellationToken = default);

    // The grant above is read-only: .ci/run checks that the build reports GCT0001 on the next line.
    [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
    Task<ConsumerUser> UpdateAsync(string userId, [Body] ConsumerUser body, CancellationToken cancellationToken = default);
}

// The names a user reaches for first, which once collided with the generated code's own locals.
[GenesysApi, RequiresScope("analytics", "analytics:readonly")]
public partial interface IConsumerAnalyticsApi
{
    [Post("/api/v2/analytics/conversations/details/jobs/{path}"), Idempotent]
    Task<ConsumerJob> SubmitAsync(string path, [Body] ConsumerJobRequest request, [Query] string? query = null,
        [Header("X-Headers")] string? headers = null, CancellationToken cancellationToken = default);
}

public sealed record ConsumerUser(string Id, string Name);

public sealed record ConsumerJobRequest(string Interval);

public sealed record ConsumerJob(string JobId);

using GenesysCloud.Typed;

// Compiles only if the package's generator emitted Create and Endpoints into the interface.
Console.WriteLine($"{IConsumerApi.Endpoints.Count} endpoint(s); factory: {(Func<GenesysCloudConnection, IConsumerApi>)IConsumerApi.Create is not null}");

[GenesysApi, RequiresScope("users:readonly")]
public partial interface IConsumerApi
{
    [Get("/api/v2/users/{userId}")]
    Task<ConsumerUser> GetAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed record ConsumerUser(string Id, string Name);

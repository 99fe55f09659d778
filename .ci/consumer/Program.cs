using GenesysCloud.Typed;
using GenesysCloud.Typed.Redis;
using StackExchange.Redis;

[assembly: GrantedScopes("users:readonly", "analytics")]

// Compiles only if the package's generator emitted Create and Endpoints into the interface.
Console.WriteLine($"{IConsumerApi.Endpoints.Count + IConsumerAnalyticsApi.Endpoints.Count} endpoint(s); factory: {(Func<GenesysCloudConnection, IConsumerApi>)IConsumerApi.Create is not null}");

// With an emulator host and a Redis server (.ci/run passes both): the GenesysCloud.Typed.Redis package as a user takes it
// from NuGet. Two connections on one OAuth client, as two processes would be, share one token through Redis.
if (args is [var emulator, var redisConnection])
{
    var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    var prefix = $"consumer-{Guid.NewGuid():N}:";
    var fleets = new List<GenesysRedisFleet>();
    var ids = new List<string>();   // each connection's answer
    for (var process = 0; process < 2; process++)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var options = new GenesysCloudOptions { BaseAddress = new Uri(emulator), ClientId = "emulator-client", ClientSecret = "emulator-secret" };
        fleets.Add(options.UseRedisFleet(redis, new GenesysRedisOptions { EncryptionKey = key, KeyPrefix = prefix }));
        await using var connection = new GenesysCloudConnection(options);
        using var response = await connection.SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users?pageSize=1"));
        ids.Add(response.StatusCode.ToString());
    }
    var fetched = fleets.Sum(f => f.TokenFetchesForFleet);
    var shared = fleets.Sum(f => f.SharedTokenReads);
    Console.WriteLine($"fleet: answers {string.Join(", ", ids)}; tokens fetched {fetched}, read from Redis {shared}");
    if (ids.Any(s => s != "OK") || fetched != 1 || shared != 1 || fleets.Any(f => f.IsDegraded)) return 1;
}
return 0;

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

// NativeAOT smoke test: a generated client, published with PublishAot and IL2026/IL3050 as errors, run against the
// emulator host (samples/EmulatorHost). Usage: AotSmoke http://127.0.0.1:5199/  — exits 0 when every check passes.
using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Typed;

if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine("Usage: AotSmoke <emulator base address>");
    return 2;
}

await using var connection = new GenesysCloudConnection(new GenesysCloudOptions
{
    BaseAddress = baseAddress,
    ClientId = "emulator-client",
    ClientSecret = "emulator-secret",
    TypeInfoResolver = SmokeJson.Default,
});
var users = ISmokeUsersApi.Create(connection);

var listed = new List<SmokeUser>();
await foreach (var user in users.ListAsync(pageSize: 50, state: "any")) listed.Add(user);
Check(listed.Count > 0 && listed.Select(u => u.Id).Distinct().Count() == listed.Count, $"listed {listed.Count} distinct users");

var first = await users.GetAsync(listed[0].Id);
Check(first.Id == listed[0].Id, "got a user by id");

var updated = await users.UpdateAsync(first.Id, new SmokeUpdate { Title = "AOT " + DateTime.UtcNow.Ticks, Version = first.Version });
Check(updated.Version == first.Version + 1, "patched with the current version");

try
{
    await users.UpdateAsync(first.Id, new SmokeUpdate { Title = "stale", Version = first.Version });
    Check(false, "a stale version should answer 409");
}
catch (GenesysApiException ex) when ((int)ex.Status == 409)
{
    Check(ex.CorrelationId is not null, "409 with a correlation id");
}

var response = await users.GetResponseAsync(first.Id);
Check(response.CorrelationId is not null && response.Value?.Title == updated.Title, "ApiResponse with headers");
Check(ISmokeUsersApi.Endpoints.Count == 4, "endpoint metadata");
Console.WriteLine($"AOT smoke passed: {listed.Count} users listed, token requests {connection.Telemetry.Counters.TokenRefreshes}.");
return 0;

static void Check(bool condition, string what)
{
    if (!condition) throw new InvalidOperationException("AOT smoke failed: " + what);
    Console.WriteLine("ok - " + what);
}

[GenesysApi(JsonContext = typeof(SmokeJson)), RequiresScope("users", "users:readonly")]
public partial interface ISmokeUsersApi
{
    [Get("/api/v2/users")]
    IAsyncEnumerable<SmokeUser> ListAsync([Query] int pageSize, [Query] string state, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<SmokeUser> GetAsync(string userId, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{userId}")]
    Task<ApiResponse<SmokeUser>> GetResponseAsync(string userId, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
    Task<SmokeUser> UpdateAsync(string userId, [Body] SmokeUpdate body, CancellationToken cancellationToken = default);
}

public sealed record SmokeUser(string Id, string Name, string? Title, int Version);

public sealed record SmokeUpdate
{
    public string? Title { get; init; }
    public required int Version { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SmokeUser))]
[JsonSerializable(typeof(SmokeUpdate))]
internal sealed partial class SmokeJson : JsonSerializerContext;

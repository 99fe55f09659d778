using System.Net;

namespace GenesysCloud.Typed.Tests;

/// <summary>The generated client of <see cref="IUsersApi"/> against the emulator, observed on the server side.</summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public async Task Lists_every_user_through_iasyncenumerable()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 1234);
        IUsersApi users = IUsersApi.Create(h.Connection);

        var ids = new List<string>();
        await foreach (var user in users.ListUsersAsync(pageSize: 100, state: UserState.Any)) ids.Add(user.Id);

        Assert.Equal(1234, ids.Distinct().Count());
        Assert.Equal(1234, ids.Count);
        var first = h.Emulator.Ledger.RecentRequests.First(r => r.PathAndQuery.StartsWith("/api/v2/users?"));
        Assert.Equal("/api/v2/users?pageSize=100&state=any", first.PathAndQuery);
    }

    [Fact]
    public async Task Gets_and_patches_with_the_version_from_the_get()
    {
        await using var h = await Harness.StartAsync();
        var users = IUsersApi.Create(h.Connection);
        var id = h.Emulator.Users[3].Id;

        var user = await users.GetUserAsync(id);
        var updated = await users.UpdateUserAsync(id, new UpdateUser { Department = "Platform", Version = user.Version });

        Assert.Equal(user.Version + 1, updated.Version);
        Assert.Equal("Platform", h.Emulator.FindUser(id)!.Department);
        var patch = h.Emulator.Ledger.RecentRequests.Single(r => r.Method == "PATCH");
        Assert.Equal($$"""{"department":"Platform","version":{{user.Version}}}""", patch.Body);
        Assert.Equal("application/json", patch.Headers["Content-Type"].Split(';')[0]);
    }

    [Fact]
    public async Task Query_collections_enums_and_headers_bind_as_the_server_expects()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 10);
        var users = IUsersApi.Create(h.Connection);
        var wanted = h.Emulator.Users.Take(3).Select(u => u.Id).ToArray();

        var listed = new List<string>();
        await foreach (var user in users.ListUsersAsync(pageSize: 5, expand: ["groups", "skills"], sortOrder: SortOrder.Descending)) listed.Add(user.Id);
        var pages = new List<string>();
        await foreach (var page in users.ListUserPagesAsync(ids: wanted, state: UserState.Any).AsPages()) pages.AddRange(page.Items.Select(u => u.Id));
        var response = await users.GetUserResponseAsync(wanted[0], tag: "batch-7");

        var received = h.Emulator.Ledger.RecentRequests;
        Assert.Contains(received, r => r.PathAndQuery == "/api/v2/users?pageSize=5&expand=groups&expand=skills&sortOrder=descending&state=active");
        Assert.Contains(received, r => r.PathAndQuery == $"/api/v2/users?pageSize=25&id={wanted[0]}&id={wanted[1]}&id={wanted[2]}&state=any");
        Assert.Equal(wanted.OrderBy(x => x), pages.OrderBy(x => x));
        Assert.Equal("batch-7", received.Last(r => r.PathAndQuery.StartsWith("/api/v2/users/")).Headers["X-Request-Tag"]);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.CorrelationId);
        Assert.Equal(wanted[0], response.Value!.Id);
        Assert.Equal(h.Emulator.Users.Where(u => u.State == "active").Select(u => u.Id).Reverse(), listed);
    }

    [Fact]
    public async Task Route_values_are_escaped_so_they_cannot_change_the_route()
    {
        await using var h = await Harness.StartAsync();
        var users = IUsersApi.Create(h.Connection);
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => users.GetUserAsync("../roles?x=1"));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains(h.Emulator.Ledger.RecentRequests, r => r.PathAndQuery == "/api/v2/users/..%2Froles%3Fx%3D1");
    }

    [Fact]
    public async Task Cursor_paging_through_the_generated_client()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 140);
        var users = IUsersApi.Create(h.Connection);
        var ids = new List<string>();
        await foreach (var user in users.QueryUsersAsync(pageSize: 30)) ids.Add(user.Id);
        Assert.Equal(h.Emulator.Users.Where(u => u.State == "active").Select(u => u.Id), ids);
    }

    [Fact]
    public async Task A_cancelled_token_given_to_a_paged_method_stops_the_enumeration()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 200);
        var users = IUsersApi.Create(h.Connection);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in users.ListUsersAsync(pageSize: 10, cancellationToken: cancel.Token))
                if (++seen == 15) cancel.Cancel();
        });
        Assert.InRange(h.Tap.To("/api/v2/users").Count(), 2, 3);
    }

    [Fact]
    public void Endpoints_carry_the_effective_scopes_for_a_start_up_check()
    {
        var endpoints = IUsersApi.Endpoints;
        Assert.Equal(9, endpoints.Count);
        Assert.Equal(new[] { "users" }, endpoints.Single(e => e.Name == "UpdateUserAsync").RequiredScopes);
        Assert.Equal(new[] { "users", "users:readonly" }, endpoints.Single(e => e.Name == "GetUserAsync").RequiredScopes);
        var uncovered = Scopes.Uncovered(endpoints, ["users:readonly"]);
        Assert.Equal("PATCH /api/v2/users/{userId} (UpdateUserAsync)", Assert.Single(uncovered).ToString());
    }

    [Fact]
    public async Task Di_adds_the_generated_client_without_reflection()
    {
        await using var emulator = await Testing.GenesysCloudEmulator.StartAsync(new Testing.EmulatorOptions { UserCount = 2 });
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.GenesysCloudServiceCollectionExtensions.AddGenesysCloud(services, o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ClientId = "emulator-client";
            o.ClientSecret = "emulator-secret";
            o.TypeInfoResolver = TestJson.Default;
        }).AddApi<IUsersApi>();
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IUsersApi>(provider);
        Assert.Equal(emulator.Users[1].Name, (await users.GetUserAsync(emulator.Users[1].Id)).Name);
    }
}

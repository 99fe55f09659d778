using System.Net;

namespace GenesysCloud.Typed.Tests;

/// <summary>The generated client of IUsersApi sends what the server expects, observed on the server side: bodies as
/// JSON with the version from the get, query collections, enums and headers bound as Genesys reads them, and an
/// ApiResponse&lt;T&gt; with status and correlation id.</summary>
public sealed class AGeneratedClientSendsWhatTheServerExpects
{
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
}

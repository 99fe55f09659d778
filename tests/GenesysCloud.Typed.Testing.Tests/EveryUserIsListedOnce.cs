using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Every user is listed once: <c>GET /api/v2/users</c> pages (relative next URIs, sort, state and id filters) and the
/// cursor listing walk the same users each once; bad parameters are a 400; the same seed gives the same org.</summary>
public sealed class EveryUserIsListedOnce
{
    [Fact]
    public async Task Paging_1234_users_by_100_follows_relative_next_uris_through_13_pages_and_sees_each_user_once()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1234 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var active = emulator.Users.Where(u => u.State == "active").Select(u => u.Id).ToHashSet();
        var seen = new List<string>();
        var pages = 0;
        string? next = "/api/v2/users?pageSize=100";

        while (next is not null)
        {
            Assert.StartsWith("/api/v2/users?", next);          // relative, as Genesys answers
            var (response, json) = await wire.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages++;
            Assert.Equal(pages, json.GetProperty("pageNumber").GetInt32());
            Assert.Equal(100, json.GetProperty("pageSize").GetInt32());
            Assert.Equal(active.Count, json.GetProperty("total").GetInt64());
            seen.AddRange(json.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            next = json.TryGetProperty("nextUri", out var n) ? n.GetString() : null;
            if (next is null) Assert.Equal(pages, json.GetProperty("pageCount").GetInt32());
        }

        Assert.Equal((active.Count + 99) / 100, pages);
        Assert.Equal(active.Count, seen.Count);
        Assert.Equal(active.Count, seen.Distinct().Count());
        Assert.True(active.SetEquals(seen));
    }

    [Fact]
    public async Task All_1234_users_in_13_pages_with_state_any()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1234 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var ids = new HashSet<string>();
        var pages = 0;
        for (string? next = "/api/v2/users?pageSize=100&state=any"; next is not null; pages++)
        {
            var (_, json) = await wire.GetAsync(next, token);
            foreach (var e in json.GetProperty("entities").EnumerateArray()) Assert.True(ids.Add(e.GetProperty("id").GetString()!));
            next = json.TryGetProperty("nextUri", out var n) ? n.GetString() : null;
            if (next is not null) Assert.Contains("state=any", next);   // other parameters survive into nextUri
        }
        Assert.Equal(13, pages);
        Assert.Equal(1234, ids.Count);
    }

    [Theory]
    [InlineData("pageSize=501")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=abc")]
    [InlineData("pageNumber=0")]
    [InlineData("sortOrder=sideways")]
    [InlineData("state=sleeping")]
    public async Task Invalid_listing_parameters_answer_400(string query)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (response, json) = await wire.GetAsync("/api/v2/users?" + query, token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad.request", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sort_order_state_and_id_filters_apply()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 60 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var users = emulator.Users;

        var (_, asc) = await wire.GetAsync("/api/v2/users?pageSize=500&state=any", token);
        var (_, desc) = await wire.GetAsync("/api/v2/users?pageSize=500&state=any&sortOrder=descending", token);
        var (_, inactive) = await wire.GetAsync("/api/v2/users?pageSize=500&state=inactive", token);
        var (_, byId) = await wire.GetAsync($"/api/v2/users?id={users[3].Id}&id={users[7].Id}&state=any", token);
        // Genesys's JavaScript SDK sends the list comma-separated.
        var (_, byIdList) = await wire.GetAsync($"/api/v2/users?id={users[7].Id},{users[3].Id}&state=any", token);

        var ascIds = Ids(asc);
        Assert.Equal(users.Select(u => u.Id), ascIds);
        Assert.Equal(ascIds.AsEnumerable().Reverse(), Ids(desc));
        Assert.Equal(users.Where(u => u.State == "inactive").Select(u => u.Id), Ids(inactive));
        Assert.Equal(new[] { users[3].Id, users[7].Id }, Ids(byId));
        Assert.Equal(new[] { users[3].Id, users[7].Id }, Ids(byIdList));
    }

    [Theory]
    [InlineData("sortOrder=sideways")]
    [InlineData("state=bogus")]
    [InlineData("state=sleeping&sortOrder=descending")]
    [InlineData("pageSize=0")]
    public async Task The_cursor_listing_refuses_bad_parameters_with_the_page_listings_400(string query)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 10 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (pages, pagesJson) = await wire.GetAsync("/api/v2/users?" + query, token);
        var (cursor, cursorJson) = await wire.GetAsync("/api/v2/users/query?" + query, token);
        Assert.Equal(HttpStatusCode.BadRequest, pages.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cursor.StatusCode);
        Assert.Equal(pagesJson.GetProperty("message").GetString(), cursorJson.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("state=any")]
    [InlineData("state=any&sortOrder=descending")]
    [InlineData("state=inactive")]
    [InlineData("sortOrder=desc")]
    [InlineData("state=any&id={3},{7},{11}&id={40}")]
    [InlineData("state=active&id={3},{5},{6},{7},{8},{9},{10},{11},{12},{40}&sortOrder=descending")]
    public async Task The_cursor_listing_walks_the_users_the_page_listing_lists_with_the_same_filters(string filters)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 90 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var users = emulator.Users;
        for (var i = 0; i < users.Count; i++) filters = filters.Replace("{" + i + "}", users[i].Id, StringComparison.Ordinal);

        var (_, listing) = await wire.GetAsync("/api/v2/users?pageSize=500&" + filters, token);
        var seen = new List<string>();
        for (string? next = "/api/v2/users/query?pageSize=4&" + filters; next is not null;)
        {
            var (response, json) = await wire.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(Ids(json));
            next = json.TryGetProperty("nextUri", out var n) ? n.GetString() : null;
        }
        Assert.NotEmpty(seen);
        Assert.Equal(Ids(listing), seen);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_users_and_another_seed_does_not()
    {
        await using var a = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 20, Seed = 7 });
        await using var b = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 20, Seed = 7 });
        await using var c = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 20, Seed = 8 });
        Assert.Equal(a.Users, b.Users);
        Assert.NotEqual(a.Users.Select(u => u.Id), c.Users.Select(u => u.Id));
    }

    [Fact]
    public async Task The_cursor_query_returns_every_active_user_once_through_opaque_cursors()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 333 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var seen = new List<string>();
        var pages = 0;
        for (string? next = "/api/v2/users/query?pageSize=50"; next is not null; pages++)
        {
            var (response, json) = await wire.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(Ids(json));
            next = json.TryGetProperty("nextUri", out var n) ? n.GetString() : null;
            Assert.Equal(next is null, !json.TryGetProperty("cursor", out _));
        }
        var active = emulator.Users.Where(u => u.State == "active").Select(u => u.Id).ToList();
        Assert.Equal(active, seen);
        Assert.Equal((active.Count + 49) / 50, pages);

        var (bad, badJson) = await wire.GetAsync("/api/v2/users/query?cursor=garbage!!", token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("bad.request", badJson.GetProperty("code").GetString());
    }

    private static List<string> Ids(JsonElement listing) =>
        listing.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
}

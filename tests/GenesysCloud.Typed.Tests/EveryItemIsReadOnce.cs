using System.Text.Json;

namespace GenesysCloud.Typed.Tests;

/// <summary>A listing returns every item exactly once and in order, by page number or by cursor, with or without
/// prefetch, through a generated client, and from a saved continuation token without repeats.</summary>
public sealed class EveryItemIsReadOnce
{
    [Fact]
    public async Task Paging_1234_users_by_100_yields_each_exactly_once_in_13_requests()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 1234);
        var ids = new List<string>();
        await foreach (var user in h.ListUsers(100, "&state=any")) ids.Add(user.Id);

        Assert.Equal(1234, ids.Count);
        Assert.Equal(1234, ids.Distinct().Count());
        Assert.Equal(13, h.Tap.To("/api/v2/users").Count());
    }

    [Fact]
    public async Task Prefetch_yields_the_same_users_in_the_same_order()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 321);
        var plain = new List<string>();
        var prefetched = new List<string>();
        await foreach (var user in h.ListUsers(25, "&state=any")) plain.Add(user.Id);
        await foreach (var user in h.ListUsers(25, "&state=any").WithPrefetch()) prefetched.Add(user.Id);
        Assert.Equal(plain, prefetched);
        Assert.Equal(321, plain.Count);
    }

    [Fact]
    public async Task A_saved_continuation_token_resumes_after_its_page_without_repeats()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 1000);
        var before = new List<string>();
        string? checkpoint = null;
        var pages = 0;
        await foreach (var page in h.ListUsers(100, "&state=any").AsPages())
        {
            before.AddRange(page.Items.Select(u => u.Id));
            checkpoint = page.ContinuationToken;
            if (++pages == 4) break;   // the job is interrupted here
        }
        Assert.StartsWith("/api/v2/users?", checkpoint);

        var after = new List<string>();
        await foreach (var page in h.ListUsers(100, "&state=any").AsPages(checkpoint)) after.AddRange(page.Items.Select(u => u.Id));

        Assert.Equal(400, before.Count);
        Assert.Equal(600, after.Count);
        Assert.Equal(1000, before.Concat(after).Distinct().Count());
    }

    [Fact]
    public async Task Cursor_paging_follows_the_cursor_through_every_active_user()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 333);
        var pageable = h.Connection.Paginate(new GenesysRequest(HttpMethod.Get, "/api/v2/users/query?pageSize=40"), TestJson.Default.User, PagingStyle.Cursor);
        var ids = new List<string>();
        await foreach (var user in pageable) ids.Add(user.Id);
        Assert.Equal(h.Emulator.Users.Where(u => u.State == "active").Select(u => u.Id), ids);
    }

    [Fact]
    public async Task Analytics_results_page_by_cursor_under_their_own_items_property()
    {
        await using var h = await Harness.StartAsync(e => e.ConversationCount = 230);
        const string jobs = "/api/v2/analytics/conversations/details/jobs";
        using var created = await h.Connection.SendRawAsync(new GenesysRequest(HttpMethod.Post, jobs)
        {
            Body = """{"interval":"2026-01-01T00:00:00Z/2026-02-01T00:00:00Z"}"""u8.ToArray(),
        });
        var jobId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
        for (var i = 0; i < 3; i++) (await h.Connection.SendRawAsync(new GenesysRequest(HttpMethod.Get, $"{jobs}/{jobId}"))).Dispose();

        var results = h.Connection.Paginate(new GenesysRequest(HttpMethod.Get, $"{jobs}/{jobId}/results?pageSize=100"),
            TestJson.Default.Conversation, PagingStyle.Cursor, itemsProperty: "conversations");
        var ids = new HashSet<string>();
        await foreach (var conversation in results) Assert.True(ids.Add(conversation.ConversationId));
        Assert.Equal(230, ids.Count);
    }

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
    public async Task Cursor_paging_through_the_generated_client()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 140);
        var users = IUsersApi.Create(h.Connection);
        var ids = new List<string>();
        await foreach (var user in users.QueryUsersAsync(pageSize: 30)) ids.Add(user.Id);
        Assert.Equal(h.Emulator.Users.Where(u => u.State == "active").Select(u => u.Id), ids);
    }
}

using System.Text.Json;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

public sealed class PagingTests
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
    public async Task A_next_uri_that_loops_stops_with_a_paging_exception()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=2"));
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=1"));
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=2"));

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.Connection.Paginate(new GenesysRequest(HttpMethod.Get, "/api/v2/users?pageSize=2&pageNumber=1"), TestJson.Default.User)) { }
        });

        Assert.Contains("repeats an earlier page", error.Message);
        Assert.Equal(2, h.Tap.To("/api/v2/users").Count());
    }

    [Theory]
    [InlineData("https://evil.example.com/api/v2/users?pageNumber=2", "evil.example.com")]
    [InlineData("//evil.example.com/api/v2/users?pageNumber=2", "not a URI this client can follow")]
    [InlineData("ftp://127.0.0.1/api/v2/users", "not a URI this client can follow")]
    [InlineData("ht tp://nope", "not a URI")]
    [InlineData("/api/v2/../../oauth/token", "leaves the listing's API")]
    [InlineData("/api/v2/users/%2e%2e/%2E%2E/../oauth/token", "leaves the listing's API")]
    [InlineData("/api/v2/users/./x?pageNumber=2", "leaves the listing's API")]
    [InlineData("/oauth/token?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v3/users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2/users?pageNumber=2#again", "a fragment")]
    [InlineData("/\\evil.example.com/api/v2/users", "leaves the listing's API")]
    [InlineData("..\\..\\oauth\\token", "leaves the listing's API")]
    public async Task A_next_uri_to_another_host_scheme_or_no_uri_at_all_stops_before_sending_anything(string nextUri, string mention)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page(nextUri));

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.ListUsers(2)) { }
        });

        Assert.Contains(mention, error.Message);
        Assert.All(h.Tap.Requests, r => Assert.Equal(h.Emulator.BaseAddress.Authority, r.Uri.Authority));
        Assert.Single(h.Tap.To("/api/v2/users"));
    }

    [Theory]
    [InlineData("/api/v2/users?pageSize=2&pageNumber=2#x", "a fragment")]
    [InlineData("/api/v2/users?pageSize=2&pageNumber=<lone surrogate>", "no UTF-8 form")]
    [InlineData("/api/v2users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2/../../oauth/token", "leaves the listing's API")]
    public async Task A_tampered_continuation_token_is_refused_before_sending(string token, string mention)
    {
        await using var h = await Harness.StartAsync();
        token = token.Replace("<lone surrogate>", "\ud800");   // attribute strings cannot carry one

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.ListUsers(2).AsPages(token)) { }
        });

        Assert.Contains(mention, error.Message);
        Assert.Empty(h.Tap.To("/api/"));
    }

    [Fact]
    public async Task A_next_uri_with_another_scheme_on_the_same_host_is_refused()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page($"https://{h.Emulator.BaseAddress.Authority}/api/v2/users?pageNumber=2"));
        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () => { await foreach (var _ in h.ListUsers(2)) { } });
        Assert.Contains("no token was sent there", error.Message);
    }

    [Fact]
    public async Task A_same_host_absolute_next_uri_is_followed()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 5);
        h.Emulator.Enqueue(Page($"{h.Emulator.BaseAddress}api/v2/users?pageSize=2&pageNumber=2&state=any"));
        var ids = new List<string>();
        await foreach (var user in h.ListUsers(2, "&state=any")) ids.Add(user.Id);
        // The scripted first page is empty; the absolute link leads to the real pages 2 and 3.
        Assert.Equal(h.Emulator.Users.Skip(2).Select(u => u.Id), ids);
    }

    [Fact]
    public async Task A_truncated_page_is_a_clear_invalid_response()
    {
        await using var h = await Harness.StartAsync(e => { e.Faults.MalformedBodyRate = 1; e.Faults.MalformedBody = MalformedBodyKind.TruncatedJson; });
        var error = await Assert.ThrowsAsync<GenesysInvalidResponseException>(async () => { await foreach (var _ in h.ListUsers(10)) { } });
        Assert.Contains("cannot be read as a listing of User", error.Message);
        Assert.NotNull(error.CorrelationId);
    }

    private static ScriptedResponse Page(string nextUri) => new()
    {
        Method = "GET",
        Path = "/api/v2/users",
        Body = JsonSerializer.Serialize(new { entities = Array.Empty<object>(), pageSize = 2, pageNumber = 1, pageCount = 9, nextUri }),
    };
}

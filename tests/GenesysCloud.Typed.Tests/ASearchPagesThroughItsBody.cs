using System.Text.Json;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A search whose paging lives in the POST body reads every page: the next request is the same body with
/// pageNumber or nextPage set (every other property kept), a search POST is retried like a read, pages resume from a
/// continuation token, and a nextPage token that loops or names another place is refused like a bad nextUri.</summary>
public sealed class ASearchPagesThroughItsBody
{
    private const string Search = "/api/v2/users/search";

    private static GenesysPageable<User> Users(Harness h, PagingStyle style, string body = """{"query":[{"type":"EXACT","fields":["state"],"values":["active"]}],"pageSize":2}""") =>
        h.Connection.Paginate(new GenesysRequest(HttpMethod.Post, Search) { Body = System.Text.Encoding.UTF8.GetBytes(body) }, TestJson.Default.User, style, "results");

    private static string Page(int number, int count, string? nextPage, params string[] ids) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["results"] = ids.Select(id => new Dictionary<string, object> { ["id"] = id, ["name"] = "User " + id }).ToArray(),
            ["pageNumber"] = number,
            ["pageCount"] = count,
            ["total"] = count * 2,
            ["nextPage"] = nextPage,
        });

    private static ScriptedResponse Answer(string body, int status = 200) => new() { Path = Search, Method = "POST", Status = status, Body = body };

    private static async Task<List<string>> ReadAsync(Harness h, IAsyncEnumerable<User> users)
    {
        var ids = new List<string>();
        async Task Read()
        {
            await foreach (var user in users) ids.Add(user.Id);
        }
        await h.AdvanceUntilDoneAsync(Read());
        return ids;
    }

    private static List<JsonElement> BodiesSent(Harness h) =>
        h.Tap.To(Search).Select(r => JsonDocument.Parse(r.Body!).RootElement.Clone()).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Page_numbers_go_in_the_body_up_to_the_page_count_keeping_the_rest_of_the_body(int pages)
    {
        await using var h = await Harness.StartAsync();
        for (var n = 1; n <= pages; n++) h.Emulator.Enqueue(Answer(Page(n, pages, null, $"u{n}a", $"u{n}b")));

        var ids = await ReadAsync(h, Users(h, PagingStyle.BodyPageNumber));

        Assert.Equal(Enumerable.Range(1, pages).SelectMany(n => new[] { $"u{n}a", $"u{n}b" }), ids);
        var bodies = BodiesSent(h);
        Assert.Equal(pages, bodies.Count);
        Assert.False(bodies[0].TryGetProperty("pageNumber", out _));   // the first body as the caller wrote it
        for (var n = 2; n <= pages; n++)
        {
            Assert.Equal(n, bodies[n - 1].GetProperty("pageNumber").GetInt32());
            Assert.Equal(2, bodies[n - 1].GetProperty("pageSize").GetInt32());
            Assert.Equal("active", bodies[n - 1].GetProperty("query")[0].GetProperty("values")[0].GetString());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Next_page_tokens_go_in_the_next_body_until_there_is_none(int pages)
    {
        await using var h = await Harness.StartAsync();
        for (var n = 1; n <= pages; n++) h.Emulator.Enqueue(Answer(Page(n, pages, n < pages ? $"tok-{n + 1}==" : null, $"u{n}")));

        var ids = await ReadAsync(h, Users(h, PagingStyle.BodyNextPage));

        Assert.Equal(Enumerable.Range(1, pages).Select(n => $"u{n}"), ids);
        var bodies = BodiesSent(h);
        for (var n = 2; n <= pages; n++) Assert.Equal($"tok-{n}==", bodies[n - 1].GetProperty("nextPage").GetString());
    }

    // With a count, the count decides (EveryWalkEnds: it is followed past empty pages).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_number_search_whose_answers_omit_the_count_ends_only_at_an_empty_page(bool withNumber)
    {
        await using var h = await Harness.StartAsync();
        string Body(int n, params string[] ids) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["results"] = ids.Select(id => new Dictionary<string, object> { ["id"] = id, ["name"] = id }).ToArray(),
            ["pageNumber"] = withNumber ? n : null,
            ["pageCount"] = null,
        });
        h.Emulator.Enqueue(Answer(Body(1, "a", "b")));
        h.Emulator.Enqueue(Answer(Body(2, "c")));
        h.Emulator.Enqueue(Answer(Body(3)));

        Assert.Equal(["a", "b", "c"], await ReadAsync(h, Users(h, PagingStyle.BodyPageNumber)));
        Assert.Equal([2, 3], BodiesSent(h).Skip(1).Select(b => b.GetProperty("pageNumber").GetInt32()));
    }

    [Fact]
    public async Task A_search_post_is_retried_like_a_read()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = Search, Method = "POST", Status = 500, Body = """{"code":"x","status":500}""" });
        h.Emulator.Enqueue(new ScriptedResponse { Path = Search, Method = "POST", DropConnection = true });
        h.Emulator.Enqueue(Answer(Page(1, 1, null, "only")));

        Assert.Equal(["only"], await ReadAsync(h, Users(h, PagingStyle.BodyPageNumber)));
        Assert.Equal(3, h.Tap.To(Search).Count());
    }

    public static TheoryData<string> RefusedTokens() => new()
    {
        "https://evil.example.com/api/v2/users/search?page=2",
        "http://127.0.0.1:1/api/v2/users/search",
        "//evil.example.com/api/v2/users/search",
        "/oauth/token",
        "/api/v2/../../oauth/token",
        "/api/v3/users/search",
        "tok\r\nX-Injected: 1",
        "tok\u0000",
        new string('a', 70_000),
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_next_page_token_that_names_another_place_or_cannot_be_sent_is_refused(string token)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Answer(Page(1, 2, token, "u1")));

        var error = await Outcome.Of(ReadAsync(h, Users(h, PagingStyle.BodyNextPage)));

        Assert.IsType<GenesysPagingException>(error);
        Assert.Single(h.Tap.To(Search));
        Assert.DoesNotContain(h.Tap.Requests, r => r.Uri.Host != h.Emulator.BaseAddress.Host);
    }

    [Fact]
    public async Task A_next_page_token_on_this_search_api_is_followed()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Answer(Page(1, 2, "/api/v2/users/search?q64=abc", "u1")));
        h.Emulator.Enqueue(Answer(Page(2, 2, null, "u2")));

        Assert.Equal(["u1", "u2"], await ReadAsync(h, Users(h, PagingStyle.BodyNextPage)));
    }

    [Theory]
    [InlineData(PagingStyle.BodyNextPage)]
    [InlineData(PagingStyle.BodyPageNumber)]
    public async Task A_search_that_loops_is_stopped(PagingStyle style)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Answer(Page(1, 3, "A", "u1")));
        h.Emulator.Enqueue(Answer(Page(2, 3, "B", "u2")));
        h.Emulator.Enqueue(new ScriptedResponse { Path = Search, Method = "POST", Body = Page(1, 3, "A", "u1"), Times = 5 });

        var error = await Outcome.Of(ReadAsync(h, Users(h, style)));

        Assert.IsType<GenesysPagingException>(error);
        Assert.Contains("loop", error!.Message);
        Assert.True(h.Tap.To(Search).Count() <= 4);
    }

    [Theory]
    [InlineData(PagingStyle.BodyNextPage)]
    [InlineData(PagingStyle.BodyPageNumber)]
    public async Task Pages_resume_from_a_continuation_token(PagingStyle style)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Answer(Page(1, 3, "T2", "u1")));
        var pageable = Users(h, style);
        string? token = null;
        async Task FirstPage()
        {
            await foreach (var page in pageable.AsPages())
            {
                token = page.ContinuationToken;
                break;
            }
        }
        await h.AdvanceUntilDoneAsync(FirstPage());
        h.Emulator.Enqueue(Answer(Page(2, 3, "T3", "u2")));
        h.Emulator.Enqueue(Answer(Page(3, 3, null, "u3")));

        var rest = new List<string>();
        async Task Rest()
        {
            await foreach (var page in pageable.AsPages(token)) rest.AddRange(page.Items.Select(u => u.Id));
        }
        await h.AdvanceUntilDoneAsync(Rest());

        Assert.Equal(["u2", "u3"], rest);
        var resumedBody = BodiesSent(h)[1];
        if (style == PagingStyle.BodyNextPage) Assert.Equal("T2", resumedBody.GetProperty("nextPage").GetString());
        else Assert.Equal(2, resumedBody.GetProperty("pageNumber").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("not json")]
    [InlineData("\"text\"")]
    public async Task A_search_body_that_is_not_a_json_object_is_refused_before_sending(string? body)
    {
        await using var h = await Harness.StartAsync();
        var request = new GenesysRequest(HttpMethod.Post, Search) { Body = body is null ? null : System.Text.Encoding.UTF8.GetBytes(body) };

        Assert.ThrowsAny<ArgumentException>(() => h.Connection.Paginate(request, TestJson.Default.User, PagingStyle.BodyPageNumber, "results"));
        Assert.Empty(h.Tap.Requests);
    }
}

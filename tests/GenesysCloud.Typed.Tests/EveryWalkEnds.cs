using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Typed.Tests;

/// <summary>Every walk ends, and ends with everything: a page count that says there is more is followed even past an
/// empty page, and a server that keeps pointing to pages without items stops the walk with GenesysPagingException after
/// GenesysPagingOptions.MaxConsecutiveEmptyPages of them, in every paging style (listings by nextUri, page count,
/// cursor and cursors.after; searches by page number and by nextPage; job results); a paging field that cannot be read,
/// a page number with no next, or a next link over 64 KB stops it before anything more is sent.</summary>
public sealed class EveryWalkEnds
{
    private const string Users = "/api/v2/users";
    private const string Search = "/api/v2/users/search";

    /// <summary>One way a server can point onward from a page: how the walk starts, and the n-th page's answer.</summary>
    public sealed record Shape(string Name, string Method, string Path, PagingStyle Style, string ItemsProperty, Func<int, string[], string> Answer)
    {
        public override string ToString() => Name;
    }

    private static string Items(string[] ids) => "[" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","name":"{{id}}"}""")) + "]";

    public static readonly Shape[] Shapes =
    [
        new("nextUri", "GET", Users, PagingStyle.PageNumber, "entities", (n, ids) => $$"""{"entities":{{Items(ids)}},"nextUri":"/api/v2/users?pageSize=2&after=p{{n}}"}"""),
        new("pageCount", "GET", Users, PagingStyle.PageNumber, "entities", (n, ids) => $$"""{"entities":{{Items(ids)}},"pageNumber":{{n}},"pageCount":1000000}"""),
        new("cursor", "GET", Users, PagingStyle.Cursor, "entities", (n, ids) => $$"""{"entities":{{Items(ids)}},"cursor":"c{{n}}"}"""),
        new("cursor nextUri", "GET", Users, PagingStyle.Cursor, "entities", (n, ids) => $$"""{"entities":{{Items(ids)}},"nextUri":"/api/v2/users?cursor=n{{n}}"}"""),
        new("cursors.after", "GET", Users, PagingStyle.Cursor, "entities", (n, ids) => $$$"""{"entities":{{{Items(ids)}}},"cursors":{"before":"b","after":"a{{{n}}}"}}"""),
        new("body pageCount", "POST", Search, PagingStyle.BodyPageNumber, "results", (n, ids) => $$"""{"results":{{Items(ids)}},"pageNumber":{{n}},"pageCount":1000000}"""),
        new("body pageCount without number", "POST", Search, PagingStyle.BodyPageNumber, "results", (n, ids) => $$"""{"results":{{Items(ids)}},"pageCount":1000000}"""),
        new("body nextPage", "POST", Search, PagingStyle.BodyNextPage, "results", (n, ids) => $$"""{"results":{{Items(ids)}},"nextPage":"t{{n}}"}"""),
    ];

    public static TheoryData<Shape, int> ShapesAndLimits()
    {
        var data = new TheoryData<Shape, int>();
        foreach (var shape in Shapes)
            foreach (var limit in new[] { 0, 1, 5 })
                data.Add(shape, limit);
        return data;
    }

    public static TheoryData<Shape> AllShapes()
    {
        var data = new TheoryData<Shape>();
        foreach (var shape in Shapes) data.Add(shape);
        return data;
    }

    private static IAsyncEnumerable<User> Walk(Harness h, Shape shape)
    {
        var request = shape.Method == "GET"
            ? new GenesysRequest(HttpMethod.Get, Users + "?pageSize=2", Users)
            : new GenesysRequest(HttpMethod.Post, Search) { Body = """{"query":[],"pageSize":2}"""u8.ToArray() };
        return h.Connection.Paginate(request, TestJson.Default.User, shape.Style, shape.ItemsProperty);
    }

    private static void Script(Harness h, Shape shape, int page, params string[] ids) =>
        h.Emulator.Enqueue(new ScriptedResponse { Path = shape.Path, Method = shape.Method, Body = shape.Answer(page, ids) });

    private static async Task<(List<string> Ids, Exception? Error)> ReadAsync(Harness h, IAsyncEnumerable<User> users)
    {
        var ids = new List<string>();
        var error = await Outcome.Of(async () =>
        {
            await foreach (var user in users) ids.Add(user.Id);
        });
        return (ids, error);
    }

    [Theory]
    [MemberData(nameof(ShapesAndLimits))]
    public async Task A_server_that_keeps_pointing_to_empty_pages_stops_the_walk_after_the_limit(Shape shape, int limit)
    {
        await using var h = await Harness.StartAsync(client: o => o.Paging.MaxConsecutiveEmptyPages = limit);
        Script(h, shape, 1, "first");
        for (var n = 2; n < 40; n++) Script(h, shape, n);   // far more empty pages than any limit asks for

        var (ids, error) = await ReadAsync(h, Walk(h, shape));

        var paging = Assert.IsType<GenesysPagingException>(error);
        Assert.Contains("not making progress", paging.Message);
        Assert.Contains($"Paging.MaxConsecutiveEmptyPages is {limit}", paging.Message);
        Assert.Equal(["first"], ids);
        // The page with the item, then the tolerated empty pages, then the one that ends it: nothing more is asked for.
        Assert.Equal(1 + limit + 1, h.Tap.To(shape.Path).Count(r => r.Uri.AbsolutePath == shape.Path));
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public async Task Empty_pages_fewer_than_the_limit_between_items_never_stop_a_walk(Shape shape)
    {
        const int Limit = 3;
        await using var h = await Harness.StartAsync(client: o => o.Paging.MaxConsecutiveEmptyPages = Limit);
        var expected = new List<string>();
        var page = 1;
        // Runs of 0..Limit empty pages between pages with items: each run resets at the next item.
        foreach (var run in new[] { Limit, 0, 1, Limit, 2 })
        {
            for (var e = 0; e < run; e++) Script(h, shape, page++);
            var id = "u" + page;
            expected.Add(id);
            Script(h, shape, page++, id);
        }
        // The last page: no pointer onward in any style.
        h.Emulator.Enqueue(new ScriptedResponse { Path = shape.Path, Method = shape.Method, Body = $$"""{"{{shape.ItemsProperty}}":[{"id":"last","name":"last"}],"pageNumber":{{page}},"pageCount":{{page}}}""" });
        expected.Add("last");

        var (ids, error) = await ReadAsync(h, Walk(h, shape));

        Assert.Null(error);
        Assert.Equal(expected, ids);
    }

    public static TheoryData<string, int, string> EmptyPagesBeforeTheCount()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var style in new[] { "GET", "POST" })
            foreach (var (count, empty) in new[] { (2, "1"), (3, "1"), (3, "1,2"), (3, "2"), (5, "1,3,4"), (4, "1,2,3") })
                data.Add(style, count, empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(EmptyPagesBeforeTheCount))]
    public async Task A_page_count_that_says_there_is_more_is_followed_past_empty_pages(string method, int pageCount, string emptyPages)
    {
        await using var h = await Harness.StartAsync();
        var empty = emptyPages.Split(',').Select(int.Parse).ToHashSet();
        var (path, items, style) = method == "GET" ? (Users, "entities", PagingStyle.PageNumber) : (Search, "results", PagingStyle.BodyPageNumber);
        var expected = new List<string>();
        for (var n = 1; n <= pageCount; n++)
        {
            var ids = empty.Contains(n) ? [] : new[] { $"p{n}a", $"p{n}b" };
            expected.AddRange(ids);
            h.Emulator.Enqueue(new ScriptedResponse { Path = path, Method = method, Body = $$"""{"{{items}}":{{Items(ids)}},"pageNumber":{{n}},"pageCount":{{pageCount}}}""" });
        }
        var shape = new Shape("count", method, path, style, items, (_, _) => "");

        var (read, error) = await ReadAsync(h, Walk(h, shape));

        Assert.Null(error);
        Assert.Equal(expected, read);
        Assert.Equal(pageCount, h.Tap.To(path).Count(r => r.Uri.AbsolutePath == path));
    }

    public static TheoryData<string, string, string> UnreadablePagingFields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var value in new[] { "\"x\"", "3.5", "99999999999", "1e20", "true", "{}", "[3]" })
        {
            data.Add("GET", "pageCount", value);
            data.Add("GET", "pageNumber", value);
            data.Add("POST", "pageCount", value);
            data.Add("POST", "pageNumber", value);
        }
        foreach (var value in new[] { "5", "true", "{}", "[\"/api/v2/users?pageNumber=2\"]" }) data.Add("GET", "nextUri", value);
        foreach (var value in new[] { "true", "{}", "[\"c\"]" }) data.Add("CURSOR", "cursor", value);
        foreach (var value in new[] { "true", "{}", "[\"t\"]" }) data.Add("NEXTPAGE", "nextPage", value);
        return data;
    }

    [Theory]
    [MemberData(nameof(UnreadablePagingFields))]
    public async Task A_paging_field_that_cannot_be_read_stops_the_walk_instead_of_losing_or_repeating_pages(string style, string field, string value)
    {
        await using var h = await Harness.StartAsync();
        var shape = style switch
        {
            "GET" => Shapes[1],           // pageCount, no nextUri
            "POST" => Shapes[5],          // body pageCount
            "CURSOR" => Shapes[2],
            _ => Shapes[7],
        };
        var items = shape.ItemsProperty;
        var fields = new Dictionary<string, string> { ["pageNumber"] = "1", ["pageCount"] = "3" };
        fields[field] = value;
        var body = $$"""{"{{items}}":[{"id":"a","name":"a"}],{{string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}"))}}}""";
        h.Emulator.Enqueue(new ScriptedResponse { Path = shape.Path, Method = shape.Method, Body = body });
        for (var n = 2; n < 10; n++) Script(h, shape, n, "more" + n);

        var (_, error) = await ReadAsync(h, Walk(h, shape));

        var invalid = Assert.IsType<GenesysInvalidResponseException>(error);
        Assert.Contains($"'{field}'", invalid.Message);
        Assert.Contains("paging stopped", invalid.Message);
        Assert.Single(h.Tap.To(shape.Path), r => r.Uri.AbsolutePath == shape.Path);
    }

    [Theory]
    [InlineData("GET", "\"3\"")]
    [InlineData("GET", "3.0")]
    [InlineData("POST", "\"3\"")]
    [InlineData("POST", "3.0")]
    public async Task A_page_count_written_as_a_string_or_a_whole_real_is_that_count(string method, string count)
    {
        await using var h = await Harness.StartAsync();
        var (path, items, style) = method == "GET" ? (Users, "entities", PagingStyle.PageNumber) : (Search, "results", PagingStyle.BodyPageNumber);
        for (var n = 1; n <= 3; n++)
            h.Emulator.Enqueue(new ScriptedResponse { Path = path, Method = method, Body = $$"""{"{{items}}":[{"id":"p{{n}}","name":"p"}],"pageNumber":"{{n}}","pageCount":{{count}}}""" });

        var (ids, error) = await ReadAsync(h, Walk(h, new Shape("count", method, path, style, items, (_, _) => "")));

        Assert.Null(error);
        Assert.Equal(["p1", "p2", "p3"], ids);
    }

    [Theory]
    [InlineData("POST", 2147483647, null)]          // no page count: an item says there may be more, and int + 1 would wrap
    [InlineData("GET", -5, 2147483647)]
    [InlineData("POST", -5, 2147483647)]
    [InlineData("POST", -5, null)]
    public async Task A_page_number_with_no_next_page_number_stops_before_sending_one(string method, int number, int? count)
    {
        await using var h = await Harness.StartAsync();
        var (path, items, style) = method == "GET" ? (Users, "entities", PagingStyle.PageNumber) : (Search, "results", PagingStyle.BodyPageNumber);
        var pageCount = count is { } c ? $",\"pageCount\":{c}" : "";
        h.Emulator.Enqueue(new ScriptedResponse { Path = path, Method = method, Body = $$"""{"{{items}}":[{"id":"a","name":"a"}],"pageNumber":{{number}}{{pageCount}}}""" });
        h.Emulator.Enqueue(new ScriptedResponse { Path = path, Method = method, Body = $$"""{"{{items}}":[],"pageNumber":1,"pageCount":1}""", Times = 5 });

        var (_, error) = await ReadAsync(h, Walk(h, new Shape("overflow", method, path, style, items, (_, _) => "")));

        Assert.Contains("no page this client can ask for", Assert.IsType<GenesysPagingException>(error).Message);
        Assert.Single(h.Tap.To(path), r => r.Uri.AbsolutePath == path);
    }

    [Theory]
    [InlineData("/api/v2/users?pageSize=2&pageNumber=2&", "/api/v2/users?pageSize=2&pageNumber=2&&")]
    [InlineData("/api/v2/users?pageNumber=2&pageSize=2", "/api/v2/users?pageSize=2&&pageNumber=2")]
    [InlineData("/api/v2/users?a=1&pageSize=2", "/api/v2/users?pageSize=2&a=1&")]
    public async Task A_next_link_written_differently_for_a_page_already_asked_for_is_a_loop(string first, string again)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = Users, Method = "GET", Body = $$"""{"entities":[{"id":"a","name":"a"}],"nextUri":"{{first}}"}""" });
        h.Emulator.Enqueue(new ScriptedResponse { Path = Users, Method = "GET", Body = $$"""{"entities":[{"id":"b","name":"b"}],"nextUri":"{{again}}"}""" });

        var (ids, error) = await ReadAsync(h, Walk(h, Shapes[0]));

        Assert.Contains("repeats an earlier page", Assert.IsType<GenesysPagingException>(error).Message);
        Assert.Equal(["a"], ids);
        Assert.Equal(2, h.Tap.To(Users).Count());
    }

    [Theory]
    [InlineData("nextUri")]
    [InlineData("cursor")]
    public async Task A_next_link_or_cursor_over_64_kb_is_never_sent(string field)
    {
        await using var h = await Harness.StartAsync();
        var huge = field == "nextUri" ? "/api/v2/users?cursor=" + new string('x', 70_000) : new string('x', 70_000);
        var style = field == "nextUri" ? PagingStyle.PageNumber : PagingStyle.Cursor;
        h.Emulator.Enqueue(new ScriptedResponse { Path = Users, Method = "GET", Body = $$"""{"entities":[{"id":"a","name":"a"}],"{{field}}":"{{huge}}"}""" });

        var (_, error) = await ReadAsync(h, Walk(h, Shapes[0] with { Style = style }));

        Assert.Contains("longer than 65536 characters", Assert.IsType<GenesysPagingException>(error).Message);
        Assert.Single(h.Tap.To(Users));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Job_results_that_keep_pointing_to_empty_pages_stop_and_the_job_is_deleted(int limit)
    {
        const string Jobs = "/api/v2/analytics/conversations/details/jobs";
        await using var h = await Harness.StartAsync(emulator: o => o.AnalyticsPollsBeforeFulfilled = 0,
            client: o => o.Paging.MaxConsecutiveEmptyPages = limit);
        var job = h.Connection.Job(new GenesysRequest(HttpMethod.Post, Jobs) { Body = """{"interval":"2026-01-01T00:00:00Z/2027-01-01T00:00:00Z"}"""u8.ToArray() },
            TestJson.Default.Conversation, "conversations");
        var jobId = await job.SubmitAsync();
        var results = Jobs + "/" + jobId + "/results";
        for (var n = 0; n < 40; n++)
            h.Emulator.Enqueue(new ScriptedResponse { Path = results, Method = "GET", Body = $$"""{"conversations":[],"cursor":"c{{n}}"}""" });

        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(Task.Run(async () =>
        {
            await foreach (var _ in job)
            {
            }
        })));

        Assert.IsType<GenesysPagingException>(error);
        Assert.Equal(limit + 1, h.Tap.To(results).Count());
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE");
    }

    [Fact]
    public void The_limit_is_validated_and_bound_from_configuration()
    {
        var options = new GenesysCloudOptions { BaseAddress = new Uri("http://127.0.0.1:1"), ClientId = "id", ClientSecret = "secret" };
        options.Paging.MaxConsecutiveEmptyPages = -1;
        Assert.Contains("Paging.MaxConsecutiveEmptyPages", Assert.Throws<ArgumentException>(options.Validate).Message);

        var bound = new GenesysCloudOptions();
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Paging:MaxConsecutiveEmptyPages"] = "12" }).Build();
        GenesysCloudServiceCollectionExtensions.Bind(section, bound);
        Assert.Equal(12, bound.Paging.MaxConsecutiveEmptyPages);
        Assert.Equal(5, new GenesysCloudOptions().Paging.MaxConsecutiveEmptyPages);
    }
}

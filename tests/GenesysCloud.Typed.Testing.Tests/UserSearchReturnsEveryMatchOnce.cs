using System.Net;
using System.Text.Json.Nodes;
using static GenesysCloud.Typed.Testing.Tests.UserSearches;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary><c>POST /api/v2/users/search</c>: body paging by pageNumber or by the nextPage token, with the same users either way.</summary>
public sealed class UserSearchReturnsEveryMatchOnce
{
    /// <summary>Walks every page by pageNumber, then by nextPage tokens, checking the paging fields on the way.</summary>
    private static async Task<(List<string> ByNumber, List<string> ByToken)> BothWaysAsync(Wire wire, string token, JsonArray? query, int? pageSize, string? sort = null)
    {
        JsonObject Body()
        {
            var body = new JsonObject();
            if (pageSize is { } size) body["pageSize"] = size;
            if (query is not null) body["query"] = query.DeepClone();
            if (sort is not null) body["sortOrder"] = sort;
            return body;
        }
        var byNumber = new List<string>();
        var expectedSize = pageSize ?? 25;
        for (var number = 1; ; number++)
        {
            var body = Body();
            body["pageNumber"] = number;
            var (status, page) = await SearchAsync(wire, token, body);
            Assert.Equal(HttpStatusCode.OK, status);
            var total = page.GetProperty("total").GetInt32();
            var pageCount = page.GetProperty("pageCount").GetInt32();
            Assert.Equal((total + expectedSize - 1) / expectedSize, pageCount);
            Assert.Equal(expectedSize, page.GetProperty("pageSize").GetInt32());
            Assert.Equal(number, page.GetProperty("pageNumber").GetInt32());
            byNumber.AddRange(Ids(page));
            Assert.Equal(number < pageCount, NextPage(page) is not null);
            if (number >= pageCount) break;
        }

        var byToken = new List<string>();
        string? next = null;
        do
        {
            var body = Body();
            if (next is not null) body["nextPage"] = next;
            var (status, page) = await SearchAsync(wire, token, body);
            Assert.Equal(HttpStatusCode.OK, status);
            byToken.AddRange(Ids(page));
            next = NextPage(page);
        } while (next is not null);
        return (byNumber, byToken);
    }

    [Fact]
    public async Task Paging_by_page_number_and_by_next_page_token_returns_the_same_users_each_once_for_every_page_size()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(3000));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var active = emulator.Users.Where(u => u.State == "active").Select(u => u.Id).ToList();
        var sales = emulator.Users.Where(u => u.State == "active" && u.Department == "Sales").Select(u => u.Id).ToList();
        var salesQuery = new JsonArray(new JsonObject { ["type"] = "EXACT", ["fields"] = new JsonArray("department"), ["value"] = "Sales" });

        foreach (var size in new int?[] { null, 25, 50, 64, 97, 100 })
        {
            var (byNumber, byToken) = await BothWaysAsync(wire, token, null, size);
            Assert.Equal(active, byNumber);
            Assert.Equal(active, byToken);
        }
        foreach (var size in new[] { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 99, 100 })
        {
            var (byNumber, byToken) = await BothWaysAsync(wire, token, salesQuery, size);
            Assert.Equal(sales, byNumber);
            Assert.Equal(sales, byToken);
        }
        var (descending, descendingByToken) = await BothWaysAsync(wire, token, null, 40, "DESC");
        Assert.Equal(Enumerable.Reverse(active), descending);
        Assert.Equal(descending, descendingByToken);
        Assert.True(emulator.Ledger.Requests("POST " + Search, 200) > 1000);
    }

    [Fact]
    public async Task Queries_match_exact_contains_and_starts_with_ignoring_case_fields_and_values_ored_criteria_anded()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(600));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var users = emulator.Users;
        var cases = new (JsonArray Query, Func<EmulatedUser, bool> Expected)[]
        {
            (Q(("EXACT", ["state"], ["inactive"])), u => u.State == "inactive"),
            (Q(("EXACT", ["state"], ["active", "inactive"])), _ => true),
            (Q(("EXACT", ["department"], ["sales"])), u => u.State == "active" && u.Department == "Sales"),
            (Q(("CONTAINS", ["name"], ["hop"])), u => u.State == "active" && u.Name.Contains("hop", StringComparison.OrdinalIgnoreCase)),
            (Q(("STARTS_WITH", ["email"], ["ADA."])), u => u.State == "active" && u.Email.StartsWith("ada.", StringComparison.Ordinal)),
            (Q(("CONTAINS", ["name", "email"], ["turing", "knuth"])),
                u => u.State == "active" && new[] { "turing", "knuth" }.Any(v => u.Name.Contains(v, StringComparison.OrdinalIgnoreCase) || u.Email.Contains(v, StringComparison.OrdinalIgnoreCase))),
            (Q(("EXACT", ["department"], ["Billing"]), ("CONTAINS", ["name"], ["a"]), ("EXACT", ["state"], ["active"])),
                u => u.State == "active" && u.Department == "Billing" && u.Name.Contains('a', StringComparison.OrdinalIgnoreCase)),
            (Q(("EXACT", ["id"], [users[17].Id])), u => u.Id == users[17].Id && u.State == "active"),
            (Q(("EXACT", ["name"], ["nobody at all"])), _ => false),
        };
        foreach (var (query, expected) in cases)
        {
            var (byNumber, byToken) = await BothWaysAsync(wire, token, query, 30);
            var want = users.Where(expected).Select(u => u.Id).ToList();
            Assert.Equal(want, byNumber);
            Assert.Equal(want, byToken);
        }
    }

    private static JsonArray Q(params (string Type, string[] Fields, string[] Values)[] criteria)
    {
        var array = new JsonArray();
        foreach (var (type, fields, values) in criteria)
        {
            var criterion = new JsonObject { ["type"] = type, ["fields"] = new JsonArray(fields.Select(f => (JsonNode)f!).ToArray()) };
            if (values.Length == 1) criterion["value"] = values[0];
            else criterion["values"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray());
            array.Add(criterion);
        }
        return array;
    }

    [Fact]
    public async Task Results_look_like_the_users_listing_and_a_page_past_the_end_is_empty()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(60));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, listing) = await wire.GetAsync("/api/v2/users?pageSize=100", token);
        var (_, search) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 100 });
        Assert.Equal(listing.GetProperty("entities").GetRawText(), search.GetProperty("results").GetRawText());
        Assert.Equal(listing.GetProperty("total").GetInt32(), search.GetProperty("total").GetInt32());

        var (status, beyond) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10, ["pageNumber"] = 99 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Ids(beyond));
        Assert.Null(NextPage(beyond));

        await using var empty = await GenesysCloudEmulator.StartAsync(Org(0));
        using var emptyWire = new Wire(empty);
        var (_, none) = await SearchAsync(emptyWire, await emptyWire.ClientCredentialsTokenAsync(), new JsonObject());
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(0, none.GetProperty("pageCount").GetInt32());
        Assert.Null(NextPage(none));
    }

    [Fact]
    public async Task A_next_page_token_replaces_page_number_and_is_refused_for_another_search_size_or_when_forged()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(200));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, first) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10 });
        var (_, second) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10, ["nextPage"] = NextPage(first) });
        var third = NextPage(second)!;

        var (_, viaToken) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10, ["pageNumber"] = 1, ["nextPage"] = third });
        var (_, viaNumber) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10, ["pageNumber"] = 3 });
        Assert.Equal(3, viaToken.GetProperty("pageNumber").GetInt32());
        Assert.Equal(Ids(viaNumber), Ids(viaToken));
        var (_, sizeFromToken) = await SearchAsync(wire, token, new JsonObject { ["nextPage"] = third });
        Assert.Equal(Ids(viaNumber), Ids(sizeFromToken));

        static string Forge(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refused = new JsonObject[]
        {
            new() { ["pageSize"] = 20, ["nextPage"] = third },
            new() { ["pageSize"] = 10, ["sortOrder"] = "DESC", ["nextPage"] = third },
            new() { ["pageSize"] = 10, ["nextPage"] = third, ["query"] = Q(("EXACT", ["state"], ["inactive"])) },
            new() { ["nextPage"] = "" },
            new() { ["nextPage"] = "garbage!!" },
            new() { ["nextPage"] = third + "A" },
            new() { ["nextPage"] = Forge("search:3:10:0000000000000000") },
            new() { ["nextPage"] = Forge("search:0:10:" + third) },
            new() { ["nextPage"] = Forge("emu:30") },
            new() { ["nextPage"] = new string('A', 2000) },
        };
        foreach (var body in refused)
        {
            var (status, error) = await SearchAsync(wire, token, body);
            Assert.True(status == HttpStatusCode.BadRequest, body.ToJsonString());
            Assert.Equal("bad.request", error.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Bad_bodies_answer_400_with_a_reason()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(10));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var bad = new[]
        {
            "", "not json", "[]", "null", "42", """{"pageSize":0}""", """{"pageSize":101}""", """{"pageSize":-5}""", """{"pageSize":"ten"}""",
            """{"pageSize":2.5}""", """{"pageNumber":0}""", """{"pageNumber":-1}""", """{"sortOrder":"sideways"}""", """{"nextPage":42}""",
            """{"query":{}}""", """{"query":[{}]}""", """{"query":[{"type":"FUZZY","fields":["name"],"value":"a"}]}""",
            """{"query":[{"type":"EXACT","fields":[],"value":"a"}]}""", """{"query":[{"type":"EXACT","fields":["salary"],"value":"a"}]}""",
            """{"query":[{"type":"EXACT","fields":["name"]}]}""", """{"query":[{"type":"EXACT","fields":["name"],"values":[]}]}""",
            """{"query":[{"type":"EXACT","fields":["name"],"value":"a","values":["b"]}]}""", """{"query":[{"type":"EXACT","fields":["name"],"values":[null]}]}""",
            """{"query":[{"type":"EXACT","fields":[null],"value":"a"}]}""", """{"query":[null]}""",
        };
        foreach (var body in bad)
        {
            var (response, error) = await wire.SendAsync(HttpMethod.Post, Search, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("bad.request", error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
        Assert.Equal(bad.Length, emulator.Ledger.Requests("POST " + Search, 400));
    }

    [Theory]
    [InlineData("""{"type":"EXACT","fields":["name"]}""", "needs a value or values")]
    [InlineData("""{"type":"EXACT","fields":["name"],"values":[]}""", "needs a value or values")]
    [InlineData("""{"type":"EXACT","fields":["name"],"value":"a","values":["b"]}""", "not both")]
    [InlineData("""{"type":"EXACT","fields":["name"],"value":null,"values":null}""", "needs a value or values")]
    public async Task A_criterion_without_a_value_and_one_with_both_are_told_apart(string criterion, string reason)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(10));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (response, error) = await wire.SendAsync(HttpMethod.Post, Search, token, $$"""{"query":[{{criterion}}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains(reason, message);
        Assert.DoesNotContain(reason == "not both" ? "needs" : "not both", message);
    }

    [Fact]
    public async Task Sort_order_type_and_field_names_are_accepted_in_any_case_and_unknown_body_fields_ignored()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(50));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        foreach (var body in new[] { "{}", """{"sortOrder":"asc"}""", """{"sortOrder":"DESC"}""", """{"query":[{"type":"exact","fields":["STATE"],"value":"ACTIVE"}]}""", """{"unknown":1}""" })
        {
            var (response, _) = await wire.SendAsync(HttpMethod.Post, Search, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        }
    }
}

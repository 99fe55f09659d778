using System.Net;
using System.Text.Json.Nodes;
using static GenesysCloud.Typed.Testing.Tests.UserSearches;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Answers have the shape Genesys gives them: listings and search answers with Genesys's properties and types, errors with Genesys's codes and a <c>contextId</c> equal to the <c>inin-correlation-id</c> header.</summary>
public sealed class AnswersHaveGenesyssShape
{

    [Fact]
    public async Task Every_response_carries_a_correlation_id_equal_to_the_error_context_id()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (ok, _) = await wire.GetAsync("/api/v2/users", token);
        var (missing, json) = await wire.GetAsync("/api/v2/users/no-such-user", token);

        Assert.True(ok.Headers.TryGetValues("inin-correlation-id", out var okIds));
        Assert.Single(okIds);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.Headers.GetValues("inin-correlation-id").Single(), json.GetProperty("contextId").GetString());
        Assert.Equal("not.found", json.GetProperty("code").GetString());
        foreach (var field in new[] { "message", "messageWithParams", "messageParams", "details", "errors" })
            Assert.True(json.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_listing_has_the_genesys_shape_with_first_self_previous_and_last_uris()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 80 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (_, first) = await wire.GetAsync("/api/v2/users?state=any", token);
        var (_, last) = await wire.GetAsync("/api/v2/users?state=any&pageNumber=4", token);

        Assert.Equal(25, first.GetProperty("pageSize").GetInt32());          // the default
        Assert.Equal(4, first.GetProperty("pageCount").GetInt32());
        Assert.Equal("/api/v2/users?pageSize=25&pageNumber=1&state=any", first.GetProperty("firstUri").GetString());
        Assert.Equal("/api/v2/users?pageSize=25&pageNumber=1&state=any", first.GetProperty("selfUri").GetString());
        Assert.Equal("/api/v2/users?pageSize=25&pageNumber=2&state=any", first.GetProperty("nextUri").GetString());
        Assert.False(first.TryGetProperty("previousUri", out _));
        Assert.Equal("/api/v2/users?pageSize=25&pageNumber=4&state=any", first.GetProperty("lastUri").GetString());
        Assert.Equal(5, last.GetProperty("entities").GetArrayLength());
        Assert.False(last.TryGetProperty("nextUri", out _));
        Assert.Equal("/api/v2/users?pageSize=25&pageNumber=3&state=any", last.GetProperty("previousUri").GetString());
    }

    [Fact]
    public async Task Unknown_api_routes_answer_404_in_the_genesys_shape()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (response, json) = await wire.GetAsync("/api/v2/nothing/here", token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not.found", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_answer_has_the_properties_of_Genesyss_UsersSearchResponse_with_types_users_on_every_page()
    {
        // UsersSearchResponse (the official SDK's index.d.ts): total, pageCount, pageSize, pageNumber, types and results
        // are required; nextPage optional. tests/Conformance checks the whole shape with the SDK itself.
        await using var emulator = await GenesysCloudEmulator.StartAsync(Org(30));
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, first) = await SearchAsync(wire, token, new JsonObject { ["pageSize"] = 10 });
        Assert.Equal(["total", "pageCount", "pageSize", "pageNumber", "types", "results", "nextPage"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[\"users\"]", first.GetProperty("types").GetRawText());
        var (_, second) = await SearchAsync(wire, token, new JsonObject { ["nextPage"] = NextPage(first), ["pageSize"] = 10 });
        Assert.Equal(2, second.GetProperty("pageNumber").GetInt32());
        Assert.Equal("[\"users\"]", second.GetProperty("types").GetRawText());
        var (_, beyond) = await SearchAsync(wire, token, new JsonObject { ["pageNumber"] = 99 });
        Assert.Equal(["total", "pageCount", "pageSize", "pageNumber", "types", "results"], beyond.EnumerateObject().Select(p => p.Name));
    }
}

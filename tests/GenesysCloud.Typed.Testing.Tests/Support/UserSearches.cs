using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary><c>POST /api/v2/users/search</c> over <see cref="Wire"/>: an org to search, a search, and what a page holds.</summary>
internal static class UserSearches
{
    internal const string Search = "/api/v2/users/search";

    internal static EmulatorOptions Org(int users) => new() { UserCount = users, RateLimit = { Enabled = false } };

    internal static async Task<(HttpStatusCode Status, JsonElement Json)> SearchAsync(Wire wire, string token, JsonObject body)
    {
        var (response, json) = await wire.SendAsync(HttpMethod.Post, Search, token, body.ToJsonString());
        return (response.StatusCode, json);
    }

    internal static List<string> Ids(JsonElement page) => page.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();

    internal static string? NextPage(JsonElement page) => page.TryGetProperty("nextPage", out var next) ? next.GetString() : null;
}

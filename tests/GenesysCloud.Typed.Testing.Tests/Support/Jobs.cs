using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The analytics job calls a client makes, over <see cref="Wire"/>.</summary>
internal sealed class Jobs(Wire wire, string token)
{
    public const string Path = "/api/v2/analytics/conversations/details/jobs";

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    public async Task<string> SubmitAsync(DateTimeOffset start, DateTimeOffset end)
    {
        var (response, json) = await wire.SendAsync(HttpMethod.Post, Path, token, $$"""{"interval":"{{Iso(start)}}/{{Iso(end)}}","order":"asc"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return json.GetProperty("jobId").GetString()!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Json)> StatusAsync(string jobId)
    {
        var (response, json) = await wire.GetAsync($"{Path}/{jobId}", token);
        return (response.StatusCode, json);
    }

    public async Task<string> StateAsync(string jobId)
    {
        var (status, json) = await StatusAsync(jobId);
        Assert.Equal(HttpStatusCode.OK, status);
        return json.GetProperty("state").GetString()!;
    }

    /// <summary>Polls until the state is no longer QUEUED or PENDING (at most 50 polls).</summary>
    public async Task<string> PollToEndAsync(string jobId)
    {
        for (var i = 0; i < 50; i++)
        {
            var state = await StateAsync(jobId);
            if (state is not ("QUEUED" or "PENDING")) return state;
        }
        throw new InvalidOperationException("The job never finished.");
    }

    public async Task<(HttpStatusCode Status, JsonElement Json)> PageAsync(string jobId, string? cursor, int? pageSize = null)
    {
        var query = new List<string>();
        if (pageSize is { } size) query.Add("pageSize=" + size);
        if (cursor is not null) query.Add("cursor=" + Uri.EscapeDataString(cursor));
        var (response, json) = await wire.GetAsync($"{Path}/{jobId}/results" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), token);
        return (response.StatusCode, json);
    }

    /// <summary>Every conversation of a FULFILLED job, following cursors; also the number of pages.</summary>
    public async Task<(List<JsonElement> Conversations, int Pages)> ReadAllAsync(string jobId, int? pageSize = null)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, page) = await PageAsync(jobId, cursor, pageSize);
            Assert.Equal(HttpStatusCode.OK, status);
            all.AddRange(page.GetProperty("conversations").EnumerateArray());
            cursor = page.TryGetProperty("cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            pages++;
        } while (cursor is not null);
        return (all, pages);
    }

    public static string Id(JsonElement conversation) => conversation.GetProperty("conversationId").GetString()!;

    public static DateTimeOffset Start(JsonElement conversation) => conversation.GetProperty("conversationStart").GetDateTimeOffset();
}

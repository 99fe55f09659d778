using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>What a job returns: the conversations of its interval, in order, by cursor, each once.</summary>
public sealed class AJobReturnsEachConversationOfItsIntervalOnce
{
    [Fact]
    public async Task Every_interval_returns_exactly_the_conversations_that_start_in_it_in_start_then_id_order()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            ConversationCount = 600, AnalyticsPollsBeforeFulfilled = 0, AnalyticsStatusPollsPerMinute = null, RateLimit = { Enabled = false },
        });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var everyone = await ReadAsync(jobs, emulator.ConversationSpan.Start, emulator.ConversationSpan.End, 1000);
        Assert.Equal(600, everyone.Count);
        Assert.Equal(emulator.Ledger.AllConversationIds(), everyone.Select(Jobs.Id));

        var random = new Random(3);
        var starts = everyone.Select(Jobs.Start).ToArray();
        var first = starts[0];
        var last = starts[^1];
        for (var n = 0; n < 40; n++)
        {
            // Edges on exact conversation starts (start inclusive, end exclusive), between them, and outside the data.
            DateTimeOffset Pick() => random.Next(4) switch
            {
                0 => starts[random.Next(starts.Length)],
                1 => starts[random.Next(starts.Length)].AddSeconds(random.Next(-90, 90)),
                2 => first.AddDays(random.Next(-3, 1)),
                _ => last.AddMinutes(random.Next(-20, 3000)),
            };
            var (a, b) = (Pick(), Pick());
            if (a == b) b = b.AddMinutes(1);
            var (start, end) = a < b ? (a, b) : (b, a);

            var expected = everyone.Where(c => Jobs.Start(c) >= start && Jobs.Start(c) < end).Select(Jobs.Id).ToList();
            var got = await ReadAsync(jobs, start, end, random.Next(1, 250));

            Assert.Equal(expected, got.Select(Jobs.Id));
            Assert.Equal(expected, emulator.Ledger.ConversationIdsIn(start, end));
            var keys = got.Select(c => (Jobs.Start(c), Jobs.Id(c))).ToList();
            Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        }
    }

    private static async Task<List<JsonElement>> ReadAsync(Jobs jobs, DateTimeOffset start, DateTimeOffset end, int pageSize)
    {
        var jobId = await jobs.SubmitAsync(start, end);
        Assert.Equal("FULFILLED", await jobs.PollToEndAsync(jobId));
        return (await jobs.ReadAllAsync(jobId, pageSize)).Conversations;
    }

    [Fact]
    public async Task Page_sizes_from_1_to_1000_page_the_same_conversations_and_the_last_page_has_no_cursor()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 321, RateLimit = { Enabled = false } });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var jobId = await jobs.SubmitAsync(emulator.ConversationSpan.Start, emulator.ConversationSpan.End);
        await jobs.PollToEndAsync(jobId);
        var expected = emulator.Ledger.AllConversationIds();

        foreach (var size in new int?[] { null, 1, 2, 3, 10, 99, 100, 101, 320, 321, 322, 999, 1000 })
        {
            var (conversations, pages) = await jobs.ReadAllAsync(jobId, size);
            Assert.Equal(expected, conversations.Select(Jobs.Id));
            Assert.Equal((321 + (size ?? 100) - 1) / (size ?? 100), pages);
        }
    }

    [Fact]
    public async Task Each_conversation_carries_its_details_and_a_page_its_data_availability_date()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 30 });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var jobId = await jobs.SubmitAsync(emulator.ConversationSpan.Start, emulator.ConversationSpan.End);
        await jobs.PollToEndAsync(jobId);
        var (_, page) = await jobs.PageAsync(jobId, null);

        Assert.True(page.TryGetProperty("dataAvailabilityDate", out _));
        Assert.False(page.TryGetProperty("cursor", out _));
        foreach (var c in page.GetProperty("conversations").EnumerateArray())
        {
            Assert.True(Guid.TryParse(Jobs.Id(c), out _));
            Assert.True(c.GetProperty("conversationEnd").GetDateTimeOffset() > Jobs.Start(c));
            Assert.Contains(c.GetProperty("originatingDirection").GetString(), new[] { "inbound", "outbound" });
            var participants = c.GetProperty("participants").EnumerateArray().ToList();
            Assert.Contains(participants, p => p.GetProperty("purpose").GetString() == "customer");
            Assert.Contains(participants, p => p.GetProperty("purpose").GetString() == "agent" && p.TryGetProperty("userId", out _));
        }
    }

    [Fact]
    public async Task Bad_page_sizes_and_cursors_answer_400_including_another_jobs_cursor()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 250 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var jobs = new Jobs(wire, token);
        var span = emulator.ConversationSpan;
        var a = await jobs.SubmitAsync(span.Start, span.End);
        var b = await jobs.SubmitAsync(span.Start, span.End);
        await jobs.PollToEndAsync(a);
        await jobs.PollToEndAsync(b);
        var (_, firstOfA) = await jobs.PageAsync(a, null, 10);
        var cursorOfA = firstOfA.GetProperty("cursor").GetString()!;

        var (fine, _) = await jobs.PageAsync(a, cursorOfA, 10);
        Assert.Equal(HttpStatusCode.OK, fine);
        var (foreign, _) = await jobs.PageAsync(b, cursorOfA, 10);
        Assert.Equal(HttpStatusCode.BadRequest, foreign);

        string Token(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var badCursors = new[]
        {
            "x", "!!!", "%00", cursorOfA + "x", cursorOfA[..^5], Token($"job:{a}:-1"), Token($"job:{a}:0"), Token($"job:{a}:250"),
            Token($"job:{a}:99999999999"), Token($"job:{a}:1e3"), Token("emu:10"), Token($"job:{b}:10"), new string('A', 600),
        };
        foreach (var cursor in badCursors)
        {
            var (status, error) = await jobs.PageAsync(a, cursor);
            Assert.True(status == HttpStatusCode.BadRequest, cursor);
            Assert.Equal("bad.request", error.GetProperty("code").GetString());
        }
        foreach (var size in new[] { "0", "-1", "1001", "abc", "1.5", "99999999999" })
        {
            var (response, _) = await wire.GetAsync($"{Jobs.Path}/{a}/results?pageSize={size}", token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Fifty_thousand_conversations_page_by_cursor_each_once_and_the_ledger_counts_each_once()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 50_000 });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        var jobId = await jobs.SubmitAsync(emulator.ConversationSpan.Start, emulator.ConversationSpan.End);
        await jobs.PollToEndAsync(jobId);

        var (conversations, pages) = await jobs.ReadAllAsync(jobId, 1000);
        var ids = conversations.Select(Jobs.Id).ToList();

        Assert.Equal(50, pages);
        Assert.Equal(50_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(emulator.Ledger.AllConversationIds(), ids);
        Assert.Equal(50, emulator.Ledger.ResultPagesServed);
        Assert.Equal(50_000, emulator.Ledger.ConversationsServed);
        Assert.Equal(0, emulator.Ledger.ConversationsServedMoreThanOnce);
        Assert.All(ids.Where((_, i) => i % 997 == 0), id => Assert.Equal(1, emulator.Ledger.TimesServed(id)));
        Assert.Equal(0, emulator.Ledger.TimesServed("not-a-conversation"));

        // Reading one page again counts its conversations twice.
        var (_, again) = await jobs.PageAsync(jobId, null, 10);
        Assert.Equal(2, emulator.Ledger.TimesServed(Jobs.Id(again.GetProperty("conversations")[0])));
        Assert.Equal(10, emulator.Ledger.ConversationsServedMoreThanOnce);
        var snapshot = emulator.Ledger.Snapshot();
        Assert.Equal(51, snapshot.ResultPagesServed);
        Assert.Equal(1, snapshot.JobsSubmitted);
        Assert.Equal(emulator.Ledger.JobStatusPolls, snapshot.JobStatusPolls);
    }

    [Fact]
    public async Task A_page_lost_to_a_dropped_connection_is_not_counted_as_served()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            ConversationCount = 2000, Faults = { DropAfterProcessingRate = 0.3 }, Seed = 5, AnalyticsStatusPollsPerMinute = null,
        });
        using var wire = new Wire(emulator);
        var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
        async Task<T> RetryAsync<T>(Func<Task<T>> call)
        {
            for (var attempt = 0; ; attempt++)
            {
                try { return await call(); }
                catch (HttpRequestException) when (attempt < 50) { }
            }
        }
        var jobId = await RetryAsync(() => jobs.SubmitAsync(emulator.ConversationSpan.Start, emulator.ConversationSpan.End));
        while (await RetryAsync(() => jobs.StateAsync(jobId)) != "FULFILLED") { }
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var (_, page) = await RetryAsync(() => jobs.PageAsync(jobId, cursor, 100));
            ids.AddRange(page.GetProperty("conversations").EnumerateArray().Select(Jobs.Id));
            cursor = page.TryGetProperty("cursor", out var c) ? c.GetString() : null;
        } while (cursor is not null);

        Assert.True(emulator.Ledger.Faults("drop-after") > 0);
        Assert.Equal(emulator.Ledger.AllConversationIds(), ids);
        Assert.Equal(20, emulator.Ledger.ResultPagesServed);
        Assert.Equal(0, emulator.Ledger.ConversationsServedMoreThanOnce);
    }

    [Fact]
    public async Task Bad_or_missing_intervals_answer_400_and_iso_variants_are_accepted()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { RateLimit = { Enabled = false } });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var bad = new[]
        {
            "", "{}", "[]", "null", "not json", """{"interval":null}""", """{"interval":""}""", """{"interval":42}""",
            """{"interval":"2026-01-01T00:00:00Z"}""", """{"interval":"2026-01-01T00:00:00Z/"}""", """{"interval":"/2026-01-01T00:00:00Z"}""",
            """{"interval":"a/b"}""", """{"interval":"2026-01-02T00:00:00Z/2026-01-01T00:00:00Z"}""",
            """{"interval":"2026-01-01T00:00:00Z/2026-01-01T00:00:00Z"}""", """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z/2026-01-03T00:00:00Z"}""",
            """{"interval":"2026-13-01T00:00:00Z/2026-14-01T00:00:00Z"}""", """{"interval":"01/02/2026 00:00/02/02/2026 00:00"}""",
        };
        foreach (var body in bad)
        {
            var (response, error) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("bad.request", error.GetProperty("code").GetString());
        }
        var good = new[]
        {
            """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""",
            """{"interval":"2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.123Z","order":"asc","paging":{"pageSize":5}}""",
            """{"interval":"2026-01-01T02:00:00+02:00/2026-01-01T12:00:00-05:00"}""",
            """{"interval":"2026-01-01T00:00Z/2026-01-01T01:00Z"}""",
        };
        foreach (var body in good)
        {
            var (response, json) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            Assert.True(Guid.TryParse(json.GetProperty("jobId").GetString(), out _));
        }
        Assert.Equal(good.Length, emulator.Ledger.JobsSubmitted);
    }

    [Fact]
    public async Task An_offset_interval_selects_the_same_instants_as_its_utc_form()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { AnalyticsPollsBeforeFulfilled = 0 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, job) = await wire.SendAsync(HttpMethod.Post, Jobs.Path, token, """{"interval":"2026-01-01T02:00:00+02:00/2026-01-01T12:00:00+02:00"}""");
        var jobs = new Jobs(wire, token);
        var jobId = job.GetProperty("jobId").GetString()!;
        await jobs.PollToEndAsync(jobId);
        var (conversations, _) = await jobs.ReadAllAsync(jobId);
        Assert.Equal(emulator.Ledger.ConversationIdsIn(DateTimeOffset.Parse("2026-01-01T00:00:00Z"), DateTimeOffset.Parse("2026-01-01T10:00:00Z")),
            conversations.Select(Jobs.Id));
        Assert.NotEmpty(conversations);
    }

    [Fact]
    public async Task Concurrent_readers_of_concurrent_jobs_each_get_their_own_interval_and_the_stats_endpoint_shows_the_counts()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            ConversationCount = 5000, AnalyticsStatusPollsPerMinute = null, RateLimit = { Enabled = false },
        });
        var span = emulator.ConversationSpan;
        var slice = (span.End - span.Start) / 8;
        var readers = Enumerable.Range(0, 8).Select(async n =>
        {
            using var wire = new Wire(emulator);
            var jobs = new Jobs(wire, await wire.ClientCredentialsTokenAsync());
            var (start, end) = (span.Start + slice * n, n == 7 ? span.End : span.Start + slice * (n + 1));
            var jobId = await jobs.SubmitAsync(start, end);
            await jobs.PollToEndAsync(jobId);
            var (conversations, _) = await jobs.ReadAllAsync(jobId, 37 + n * 50);
            Assert.Equal(emulator.Ledger.ConversationIdsIn(start, end), conversations.Select(Jobs.Id));
            return conversations.Count;
        }).ToList();
        Assert.Equal(5000, (await Task.WhenAll(readers)).Sum());
        Assert.Equal(5000, emulator.Ledger.ConversationsServed);
        Assert.Equal(0, emulator.Ledger.ConversationsServedMoreThanOnce);

        using var stats = new Wire(emulator);
        var (_, json) = await stats.GetAsync("/emulator/stats", null);
        Assert.Equal(8, json.GetProperty("jobsSubmitted").GetInt32());
        Assert.Equal(5000, json.GetProperty("conversationsServed").GetInt32());
        Assert.Equal(emulator.Ledger.ResultPagesServed, json.GetProperty("resultPagesServed").GetInt32());
        Assert.Equal(emulator.Ledger.JobStatusPolls, json.GetProperty("jobStatusPolls").GetInt32());
        Assert.Equal(24, emulator.Ledger.JobStatusPolls);
    }
}

using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>An asynchronous job is one call against the emulator's conversation details jobs (submit, poll, results by
/// cursor, delete): every result once in order, every way a job can end said with its state, the job deleted, and a
/// saved id and cursor resumed without submitting again.</summary>
public sealed class AJobDeliversEveryResultOnceAndCleansUp
{
    private const string Jobs = "/api/v2/analytics/conversations/details/jobs";
    private static readonly byte[] Query = """{"interval":"2026-01-01T00:00:00Z/2027-01-01T00:00:00Z"}"""u8.ToArray();

    private static GenesysJob<Conversation> Export(Harness h, CancellationToken cancellationToken = default) =>
        h.Connection.Job(new GenesysRequest(HttpMethod.Post, Jobs) { Body = Query }, TestJson.Default.Conversation, "conversations",
            cancellationToken: cancellationToken);

    /// <summary>Reads while the fake clock moves <paramref name="stepMs"/> every few real milliseconds. With short tokens
    /// the step must be far below their lifetime: at half of it, a token could expire on the fake clock between its fetch
    /// and its replay's send, a race no real clock runs.</summary>
    private static async Task<List<string>> ReadAllAsync(Harness h, IAsyncEnumerable<Conversation> job, int stepMs = 500)
    {
        var ids = new List<string>();
        async Task Read()
        {
            await foreach (var conversation in job) ids.Add(conversation.ConversationId);
        }
        await h.AdvanceUntilDoneAsync(Read(), step: TimeSpan.FromMilliseconds(stepMs));
        return ids;
    }

    private static ScriptedResponse Status(string jobId, string json, int times = 1, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        Path = Jobs + "/" + jobId,
        Method = "GET",
        Body = json,
        Times = times,
        Headers = headers ?? new Dictionary<string, string>(),
    };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(250, 100)]
    [InlineData(250, 7)]
    [InlineData(1000, 1000)]
    [InlineData(0, 50)]
    public async Task A_job_delivers_every_conversation_once_in_result_order_and_is_deleted(int conversations, int pageSize)
    {
        await using var h = await Harness.StartAsync(emulator: o => o.ConversationCount = conversations);

        var job = Export(h).WithPageSize(pageSize);
        var ids = await ReadAllAsync(h, job);

        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "POST");
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE" && r.Uri.AbsolutePath == Jobs + "/" + job.JobId);
        Assert.Null(job.Cursor);
        Assert.Equal(GenesysJobState.Fulfilled, job.State);
    }

    [Theory]
    [InlineData(Jobs + "/")]
    [InlineData(Jobs + "/?x=1")]
    public async Task A_submit_route_ending_in_a_slash_polls_and_reads_without_a_doubled_slash(string submit)
    {
        await using var h = await Harness.StartAsync(emulator: o => o.ConversationCount = 120);
        var job = h.Connection.Job(new GenesysRequest(HttpMethod.Post, submit, Jobs + "/") { Body = Query }, TestJson.Default.Conversation, "conversations");

        var ids = await ReadAllAsync(h, job.WithPageSize(50));

        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);
        Assert.DoesNotContain(h.Tap.To(Jobs), r => r.Uri.AbsolutePath.Contains("//", StringComparison.Ordinal));
        var jobId = h.Tap.To(Jobs).Single(r => r.Method == "DELETE").Uri.AbsolutePath[(Jobs.Length + 1)..];
        Assert.Contains(h.Tap.To(Jobs), r => r.Method == "GET" && r.Uri.AbsolutePath == Jobs + "/" + jobId);
        Assert.Contains(h.Tap.To(Jobs), r => r.Method == "GET" && r.Uri.AbsolutePath == Jobs + "/" + jobId + "/results");
    }

    [Fact]
    public async Task Polling_and_results_survive_tokens_that_expire_every_second_and_5xx()
    {
        await using var h = await Harness.StartAsync(emulator: o =>
        {
            o.ConversationCount = 600;
            o.AccessTokenLifetime = TimeSpan.FromSeconds(1);
            o.AnalyticsPollsBeforeFulfilled = 6;
        });
        h.Emulator.Enqueue(new ScriptedResponse { Path = Jobs + "/*", Method = "GET", Status = 503, Times = 3, Body = """{"code":"service.unavailable","status":503}""",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });

        var ids = await ReadAllAsync(h, Export(h).WithPageSize(50), stepMs: 50);

        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);
        Assert.True(h.Tap.To("/oauth/token").Count() > 1, "the token should have been fetched again while the job ran");
    }

    [Theory]
    [InlineData("FAILED", GenesysJobState.Failed)]
    [InlineData("CANCELLED", GenesysJobState.Cancelled)]
    [InlineData("EXPIRED", GenesysJobState.Expired)]
    [InlineData("failed", GenesysJobState.Failed)]
    public async Task A_job_that_ends_without_results_throws_its_state_and_reason_and_is_deleted(string state, GenesysJobState expected)
    {
        await using var h = await Harness.StartAsync();
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(Status(jobId, $$"""{"state":"PENDING"}"""));
        h.Emulator.Enqueue(Status(jobId, $$"""{"state":"{{state}}","errorMessage":"the query timed out on the server"}"""));

        var error = Assert.IsType<GenesysJobException>(await Outcome.Of(ReadAllAsync(h, job)));

        Assert.Equal(expected, error.State);
        Assert.Equal(jobId, error.JobId);
        Assert.Equal("the query timed out on the server", error.Reason);
        Assert.Contains(jobId, error.Message);
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE");
    }

    [Fact]
    public async Task A_job_that_expires_while_its_results_are_read_throws_expired_and_is_deleted()
    {
        await using var h = await Harness.StartAsync(emulator: o => o.ConversationCount = 300);
        var job = Export(h).WithPageSize(100);
        var jobId = await job.SubmitAsync();
        var seen = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var page in job.AsPages())
            {
                seen.AddRange(page.Items.Select(c => c.ConversationId));
                if (seen.Count == 100)
                {
                    // The next results page answers 404 and the status says EXPIRED.
                    h.Emulator.Enqueue(new ScriptedResponse { Path = Jobs + "/" + jobId + "/results", Status = 404,
                        Body = """{"code":"not.found","status":404,"message":"job expired"}""" });
                    h.Emulator.Enqueue(Status(jobId, """{"state":"EXPIRED"}"""));
                }
            }
        });

        var error = Assert.IsType<GenesysJobException>(await Outcome.Of(h.AdvanceUntilDoneAsync(reading)));

        Assert.Equal(GenesysJobState.Expired, error.State);
        Assert.IsType<GenesysApiException>(error.InnerException);
        Assert.Equal(100, seen.Count);
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE");
    }

    [Fact]
    public async Task A_results_error_from_a_job_still_fulfilled_is_the_servers_error()
    {
        await using var h = await Harness.StartAsync();
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = Jobs + "/" + jobId + "/results", Status = 400, Body = """{"code":"bad.request","status":400,"message":"pageSize too big"}""" });

        var error = Assert.IsType<GenesysApiException>(await Outcome.Of(ReadAllAsync(h, job)));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("bad.request", error.Code);
    }

    [Fact]
    public async Task A_job_that_no_longer_exists_says_so()
    {
        await using var h = await Harness.StartAsync();

        var error = Assert.IsType<GenesysJobException>(await Outcome.Of(ReadAllAsync(h, Export(h).Resume("0b7c9a1e-0000-4000-8000-00000000dead"))));

        Assert.Equal(GenesysJobState.NotFound, error.State);
        Assert.DoesNotContain(h.Tap.To(Jobs), r => r.Method is "POST" or "DELETE");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_resumed_job_continues_after_the_saved_cursor_without_submitting_again(int pagesBeforeCrash)
    {
        await using var h = await Harness.StartAsync(emulator: o => o.ConversationCount = 250);
        var first = Export(h).WithPageSize(60).KeepWhenInterrupted();
        var ids = new List<string>();
        string? jobId = null, cursor = null;
        async Task ReadSome()
        {
            var pages = 0;
            await foreach (var page in first.AsPages())
            {
                ids.AddRange(page.Items.Select(c => c.ConversationId));
                (jobId, cursor) = (first.JobId, first.Cursor);   // the checkpoint, after the page is stored
                if (++pages == pagesBeforeCrash) break;
            }
        }
        await h.AdvanceUntilDoneAsync(ReadSome());

        var resumed = Export(h).WithPageSize(60).Resume(jobId!, cursor);
        ids.AddRange(await ReadAllAsync(h, resumed));

        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "POST");
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE");   // only at the real end
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_while_the_job_runs_ends_cleanly_and_deletes_it_unless_kept(bool keep)
    {
        await using var h = await Harness.StartAsync(emulator: o => o.AnalyticsPollsBeforeFulfilled = 1000);
        using var cancel = new CancellationTokenSource();
        var job = Export(h).KeepWhenInterrupted(keep);
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in job.WithCancellation(cancel.Token))
            {
            }
        });
        // Cancelled while it waits between polls (the fake clock never moves, so it waits forever otherwise).
        while (!h.LogLines().Any(l => l.Contains("polling again in")) && !reading.IsCompleted) await Task.Delay(5);
        cancel.Cancel();

        Assert.IsAssignableFrom<OperationCanceledException>(await Outcome.Of(reading.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.NotNull(job.JobId);
        Assert.Equal(keep ? 0 : 1, h.Tap.To(Jobs).Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task Polls_back_off_doubling_to_the_cap_and_a_retry_after_is_honoured()
    {
        await using var h = await Harness.StartAsync(emulator: o => o.AnalyticsPollsBeforeFulfilled = 8, client: o =>
        {
            o.Jobs.PollInterval = TimeSpan.FromSeconds(1);
            o.Jobs.MaxPollInterval = TimeSpan.FromSeconds(5);
        });
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(Status(jobId, """{"state":"PENDING"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "17" }));

        await ReadAllAsync(h, job);

        var delays = h.LogLines().Where(l => l.Contains("polling again in")).Select(l => l.Split("polling again in ")[1].Split(' ')[0]).ToList();
        Assert.Equal(["00:00:17", "00:00:02", "00:00:04", "00:00:05", "00:00:05", "00:00:05", "00:00:05", "00:00:05"], delays.Take(8));
    }

    [Fact]
    public async Task A_job_not_done_within_max_wait_is_given_up_and_deleted()
    {
        await using var h = await Harness.StartAsync(emulator: o => o.AnalyticsPollsBeforeFulfilled = 100_000,
            client: o => o.Jobs.MaxWait = TimeSpan.FromMinutes(2));

        var error = Assert.IsType<GenesysJobException>(await Outcome.Of(ReadAllAsync(h, Export(h).KeepWhenInterrupted())));

        Assert.Contains("MaxWait", error.Message);
        Assert.Single(h.Tap.To(Jobs), r => r.Method == "DELETE");
    }

    public static TheoryData<string> HostileSubmitAnswers() => new()
    {
        """{}""", """{"jobId":""}""", """{"jobId":".."}""", """{"jobId":"."}""", """{"jobId":42}""", """[]""", """{"jobId":null}""", "<html>ok</html>",
    };

    [Theory]
    [MemberData(nameof(HostileSubmitAnswers))]
    public async Task A_submit_answer_without_a_usable_job_id_is_a_clear_error(string body)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = Jobs, Method = "POST", Status = 202, Body = body });

        var error = await Outcome.Of(ReadAllAsync(h, Export(h)));

        Assert.IsType<GenesysInvalidResponseException>(error);
        Assert.Contains("jobId", error!.Message);
        Assert.Empty(h.Tap.To(Jobs + "/"));
    }

    [Theory]
    [InlineData(250, 60)]
    [InlineData(250, 250)]
    [InlineData(250, 1000)]
    [InlineData(0, 10)]
    public async Task Is_complete_turns_true_exactly_with_the_last_page(int conversations, int pageSize)
    {
        await using var h = await Harness.StartAsync(emulator: o => o.ConversationCount = conversations);
        var job = Export(h).WithPageSize(pageSize);
        var seen = new List<(int Count, bool Complete, string? Cursor)>();
        async Task Read()
        {
            await foreach (var page in job.AsPages()) seen.Add((page.Items.Count, job.IsComplete, job.Cursor));
        }
        await h.AdvanceUntilDoneAsync(Read());

        Assert.All(seen.SkipLast(1), s => Assert.False(s.Complete));
        Assert.True(seen[^1].Complete);
        Assert.Null(seen[^1].Cursor);
        Assert.All(seen.SkipLast(1), s => Assert.NotNull(s.Cursor));
        Assert.True(job.IsComplete);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("Failed, Cancelled")]
    [InlineData("0")]
    [InlineData("NotFound")]
    [InlineData("Unknown")]
    [InlineData("FULFILLED ")]
    public async Task A_state_that_is_not_one_of_the_names_is_polled_again(string state)
    {
        await using var h = await Harness.StartAsync();
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(Status(jobId, $$"""{"state":"{{state}}"}"""));

        var ids = await ReadAllAsync(h, job);

        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);
        Assert.True(job.Polls >= 2);
    }

    [Fact]
    public async Task A_retry_after_beyond_max_wait_says_so()
    {
        await using var h = await Harness.StartAsync(client: o => o.Jobs.MaxWait = TimeSpan.FromSeconds(20));
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(Status(jobId, """{"state":"PENDING"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "99999" }));

        var error = Assert.IsType<GenesysJobException>(await Outcome.Of(ReadAllAsync(h, job)));

        Assert.Contains("asks to poll again", error.Message);
        Assert.Contains("MaxWait", error.Message);
    }

    [Fact]
    public async Task An_unknown_state_is_polled_again_and_a_status_without_state_is_an_error()
    {
        await using var h = await Harness.StartAsync();
        var job = Export(h);
        var jobId = await job.SubmitAsync();
        h.Emulator.Enqueue(Status(jobId, """{"state":"WARMING_UP"}"""));
        h.Emulator.Enqueue(Status(jobId, """{"state":"PENDING"}"""));
        var ids = await ReadAllAsync(h, job);
        Assert.Equal(h.Emulator.Ledger.AllConversationIds(), ids);

        var second = Export(h);
        var secondId = await second.SubmitAsync();
        h.Emulator.Enqueue(Status(secondId, """{"status":"FULFILLED"}"""));
        Assert.IsType<GenesysInvalidResponseException>(await Outcome.Of(ReadAllAsync(h, second)));
    }
}

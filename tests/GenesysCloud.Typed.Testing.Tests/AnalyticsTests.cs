using System.Net;

namespace GenesysCloud.Typed.Testing.Tests;

public sealed class AnalyticsTests
{
    private const string Jobs = "/api/v2/analytics/conversations/details/jobs";

    [Fact]
    public async Task A_details_job_goes_queued_pending_fulfilled_then_pages_results_by_cursor()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 250 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();

        var (submitted, job) = await wire.SendAsync(HttpMethod.Post, Jobs, token, """{"interval":"2026-01-01T00:00:00Z/2026-02-01T00:00:00Z"}""");
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = job.GetProperty("jobId").GetString();

        var (early, _) = await wire.GetAsync($"{Jobs}/{jobId}/results", token);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var states = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, status) = await wire.GetAsync($"{Jobs}/{jobId}", token);
            states.Add(status.GetProperty("state").GetString()!);
        }
        Assert.Equal(new[] { "QUEUED", "PENDING", "FULFILLED" }, states);

        var ids = new List<string>();
        var cursor = "";
        var pages = 0;
        do
        {
            var (response, page) = await wire.GetAsync($"{Jobs}/{jobId}/results?pageSize=100" + (cursor.Length > 0 ? "&cursor=" + cursor : ""), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.AddRange(page.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("conversationId").GetString()!));
            cursor = page.TryGetProperty("cursor", out var c) ? c.GetString()! : "";
            pages++;
        } while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(250, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_job_needs_an_interval_and_unknown_jobs_are_404()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (noInterval, _) = await wire.SendAsync(HttpMethod.Post, Jobs, token, "{}");
        var (unknown, _) = await wire.GetAsync($"{Jobs}/nope", token);
        Assert.Equal(HttpStatusCode.BadRequest, noInterval.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_deleted_job_is_gone_its_status_and_results_answer_404_and_a_second_delete_too()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, job) = await wire.SendAsync(HttpMethod.Post, Jobs, token, """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""");
        var jobId = job.GetProperty("jobId").GetString();

        var (deleted, _) = await wire.SendAsync(HttpMethod.Delete, $"{Jobs}/{jobId}", token);
        var (status, statusError) = await wire.GetAsync($"{Jobs}/{jobId}", token);
        var (results, resultsError) = await wire.GetAsync($"{Jobs}/{jobId}/results", token);
        var (again, _) = await wire.SendAsync(HttpMethod.Delete, $"{Jobs}/{jobId}", token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal("not.found", statusError.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal("not.found", resultsError.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, emulator.Ledger.JobsSubmitted);
        Assert.Equal(1, emulator.Ledger.JobsDeleted);
        Assert.Null(emulator.JobState(jobId!));
    }

    [Fact]
    public async Task A_job_cancelled_on_the_server_reports_cancelled_and_its_results_answer_400_naming_the_state()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (_, job) = await wire.SendAsync(HttpMethod.Post, Jobs, token, """{"interval":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"}""");
        var jobId = job.GetProperty("jobId").GetString()!;

        Assert.True(emulator.CancelJob(jobId));
        Assert.False(emulator.CancelJob("no-such-job"));
        for (var i = 0; i < 4; i++)
        {
            var (_, status) = await wire.GetAsync($"{Jobs}/{jobId}", token);
            Assert.Equal("CANCELLED", status.GetProperty("state").GetString());
        }
        var (results, error) = await wire.GetAsync($"{Jobs}/{jobId}/results", token);
        Assert.Equal(HttpStatusCode.BadRequest, results.StatusCode);
        Assert.Contains("CANCELLED", error.GetProperty("message").GetString());
    }
}

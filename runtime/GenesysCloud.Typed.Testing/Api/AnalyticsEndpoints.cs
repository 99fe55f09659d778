using System.Globalization;
using System.Text.Json;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary><c>/api/v2/analytics/conversations/details/jobs</c>: submit, poll, cursor-paged results, delete.</summary>
internal static class AnalyticsEndpoints
{
    private const string Jobs = "/api/v2/analytics/conversations/details/jobs";
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var scopes = new RequiredScopes("analytics", "analytics:readonly");
        app.MapPost(Jobs, (Delegate)((HttpContext context) => SubmitAsync(context, state))).WithMetadata(scopes);
        app.MapGet(Jobs + "/{jobId}", (HttpContext context, string jobId) => Status(context, state, jobId))
            .WithMetadata(scopes, JobStatusPoll.Instance);
        app.MapDelete(Jobs + "/{jobId}", (HttpContext context, string jobId) =>
        {
            if (!state.Analytics.Delete(jobId)) return NotFound(jobId);
            state.Ledger.RecordJobDeleted();
            return Microsoft.AspNetCore.Http.Results.NoContent();
        }).WithMetadata(scopes);
        app.MapGet(Jobs + "/{jobId}/results", (HttpContext context, string jobId) => ResultsPage(context, state, jobId)).WithMetadata(scopes);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, EmulatorState state)
    {
        AnalyticsJobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Default.AnalyticsJobRequest, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return ApiErrors.Result(400, "bad.request", "The request body is not valid JSON: " + ex.Message);
        }
        if (string.IsNullOrEmpty(request?.Interval))
            return ApiErrors.Result(400, "bad.request", "interval is required (ISO-8601, e.g. 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z).");
        if (!TryParseInterval(request.Interval, out var start, out var end, out var error))
            return ApiErrors.Result(400, "bad.request", error);
        var jobId = state.Analytics.Submit(start, end);
        state.Ledger.RecordJobSubmitted();
        return TypedResults.Json(new AnalyticsJobCreated(jobId), EmulatorJson.Default.AnalyticsJobCreated, statusCode: 202);
    }

    /// <summary>"start/end", both ISO-8601 instants with an offset or Z, end after start.</summary>
    internal static bool TryParseInterval(string interval, out DateTimeOffset start, out DateTimeOffset end, out string error)
    {
        start = end = default;
        error = "";
        var parts = interval.Split('/');
        if (parts.Length != 2 || !TryParseInstant(parts[0], out start) || !TryParseInstant(parts[1], out end))
        {
            error = $"interval '{interval}' is not an ISO-8601 interval such as 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z.";
            return false;
        }
        if (end <= start)
        {
            error = $"interval '{interval}' ends before it starts.";
            return false;
        }
        return true;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(),
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static IResult Status(HttpContext context, EmulatorState state, string jobId)
    {
        if (state.Analytics.Poll(jobId) is not { } status) return NotFound(jobId);
        state.Ledger.RecordJobStatusPoll();
        return TypedResults.Json(status, EmulatorJson.Default.AnalyticsJobStatus);
    }

    private static IResult ResultsPage(HttpContext context, EmulatorState state, string jobId)
    {
        if (state.Analytics.Find(jobId) is not { } job) return NotFound(jobId);
        switch (state.Analytics.StateOf(job))
        {
            case "EXPIRED":
                return ApiErrors.Result(404, "not.found",
                    $"The job {jobId} expired at {state.Analytics.ExpirationOf(job):O}; its results are no longer available. Submit the query again.");
            case "FAILED":
                return ApiErrors.Result(400, "bad.request", $"The job {jobId} is FAILED ({job.FailureReason}); it has no results.");
            case "CANCELLED":
                return ApiErrors.Result(400, "bad.request", $"The job {jobId} is CANCELLED; it has no results.");
            case "QUEUED" or "PENDING":
                return ApiErrors.Result(400, "bad.request", $"The job {jobId} is not FULFILLED yet; poll its status until it is.");
        }
        var query = context.Request.Query;
        if (!Paging.TryPageSize(query, DefaultPageSize, MaxPageSize, out var pageSize, out var error))
            return ApiErrors.Result(400, "bad.request", error);
        if (!TryDecodeCursor(query["cursor"].ToString(), job, out var offset))
            return ApiErrors.Result(400, "bad.request", "The cursor is not valid for this job.");
        var page = state.Analytics.Page(job, offset, pageSize);
        var next = offset + page.Count;
        // Counted when the answer leaves intact (see ApiGate), so a page lost to a dropped connection is not "served".
        context.Items[ApiGate.DeliveredItem] = () =>
        {
            state.Analytics.RecordServed(page);
            state.Ledger.RecordResultPage();
        };
        var results = new AnalyticsResults(page, next < job.Count ? EncodeCursor(job, next) : null, state.Options.TimeProvider.GetUtcNow());
        return TypedResults.Json(results, EmulatorJson.Default.AnalyticsResults);
    }

    // A cursor names its job, so one job's cursor is refused by another.
    private static string EncodeCursor(AnalyticsStore.Job job, int offset) => Paging.EncodeToken($"job:{job.Id}:{offset}");

    private static bool TryDecodeCursor(string cursor, AnalyticsStore.Job job, out int offset)
    {
        offset = 0;
        if (cursor.Length == 0) return true;
        var prefix = $"job:{job.Id}:";
        return Paging.TryDecodeToken(cursor, out var text) && text.StartsWith(prefix, StringComparison.Ordinal) &&
            int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset) &&
            offset > 0 && offset < job.Count;
    }

    private static IResult NotFound(string jobId) => ApiErrors.Result(404, "not.found", $"The job {jobId} was not found.");
}

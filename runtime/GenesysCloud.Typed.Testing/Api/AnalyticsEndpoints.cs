using System.Text.Json;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary><c>/api/v2/analytics/conversations/details/jobs</c>: submit, poll, cursor-paged results, cancel.</summary>
internal static class AnalyticsEndpoints
{
    private const string Jobs = "/api/v2/analytics/conversations/details/jobs";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var scopes = new RequiredScopes("analytics", "analytics:readonly");
        app.MapPost(Jobs, async (HttpContext context) =>
        {
            try
            {
                var request = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Default.AnalyticsJobRequest, context.RequestAborted);
                if (string.IsNullOrEmpty(request?.Interval))
                    return ApiErrors.Result(400, "bad.request", "interval is required (ISO-8601, e.g. 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z).");
            }
            catch (JsonException ex)
            {
                return ApiErrors.Result(400, "bad.request", "The request body is not valid JSON: " + ex.Message);
            }
            return TypedResults.Json(new AnalyticsJobCreated(state.Analytics.Submit()), EmulatorJson.Default.AnalyticsJobCreated, statusCode: 202);
        }).WithMetadata(scopes);

        app.MapGet(Jobs + "/{jobId}", (HttpContext context, string jobId) =>
            state.Analytics.Poll(jobId) is { } status
                ? TypedResults.Json(status, EmulatorJson.Default.AnalyticsJobStatus)
                : ApiErrors.Result(404, "not.found", $"The job {jobId} was not found.")).WithMetadata(scopes);

        app.MapDelete(Jobs + "/{jobId}", (HttpContext context, string jobId) =>
            state.Analytics.Cancel(jobId)
                ? Results.NoContent()
                : ApiErrors.Result(404, "not.found", $"The job {jobId} was not found.")).WithMetadata(scopes);

        app.MapGet(Jobs + "/{jobId}/results", (HttpContext context, string jobId) =>
        {
            switch (state.Analytics.PhaseOf(jobId))
            {
                case JobPhase.Unknown: return ApiErrors.Result(404, "not.found", $"The job {jobId} was not found.");
                case JobPhase.Cancelled: return ApiErrors.Result(400, "bad.request", "The job was cancelled.");
                case JobPhase.Running: return ApiErrors.Result(400, "bad.request", "The job is not FULFILLED yet; poll its status first.");
            }
            var query = context.Request.Query;
            if (!Paging.TryPageSize(query, 100, 1000, out var pageSize, out var error))
                return ApiErrors.Result(400, "bad.request", error);
            if (!Paging.TryDecodeCursor(query["cursor"].ToString(), out var offset))
                return ApiErrors.Result(400, "bad.request", "The cursor is not valid.");
            var all = state.Analytics.Conversations;
            var page = all.Skip(offset).Take(pageSize).ToArray();
            var end = offset + page.Length;
            var results = new AnalyticsResults(page, end < all.Count ? Paging.EncodeCursor(end) : null, state.Options.TimeProvider.GetUtcNow());
            return TypedResults.Json(results, EmulatorJson.Default.AnalyticsResults);
        }).WithMetadata(scopes);
    }
}

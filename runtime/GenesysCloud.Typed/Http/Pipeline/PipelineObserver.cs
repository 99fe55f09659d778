using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>Telemetry and logs for the stages: the span of a call, each attempt's answer, retries, 401 replays and
/// refused Retry-Afters. The stages tell it what happened; none of them writes a metric or a log line itself. What costs
/// (a clock read, a header lookup, a span name) is only paid when someone listens.</summary>
internal sealed class PipelineObserver(ILogger logger, GenesysTelemetry telemetry, SecretRedactor redactor)
{
    public Activity? CallStarted(GenesysRequest request)
    {
        if (!GenesysTelemetry.ActivitySource.HasListeners()) return null;
        var activity = GenesysTelemetry.ActivitySource.StartActivity($"{request.Method.Method} {request.RouteTemplate}", ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.RouteTemplate);
        return activity;
    }

    public void CallEnded(Activity? activity, HttpResponseMessage response)
    {
        if (activity is null) return;
        activity.SetTag("http.response.status_code", (int)response.StatusCode);
        activity.SetTag("genesys.correlation_id", GenesysHeaders.CorrelationIdOf(response.Headers, redactor));
    }

    public static void CallFailed(Activity? activity, string why) => activity?.SetStatus(ActivityStatusCode.Error, why);

    /// <summary>A timestamp when someone reads an attempt's duration, else 0 (two clock reads an attempt saved).</summary>
    public long AttemptStarting() => logger.IsEnabled(LogLevel.Debug) || telemetry.ListensToRequests ? Stopwatch.GetTimestamp() : 0;

    public void Answered(GenesysRequest request, HttpResponseMessage response, long started)
    {
        var elapsed = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        telemetry.RequestSent(request.Method.Method, request.RouteTemplate, status, elapsed);
        if (status == (int)HttpStatusCode.TooManyRequests) telemetry.Throttled(request.RouteTemplate);
        // The header lookup costs more than the rest of the log call: only pay it when someone reads Debug.
        if (logger.IsEnabled(LogLevel.Debug))
            Log.Answered(logger, request.Method.Method, request.RouteTemplate, status, elapsed, GenesysHeaders.CorrelationIdOf(response.Headers, redactor));
    }

    public void Retrying(GenesysRequest request, int retries, HttpResponseMessage? response, Exception? failure, TimeSpan delay)
    {
        var reason = TransientFailures.Describe(response, failure);
        if (response?.StatusCode == HttpStatusCode.TooManyRequests) Log.Throttled(logger, request.Method.Method, request.RouteTemplate, delay);
        else Log.Retrying(logger, request.Method.Method, request.RouteTemplate, retries + 1, reason, delay);
        telemetry.Retried(request.Method.Method, request.RouteTemplate, reason);
    }

    public void Replaying(GenesysRequest request, string? code)
    {
        Log.ReplayingAfter401(logger, request.Method.Method, request.RouteTemplate, code);
        telemetry.Replayed(request.RouteTemplate);
    }

    public void RetryAfterBeyondLimit(GenesysRequest request, TimeSpan retryAfter, TimeSpan limit) =>
        Log.RetryAfterBeyondLimit(logger, request.Method.Method, request.RouteTemplate, retryAfter, limit);
}

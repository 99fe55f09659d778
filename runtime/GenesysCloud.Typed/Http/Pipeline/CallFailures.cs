using System.Diagnostics;

namespace GenesysCloud.Typed;

/// <summary>How a call that got no usable answer ends, whichever stage noticed: disposal, the caller's cancellation,
/// a deadline, or the transport. Each names the request and says whether it may have been processed.</summary>
internal sealed class CallFailures(GenesysCloudOptions options, SecretRedactor redactor)
{
    /// <summary>The exception the caller sees instead of <paramref name="ex"/>, or null to let it through as it is.</summary>
    public Exception? Translate(Exception ex, CallScope call, Activity? activity)
    {
        var request = call.Request;
        var processed = call.MayHaveBeenProcessed;
        switch (ex)
        {
            case OperationCanceledException when call.Disposed:
                PipelineObserver.CallFailed(activity, "disposed");
                return new ObjectDisposedException(nameof(GenesysCloudConnection),
                    $"The connection was disposed while {request.Sent} was in flight{(processed ? "; it may have been processed" : "; it was not sent")}.")
                {
                    Data = { ["MayHaveBeenProcessed"] = processed, ["Cancellation"] = ex.Message },
                };
            case OperationCanceledException when call.CallerCancelled:
                // One shape whichever stage noticed first (the transport, a wait for a token, a turn or the next attempt).
                PipelineObserver.CallFailed(activity, "cancelled");
                return new OperationCanceledException(
                    $"{request.Sent} was cancelled by the caller{(processed ? "; it may have been processed" : "; it was not sent")}.", ex, call.CallerToken);
            case AttemptTimeoutException or OperationCanceledException when call.TimedOut || ex is AttemptTimeoutException:
            {
                PipelineObserver.CallFailed(activity, "timeout");
                var where = processed
                    ? "it was sent and no answer came in time, so it may have been processed"
                    : call.Sends - call.NeverSent == 0
                        ? "it was never sent (the time went to pacing, the token or a pipeline stage)"
                        : $"it was not processed: {Attempts(call.Sends - call.NeverSent)} sent, each refused or unanswered before processing (e.g. 429 or 503), and the budget ran out before another";
                var cause = ex as TimeoutException ?? new TimeoutException($"The call's budget of {options.Timeout} ran out.", ex);
                return new GenesysTransportException(
                    $"{request.Sent} did not complete within its budget (Timeout {options.Timeout}, AttemptTimeout {options.AttemptTimeout}): {where}.",
                    processed, redactor.Sanitize(cause));
            }
            case HttpRequestException http:
                PipelineObserver.CallFailed(activity, http.HttpRequestError.ToString());
                if (TransientFailures.IsOwnLimit(http))
                {
                    return new GenesysTransportException(
                        $"{request.Sent}'s answer exceeded a limit this client sets (the body's MaxResponseBytes, {options.MaxResponseBytes} bytes, or the " +
                        $"handler's MaxResponseHeadersLength for headers); it was dropped and, being our own limit, not asked for again: {redactor.Redact(http.Message)}",
                        mayHaveBeenProcessed: true, redactor.Sanitize(http));
                }
                return new GenesysTransportException(
                    $"{request.Sent} failed in transport ({http.HttpRequestError}){(processed && !request.IsIdempotent ? "; it was not retried because it is not idempotent and may have been processed" : "")}: {redactor.Redact(http.Message)}",
                    processed, redactor.Sanitize(http));
            default:
                return null;
        }
    }

    private static string Attempts(int sends) => sends == 1 ? "1 attempt" : $"{sends} attempts";
}

using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>One attempt loop with explicit stages, outer → inner:
/// <list type="number">
/// <item>caller cancellation and disposal, and 2. the call's budget (<see cref="CallScope"/>: one deadline mechanism,
/// which also sets each attempt's deadline on the wire);</item>
/// <item>attempts (<see cref="Attempts"/>: what is retried comes from <see cref="TransientFailures"/>, the wait from
/// Retry-After or backoff). Attempt 0 is simply an attempt that did not have to wait;</item>
/// <item>a pacing turn (<see cref="PacingStage"/>), 5. the token (<see cref="TokenStage"/>) — time off the wire;</item>
/// <item>the user's stages and the send under the attempt's deadline (<see cref="SendStage"/>);</item>
/// <item>one replay after a 401 (<see cref="TokenStage.After401Async"/>), through stages 4–6 again.</item>
/// </list>
/// Returns the final answer, success or not: the one <see cref="ResponseReader"/> reads it for calls, paging and jobs.
/// Telemetry and logs observe the stages (<see cref="PipelineObserver"/>).</summary>
internal sealed class RequestPipeline
{
    private readonly CallScopes _calls;
    private readonly Attempts _attempts;
    private readonly PacingStage _pacing;
    private readonly TokenStage _tokens;
    private readonly SendStage _send;
    private readonly PipelineObserver _observer;
    private readonly CallFailures _failures;
    private readonly TimeProvider _time;

    public RequestPipeline(GenesysCloudOptions options, Func<HttpClient> http, TokenSource tokens, Uri apiBase, ILogger logger, GenesysTelemetry telemetry,
        IGenesysRequestBudget? pacer, SecretRedactor redactor, CancellationToken stopping, bool acceptIsDefault)
    {
        _time = options.TimeProvider;
        _observer = new PipelineObserver(logger, telemetry, redactor);
        _calls = new CallScopes(options, stopping);
        _attempts = new Attempts(options.Retry, _observer);
        _pacing = new PacingStage(pacer, options.Retry.MaxRetryAfter);
        _tokens = new TokenStage(tokens, redactor);
        var userStages = options.PipelineStages.Count == 0 ? null
            : new UserStages([.. options.PipelineStages], http, options.MaxResponseBytes, redactor);
        _send = new SendStage(http, apiBase, options.MaxResponseBytes, acceptIsDefault, userStages);
        _failures = new CallFailures(options, redactor);
    }

    public async ValueTask<HttpResponseMessage> SendAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        using var activity = _observer.CallStarted(request);
        using var call = _calls.Start(request, cancellationToken);
        try
        {
            for (var retries = 0; ; retries++)
            {
                HttpResponseMessage? response = null;
                Exception? failure = null;
                try
                {
                    response = await AttemptAsync(call).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
                catch (OperationCanceledException ex) when (call.TimedOut && !call.BudgetSpent)
                {
                    // The attempt's deadline, not the call's: another attempt may follow, on a fresh deadline.
                    failure = new AttemptTimeoutException(_calls.AttemptTimeout, ex);
                    call.Renew();
                }
                if (_attempts.Next(call, retries, response, failure) is not { } delay)
                {
                    if (failure is not null) ExceptionDispatchInfo.Throw(failure);
                    _observer.CallEnded(activity, response!);
                    return response!;
                }
                _observer.Retrying(request, retries, response, failure, delay);
                response?.Dispose();
                await call.DelayAsync(delay).ConfigureAwait(false);
            }
        }
        catch (UserStageException ex)
        {
            // A stage's own exception ends the call as it is.
            PipelineObserver.CallFailed(activity, "stage");
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (Exception ex) when (_failures.Translate(ex, call, activity) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>One attempt: a turn, a token, the send; after a 401 that a fresh token may cure, the same once more.</summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(CallScope call)
    {
        // The turn first, then the token: a token taken before a long pacing wait can expire in the queue (short-lived
        // tokens, a fleet's shared budget) and earn a 401.
        call.ThrowIfEnded();
        await _pacing.TakeTurnAsync(call).ConfigureAwait(false);
        var token = await _tokens.GetAsync(call).ConfigureAwait(false);
        var response = await SendAsync(call, token, replay: false).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        var (replay, code) = await _tokens.After401Async(response, token, call).ConfigureAwait(false);
        if (!replay) return response;
        _observer.Replaying(call.Request, code);
        response.Dispose();
        await _pacing.TakeTurnAsync(call).ConfigureAwait(false);
        var fresh = await _tokens.GetAsync(call).ConfigureAwait(false);
        return await SendAsync(call, fresh, replay: true).ConfigureAwait(false);
    }

    /// <summary>One send, and what its outcome teaches the call, the pacer and the observer.</summary>
    private async ValueTask<HttpResponseMessage> SendAsync(CallScope call, AccessToken token, bool replay)
    {
        using var message = _send.Build(call.Request, token);
        var started = _observer.AttemptStarting();
        HttpResponseMessage response;
        try
        {
            response = await _send.SendAsync(call, message, replay).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            call.Learn(ex);
            throw;
        }
        call.Learn(response);
        _pacing.Learn(response, _time);
        _observer.Answered(call.Request, response, started);
        return response;
    }
}

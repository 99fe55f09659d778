using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GenesysCloud.Typed;

/// <summary>Outer → inner: disposal and cancellation → total timeout → retry (Polly) → pacing and token (time off the
/// wire) → attempt timeout around each send only → auth (one replay after a 401) → transport. Returns the final
/// response, success or not; the connection turns failures into exceptions.
/// <para>Fast path, the same behaviour for less: when the token is in hand and pacing grants a turn at once, no time is
/// spent off the wire, so the first send runs under one timer (the attempt's or the call's, whichever ends first)
/// instead of two Polly timeouts and a retry around it. An answer the retry would not touch is returned from there; a
/// 401, a transient answer or failure is handed to the Polly pipeline as its first attempt's outcome, which then
/// retries, replays or gives up exactly as it would have, within what is left of the call's budget.</para></summary>
internal sealed class RequestPipeline
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly GenesysCloudOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly TokenSource _tokens;
    private readonly string _apiBase;
    private readonly ILogger _logger;
    private readonly GenesysTelemetry _telemetry;
    private readonly SecretRedactor _redactor;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline _attempt;
    private readonly TimeProvider _time;
    private readonly IGenesysRequestBudget? _pacer;
    private readonly CancellationToken _stopping;
    private readonly bool _acceptIsDefault;
    private readonly SendDeadlines _deadlines;

    public RequestPipeline(GenesysCloudOptions options, Func<HttpClient> http, TokenSource tokens, Uri apiBase, ILogger logger, GenesysTelemetry telemetry,
        IGenesysRequestBudget? pacer, SecretRedactor redactor, CancellationToken stopping, bool acceptIsDefault)
    {
        _acceptIsDefault = acceptIsDefault;
        _pacer = pacer;
        _options = options;
        _http = http;
        _tokens = tokens;
        _apiBase = apiBase.AbsoluteUri.TrimEnd('/');
        _logger = logger;
        _telemetry = telemetry;
        _redactor = redactor;
        _stopping = stopping;
        _time = options.TimeProvider;
        _deadlines = new SendDeadlines(_time, stopping);
        // The call's budget is measured from its start, which may have been a fast first send.
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = args => new ValueTask<TimeSpan>(Remaining(CallState.Of(args.Context))) })
            .AddRetry(RetryStrategy.Create(options.Retry, _time, RetryAfterBeyondLimit, OnRetryAsync))
            .Build();
        // Only time on the wire counts against an attempt: waiting for pacing or a token is not the server being slow.
        _attempt = new ResiliencePipelineBuilder { TimeProvider = _time }.AddTimeout(options.AttemptTimeout).Build();
    }

    public async ValueTask<HttpResponseMessage> SendAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        // The span's name is only built when someone records spans.
        using var activity = GenesysTelemetry.ActivitySource.HasListeners()
            ? GenesysTelemetry.ActivitySource.StartActivity($"{request.Method.Method} {request.RouteTemplate}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.RouteTemplate);
        var now = _time.GetUtcNow();
        var state = new CallState(request, now + _options.Timeout);
        try
        {
            var response = TryTurnNow(now, cancellationToken, out var token) ? await FirstSendAsync(state, token, cancellationToken).ConfigureAwait(false) : null;
            response ??= await RetryAsync(state, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            activity?.SetTag("genesys.correlation_id", GenesysHeaders.CorrelationIdOf(response.Headers, _redactor));
            return response;
        }
        catch (OperationCanceledException ex) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "disposed");
            throw new ObjectDisposedException(nameof(GenesysCloudConnection),
                $"The connection was disposed while {request.Sent} was in flight{(state.MayHaveBeenProcessed ? "; it may have been processed" : "; it was not sent")}.")
            {
                Data = { ["MayHaveBeenProcessed"] = state.MayHaveBeenProcessed, ["Cancellation"] = ex.Message },
            };
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // One shape whichever layer noticed first (HttpClient, Polly, a wait for a token or a turn).
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw new OperationCanceledException(
                $"{request.Sent} was cancelled by the caller{(state.MayHaveBeenProcessed ? "; it may have been processed" : "; it was not sent")}.",
                ex, cancellationToken);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            var where = state.MayHaveBeenProcessed
                ? "it was sent and no answer came in time, so it may have been processed"
                : "it was never sent (the time went to pacing, the token or waiting between attempts)";
            throw new GenesysTransportException(
                $"{request.Sent} did not complete within its budget (Timeout {_options.Timeout}, AttemptTimeout {_options.AttemptTimeout}): {where}.",
                state.MayHaveBeenProcessed, _redactor.Sanitize(ex));
        }
        catch (HttpRequestException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.HttpRequestError.ToString());
            if (TransientFailures.IsOwnLimit(ex))
            {
                throw new GenesysTransportException(
                    $"{request.Sent}'s answer exceeded a limit this client sets (the body's MaxResponseBytes, {_options.MaxResponseBytes} bytes, or the " +
                    $"handler's MaxResponseHeadersLength for headers); it was dropped and, being our own limit, not asked for again: {_redactor.Redact(ex.Message)}",
                    mayHaveBeenProcessed: true, _redactor.Sanitize(ex));
            }
            var processed = state.MayHaveBeenProcessed;
            throw new GenesysTransportException(
                $"{request.Sent} failed in transport ({ex.HttpRequestError}){(processed && !request.IsIdempotent ? "; it was not retried because it is not idempotent and may have been processed" : "")}: {_redactor.Redact(ex.Message)}",
                processed, _redactor.Sanitize(ex));
        }
        finally
        {
            state.FirstResponse?.Dispose();   // handed over, but the retry never started (cancelled first)
        }
    }

    /// <summary>The token is valid and pacing grants a turn now: the first send needs no wait off the wire. A call
    /// cancelled before it starts takes the full pipeline, which ends it before anything is sent.</summary>
    private bool TryTurnNow(DateTimeOffset now, CancellationToken cancellationToken, [NotNullWhen(true)] out AccessToken? token)
    {
        token = null;
        return !cancellationToken.IsCancellationRequested && _tokens.TryGetNow(now, out token) && (_pacer is null || _pacer.TryTakeTurn());
    }

    /// <summary>The first send under one timer. Returns the final answer, or null after handing the outcome to the retry
    /// (a 401, a transient status, a transport failure, the attempt's timeout).</summary>
    private async ValueTask<HttpResponseMessage?> FirstSendAsync(CallState state, AccessToken token, CancellationToken cancellationToken)
    {
        var attemptEndsFirst = _options.AttemptTimeout < _options.Timeout;
        var limit = attemptEndsFirst ? _options.AttemptTimeout : _options.Timeout;
        using var deadline = _deadlines.Start(limit, cancellationToken);
        state.FirstToken = token;
        HttpResponseMessage response;
        try
        {
            response = await SendOnceAsync(state.Request, token, state, deadline.Token, timed: false).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.Fired(cancellationToken))
        {
            var timeout = new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{limit}'.", limit, ex);
            if (!attemptEndsFirst) throw timeout;   // the call's whole budget is spent: nothing more is tried
            state.FirstFailure = ExceptionDispatchInfo.Capture(timeout);
            return null;
        }
        catch (HttpRequestException ex)
        {
            state.FirstFailure = ExceptionDispatchInfo.Capture(ex);
            return null;
        }
        var status = (int)response.StatusCode;
        if (status != (int)HttpStatusCode.Unauthorized && !TransientFailures.IsTransientStatus(status)) return response;
        state.FirstResponse = response;
        return null;
    }

    /// <summary>The Polly pipeline: retries, the 401 replay, and the call's budget. Its first attempt is the fast send's
    /// outcome when there was one.</summary>
    private async Task<HttpResponseMessage> RetryAsync(CallState state, CancellationToken cancellationToken)
    {
        // Disposing the connection ends every wait of every call in flight: pacing, token, retry delay, transport.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping) : null;
        var context = ResilienceContextPool.Shared.Get(linked?.Token ?? _stopping);
        context.Properties.Set(RetryStrategy.FactsKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Polly applies no timeout to a zero or negative value: a spent budget still has to end the call.
    private TimeSpan Remaining(CallState state) => state.Deadline - _time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);

    private async ValueTask<HttpResponseMessage> AttemptAsync(ResilienceContext context)
    {
        var state = CallState.Of(context);
        var request = state.Request;
        var cancellationToken = context.CancellationToken;
        AccessToken token;
        HttpResponseMessage response;
        if (state.TakeFirst(out var firstToken, out var firstResponse, out var firstFailure))
        {
            token = firstToken;
            firstFailure?.Throw();
            response = firstResponse!;
        }
        else
        {
            // The turn first, then the token: a token taken before a long pacing wait can expire in the queue (short-lived
            // tokens, a fleet's shared budget) and earn a 401.
            if (_pacer is not null) await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(request, token, state, cancellationToken, timed: true).ConfigureAwait(false);
        }
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        // 401: a refresh helps for an expired or revoked token, never for an IP block.
        var error = await ErrorReader.ReadAsync(response, _time.GetUtcNow(), _redactor, cancellationToken).ConfigureAwait(false);
        if (error.Code == "ip.not.authorized") return response;
        Log.ReplayingAfter401(_logger, request.Method.Method, request.RouteTemplate, error.Code);
        _tokens.Invalidate(token);
        response.Dispose();
        _telemetry.Replayed(request.RouteTemplate);
        if (_pacer is not null) await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(request, fresh, state, cancellationToken, timed: true).ConfigureAwait(false);
    }

    /// <summary>One send. <paramref name="timed"/>: under the attempt timeout here; otherwise the caller's token carries
    /// the deadline (the fast first send).</summary>
    private async ValueTask<HttpResponseMessage> SendOnceAsync(GenesysRequest request, AccessToken token, CallState state, CancellationToken cancellationToken,
        bool timed)
    {
        // The path is always relative to the configured API base, so the token can only go to that host.
        using var message = new HttpRequestMessage(request.Method, _apiBase + request.PathAndQuery);
        message.Headers.Authorization = token.Header;
        if (!_acceptIsDefault) message.Headers.Accept.Add(Json);
        if (request.Headers is { } headers)
            foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            // Unparsed: the handler writes it as given, and GenesysRequest's content type is ours, not a server's.
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.BodyContentType);
        }
        // Two clock reads per attempt are only worth it to someone who reads the duration.
        var logsAnswers = _logger.IsEnabled(LogLevel.Debug);
        var started = logsAnswers || _telemetry.ListensToRequests ? Stopwatch.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            response = timed
                ? await _attempt.ExecuteAsync(static (state, ct) => Transport.SendAsync(state.Http(), state.Message, state.MaxBytes, ct),
                    (Http: _http, Message: message, MaxBytes: _options.MaxResponseBytes), cancellationToken).ConfigureAwait(false)
                : await Transport.SendAsync(_http(), message, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // Refused before it left (connect, DNS, TLS) it cannot have been processed; anything later may have been.
            if (!Transport.WasNotSent(ex)) state.MayHaveBeenProcessed = true;
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            state.MayHaveBeenProcessed = true;   // cut off on the wire: the server may have it
            throw;
        }
        if (TransientFailures.MayHaveBeenProcessed((int)response.StatusCode)) state.MayHaveBeenProcessed = true;
        var elapsed = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);
        _telemetry.RequestSent(request.Method.Method, request.RouteTemplate, (int)response.StatusCode, elapsed);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _telemetry.Throttled(request.RouteTemplate);
            // A Retry-After this client will not wait out (a daily quota) must not hold every later call either: those
            // go to the server and get its answer at once. Only the rate is halved then.
            var retryAfter = RetryAfter.Read(response.Headers, _time.GetUtcNow());
            _pacer?.Throttled(retryAfter <= _options.Retry.MaxRetryAfter ? retryAfter : null);
        }
        else if (_pacer is not null && RateLimitHeaders.TryRead(response.Headers, out var allowed, out var count, out var reset))
        {
            _pacer.RateLimitHeaders(allowed, count, reset);
        }
        // The header lookup costs more than the rest of the log call: only pay it when someone reads Debug.
        if (logsAnswers)
        {
            Log.Answered(_logger, request.Method.Method, request.RouteTemplate, (int)response.StatusCode, elapsed,
                GenesysHeaders.CorrelationIdOf(response.Headers, _redactor));
        }
        return response;
    }

    private void RetryAfterBeyondLimit(ResilienceContext context, TimeSpan retryAfter, TimeSpan limit)
    {
        var request = CallState.Of(context).Request;
        Log.RetryAfterBeyondLimit(_logger, request.Method.Method, request.RouteTemplate, retryAfter, limit);
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = CallState.Of(args.Context).Request;
        var reason = TransientFailures.Describe(args.Outcome);
        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            Log.Throttled(_logger, request.Method.Method, request.RouteTemplate, args.RetryDelay);
        else
            Log.Retrying(_logger, request.Method.Method, request.RouteTemplate, args.AttemptNumber + 1, reason, args.RetryDelay);
        _telemetry.Retried(request.Method.Method, request.RouteTemplate, reason);
        args.Outcome.Result?.Dispose();
        return default;
    }

    /// <summary>One call: the request, its retry facts, and what it has learned across its attempts.</summary>
    private sealed class CallState(GenesysRequest request, DateTimeOffset deadline) : RetryFacts(request.IsIdempotent, deadline)
    {
        public GenesysRequest Request { get; } = request;

        /// <summary>The fast first send's token and outcome, for the retry to take as its first attempt.</summary>
        public AccessToken? FirstToken;
        public HttpResponseMessage? FirstResponse;
        public ExceptionDispatchInfo? FirstFailure;

        /// <summary>The handed-over outcome, once: later attempts send again.</summary>
        public bool TakeFirst([NotNullWhen(true)] out AccessToken? token, out HttpResponseMessage? response, out ExceptionDispatchInfo? failure)
        {
            token = FirstToken;
            response = FirstResponse;
            failure = FirstFailure;
            FirstResponse = null;
            FirstFailure = null;
            return token is not null && (response is not null || failure is not null);
        }

        /// <summary>Some attempt reached the server and its fate is unknown or "applied": a caller must re-read before
        /// repeating a write. Stays false while every attempt was refused before processing (429, 503, never sent).</summary>
        public bool MayHaveBeenProcessed;

        public static CallState Of(ResilienceContext context) => (CallState)context.Properties.GetValue(RetryStrategy.FactsKey, RetryFacts.Unknown);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GenesysCloud.Typed;

/// <summary>Outer → inner: total timeout / cancellation → retry (Polly) → attempt timeout → auth (token, one replay
/// after a 401) → transport. Returns the final response, success or not; the connection turns failures into exceptions.</summary>
internal sealed class RequestPipeline
{
    private static readonly ResiliencePropertyKey<GenesysRequest> RequestKey = new("genesys.request");
    private static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("genesys.deadline");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly GenesysCloudOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly TokenSource _tokens;
    private readonly string _apiBase;
    private readonly ILogger _logger;
    private readonly GenesysTelemetry _telemetry;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly AdaptivePacer? _pacer;

    public RequestPipeline(GenesysCloudOptions options, Func<HttpClient> http, TokenSource tokens, Uri apiBase, ILogger logger, GenesysTelemetry telemetry,
        AdaptivePacer? pacer)
    {
        _pacer = pacer;
        _options = options;
        _http = http;
        _tokens = tokens;
        _apiBase = apiBase.AbsoluteUri.TrimEnd('/');
        _logger = logger;
        _telemetry = telemetry;
        _time = options.TimeProvider;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddTimeout(options.Timeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.Retry.MaxRetries),
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(options.Retry.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter.Read(r.Headers, _time.GetUtcNow()) : null),
                OnRetry = OnRetryAsync,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public async Task<HttpResponseMessage> SendAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        using var activity = GenesysTelemetry.ActivitySource.StartActivity($"{request.Method.Method} {request.RouteTemplate}", ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.RouteTemplate);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(DeadlineKey, _time.GetUtcNow() + _options.Timeout);
        try
        {
            var response = await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            activity?.SetTag("genesys.correlation_id", GenesysHeaders.CorrelationIdOf(response.Headers));
            return response;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new GenesysTransportException(
                $"{request} did not complete within its budget (Timeout {_options.Timeout}, AttemptTimeout {_options.AttemptTimeout}).",
                mayHaveBeenProcessed: true, ex);
        }
        catch (HttpRequestException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.HttpRequestError.ToString());
            var processed = !Transport.WasNotSent(ex);
            throw new GenesysTransportException(
                $"{request} failed in transport ({ex.HttpRequestError}){(processed && !request.IsIdempotent ? "; it was not retried because it is not idempotent and may have been processed" : "")}: {ex.Message}",
                processed, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var cancellationToken = context.CancellationToken;
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        // 401: a refresh helps for an expired or revoked token, never for an IP block.
        var error = await ErrorReader.ReadAsync(response, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (error.Code == "ip.not.authorized") return response;
        Log.ReplayingAfter401(_logger, request.Method.Method, request.RouteTemplate, error.Code);
        _tokens.Invalidate(token);
        response.Dispose();
        _telemetry.Replayed(request.RouteTemplate);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(request, fresh, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(GenesysRequest request, AccessToken token, CancellationToken cancellationToken)
    {
        // The path is always relative to the configured API base, so the token can only go to that host.
        using var message = new HttpRequestMessage(request.Method, _apiBase + request.PathAndQuery);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        message.Headers.Accept.Add(Json);
        if (request.Headers is { } headers)
            foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.BodyContentType);
        }
        if (_pacer is not null) await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var response = await _http().SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _telemetry.RequestSent(request.Method.Method, request.RouteTemplate, (int)response.StatusCode, elapsed);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _telemetry.Throttled(request.RouteTemplate);
            _pacer?.Throttled(RetryAfter.Read(response.Headers, _time.GetUtcNow()));
        }
        else if (_pacer is not null && RateLimitHeaders.TryRead(response.Headers, out var allowed, out var count, out var reset))
        {
            _pacer.RateLimitHeaders(allowed, count, reset);
        }
        // The header lookup costs more than the rest of the log call: only pay it when someone reads Debug.
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Answered(_logger, request.Method.Method, request.RouteTemplate, (int)response.StatusCode, elapsed,
                GenesysHeaders.CorrelationIdOf(response.Headers));
        }
        return response;
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => request.IsIdempotent || Transport.WasNotSent(http),
                TimeoutRejectedException => request.IsIdempotent,   // one attempt timed out; the server may have it
                _ => false,
            };
        }
        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status == 429)
        {
            // The request was not processed: always safe to repeat, but only wait as long as allowed and affordable.
            if (RetryAfter.Read(response.Headers, _time.GetUtcNow()) is not { } wait) return true;
            var deadline = context.Properties.GetValue(DeadlineKey, DateTimeOffset.MaxValue);
            var limit = Min(_options.Retry.MaxRetryAfter, deadline - _time.GetUtcNow());
            if (wait <= limit) return true;
            Log.ThrottledBeyondLimit(_logger, request.Method.Method, request.RouteTemplate, wait, limit);
            return false;
        }
        return status is 408 or 500 or 502 or 503 or 504 && request.IsIdempotent;
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.Properties.GetValue(RequestKey, null!);
        var reason = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "unknown";
        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            Log.Throttled(_logger, request.Method.Method, request.RouteTemplate, args.RetryDelay);
        else
            Log.Retrying(_logger, request.Method.Method, request.RouteTemplate, args.AttemptNumber + 1, reason, args.RetryDelay);
        _telemetry.Retried(request.Method.Method, request.RouteTemplate, reason);
        args.Outcome.Result?.Dispose();
        return default;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

using GenesysCloud.Typed.Testing.Faults;
using GenesysCloud.Typed.Testing.OAuth;
using GenesysCloud.Typed.Testing.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Everything in front of an <c>/api/v2</c> handler, in the order a real edge applies it:
/// latency and dropped connections, authentication, IP block, scopes, rate limits, 5xx faults, then the handler,
/// then lost or mangled responses.</summary>
internal sealed class ApiGate
{
    public const string TokenItem = "emulator.token";

    /// <summary>An <see cref="Action"/> a handler leaves in <c>HttpContext.Items</c>: run once its answer left intact
    /// (not dropped, not mangled), for ledger counts of what a client really received.</summary>
    public const string DeliveredItem = "emulator.delivered";
    private readonly EmulatorState _state;

    public ApiGate(EmulatorState state) => _state = state;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var route = RouteOf(context);
        var fault = _state.Faults.Next();
        if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, _state.Options.TimeProvider, context.RequestAborted);

        if (fault.Kind == FaultKind.DropBefore)
        {
            _state.Ledger.RecordFault("drop-before");
            _state.Ledger.RecordRequest(route, "dropped");
            context.Abort();
            return;
        }

        // The login host (when faults include it) gets only the faults: it authenticates clients itself.
        var isApi = context.Request.Path.StartsWithSegments("/api/v2", StringComparison.Ordinal);
        if (isApi && !await AuthorizeAsync(context, route)) return;

        if (fault.Kind == FaultKind.ServerError)
        {
            _state.Ledger.RecordFault(fault.Status.ToString());
            if (fault.Status == 503) context.Response.Headers.RetryAfter = "1";
            var (code, text) = fault.Status switch
            {
                503 => ("service.unavailable", "Service Unavailable"),
                504 => ("request.timeout", "The request timed out."),
                502 => ("bad.gateway", "Bad Gateway"),
                _ => ("internal.server.error", "The server encountered an unexpected error."),
            };
            await RejectAsync(context, route, fault.Status, code, text);
            return;
        }

        if (fault.Kind is FaultKind.DropAfter or FaultKind.MalformedBody)
        {
            await RunThenSpoilAsync(context, next, route, fault.Kind);
            return;
        }
        await next(context);
        _state.Ledger.RecordRequest(route, context.Response.StatusCode.ToString());
        if (context.Items.TryGetValue(DeliveredItem, out var delivered) && delivered is Action onDelivered) onDelivered();
    }

    /// <summary>Token, IP block, scopes and rate limits; false when the request was answered here.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context, string route)
    {
        var check = _state.Tokens.Check(context.Request.Headers.Authorization);
        switch (check.State)
        {
            case TokenState.Missing:
                await RejectAsync(context, route, 401, "authentication.required", "No authentication bearer token specified in authorization header.");
                return false;
            case TokenState.Invalid:
                await RejectAsync(context, route, 401, "bad.credentials", "Invalid login credentials.");
                return false;
            case TokenState.Expired:
                await RejectAsync(context, route, 401, "credentials.expired", "The supplied credentials are expired and cannot be used.");
                return false;
        }
        var token = check.Token!;
        if (_state.IpBlocked)
        {
            await RejectAsync(context, route, 401, "ip.not.authorized", "Access from this IP address is not authorized for the organization.");
            return false;
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredScopes>() is { } required && token.Scopes is { } granted &&
            !required.AnyOf.Any(r => granted.Any(g => EmulatorScopes.Covers(g, r))))
        {
            var message = $"This request requires one of the scopes [{string.Join(", ", required.AnyOf)}]; the token was granted [{string.Join(", ", granted)}].";
            _state.Ledger.RecordRequest(route, "403");
            await ApiErrors.WriteAsync(context, 403, "not.authorized", message,
                new Dictionary<string, string> { ["scopes"] = string.Join(", ", required.AnyOf) });
            return false;
        }
        context.Items[TokenItem] = token;
        return await PassRateLimitsAsync(context, route, token);
    }

    private async Task<bool> PassRateLimitsAsync(HttpContext context, string route, IssuedToken token)
    {
        if (_state.DailyQuota?.Acquire(token.ClientId) is { } untilReset)
        {
            _state.Ledger.RecordThrottled();
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(untilReset.TotalSeconds)).ToString();
            await RejectAsync(context, route, 429, "too.many.requests.retry.after",
                $"The daily request quota of [{_state.Options.RateLimit.DailyQuota}] requests is exhausted.");
            return false;
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<JobStatusPoll>() is not null) return await PassStatusPollLimitAsync(context, route, token);
        if (_state.RateLimiter is null) return true;
        var key = _state.Options.RateLimit.Key == RateLimitKey.Client ? "client:" + token.ClientId : "token:" + token.Value;
        var decision = _state.RateLimiter.Acquire(key);
        if (_state.Options.RateLimit.SendRateLimitHeaders)
        {
            context.Response.Headers["inin-ratelimit-allowed"] = decision.Limit.ToString();
            context.Response.Headers["inin-ratelimit-count"] = decision.Count.ToString();
            context.Response.Headers["inin-ratelimit-reset"] = decision.RetryAfterSeconds.ToString();
        }
        if (decision.Allowed) return true;
        _state.Ledger.RecordThrottled();
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString();
        var limit = _state.Options.RateLimit;
        await RejectAsync(context, route, 429, "too.many.requests",
            $"Rate limit exceeded the maximum [{limit.RequestsPerWindow}] requests within [{(long)limit.Window.TotalSeconds}] seconds");
        return false;
    }

    /// <summary>Job status polls have their own budget per OAuth client and do not spend the general one.</summary>
    private async Task<bool> PassStatusPollLimitAsync(HttpContext context, string route, IssuedToken token)
    {
        if (_state.StatusPollLimiter is null) return true;
        var decision = _state.StatusPollLimiter.Acquire("client:" + token.ClientId);
        if (decision.Allowed) return true;
        _state.Ledger.RecordThrottled();
        _state.Ledger.RecordJobStatusPollThrottled();
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString();
        await RejectAsync(context, route, 429, "too.many.requests",
            $"Rate limit exceeded the maximum [{decision.Limit}] job status requests within [60] seconds");
        return false;
    }

    /// <summary>Runs the handler (a PATCH is applied), then loses or mangles what it answered.</summary>
    private async Task RunThenSpoilAsync(HttpContext context, RequestDelegate next, string route, FaultKind kind)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (kind == FaultKind.DropAfter)
        {
            _state.Ledger.RecordFault("drop-after");
            _state.Ledger.RecordRequest(route, "dropped");
            context.Abort();
            return;
        }
        _state.Ledger.RecordFault("malformed");
        if (_state.Options.Faults.MalformedBody == MalformedBodyKind.HtmlGatewayPage)
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = null;
            _state.Ledger.RecordRequest(route, "502");
            await context.Response.WriteAsync(HtmlGatewayPage, context.RequestAborted);
            return;
        }
        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length / 2;
        _state.Ledger.RecordRequest(route, context.Response.StatusCode.ToString());
        await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
    }

    private Task RejectAsync(HttpContext context, string route, int status, string code, string message)
    {
        _state.Ledger.RecordRequest(route, status.ToString());
        return ApiErrors.WriteAsync(context, status, code, message);
    }

    public const string HtmlGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

    /// <summary>"GET /api/v2/users/{userId}": the method and route template, so a ledger groups by endpoint.</summary>
    internal static string RouteOf(HttpContext context) =>
        context.Request.Method + " " + (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } && !raw.Contains("**")
            ? "/" + raw.TrimStart('/')
            : context.Request.Path.Value);
}

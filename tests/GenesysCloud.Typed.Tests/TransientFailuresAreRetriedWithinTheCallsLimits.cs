using System.Net;
using GenesysCloud.Typed.Testing;
using Polly;
using static GenesysCloud.Typed.Tests.Retrying;

namespace GenesysCloud.Typed.Tests;

/// <summary>A transient failure (408, 429, 5xx, a dropped connection on a read) is retried, by the API calls and the
/// token endpoint alike, until Retry.MaxRetries or the call's budget: no retry starts once the budget is spent, the
/// last error is the answer, and a token endpoint that never answers is a GenesysAuthenticationException naming
/// Tokens.FetchTimeout.</summary>
public sealed class TransientFailuresAreRetriedWithinTheCallsLimits
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Server_errors_on_get_are_retried(int status)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), Status = status, Body = $$"""{"message":"x","code":"y","status":{{status}}}""", Times = 2 });

        var user = await WaitAsync(h, h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Equal(h.Emulator.Users[0].Id, user.Id);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task A_get_whose_connection_dropped_is_retried()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), DropConnection = true });
        var user = await WaitAsync(h, h.GetUserAsync(h.Emulator.Users[0].Id));
        Assert.Equal(h.Emulator.Users[0].Id, user.Id);
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_with_the_last_error()
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 2);
        h.Emulator.Enqueue(new ScriptedResponse { Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""", Times = 10 });

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        await h.AdvanceUntilDoneAsync(call.ContinueWith(_ => { }));
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => call);

        Assert.Equal("internal.server.error", error.Code);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
    }

    public static TheoryData<int> SpentBy() => new() { 0, 1, 1000, 60_000 };

    [Theory]
    [MemberData(nameof(SpentBy))]
    public async Task No_retry_starts_once_the_calls_budget_is_spent(int spentByMilliseconds)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Harness.Epoch);
        var options = RetryStrategy.Create(new GenesysRetryOptions(), clock, null, _ => default);
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(RetryStrategy.FactsKey, new RetryFacts(idempotent: true, deadline: clock.GetUtcNow() - TimeSpan.FromMilliseconds(spentByMilliseconds)));
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var retried = await options.ShouldHandle(new Polly.Retry.RetryPredicateArguments<HttpResponseMessage>(context, Polly.Outcome.FromResult(unavailable), 0));
        var timedOut = await options.ShouldHandle(new Polly.Retry.RetryPredicateArguments<HttpResponseMessage>(context,
            Polly.Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException()), 0));

        Assert.False(retried);
        Assert.False(timedOut);
        context.Properties.Set(RetryStrategy.FactsKey, new RetryFacts(idempotent: true, deadline: clock.GetUtcNow() + TimeSpan.FromSeconds(1)));
        Assert.True(await options.ShouldHandle(new Polly.Retry.RetryPredicateArguments<HttpResponseMessage>(context, Polly.Outcome.FromResult(unavailable), 0)));
        ResilienceContextPool.Shared.Return(context);
    }

    [Theory]
    [InlineData(501, 1)]   // not transient: one request, a clear refusal
    [InlineData(400, 1)]
    [InlineData(503, 2)]   // transient: retried, then served
    [InlineData(502, 2)]   // client credentials may be repeated
    [InlineData(429, 2)]
    public async Task The_token_endpoint_follows_the_same_transient_rule_as_the_api(int status, int expectedTokenRequests)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = "/oauth/token", Status = status, Body = """{"error":"temporarily_unavailable"}""" });

        var call = h.GetUserAsync(h.Emulator.Users[0].Id);
        var outcome = await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(250)));

        Assert.Equal(expectedTokenRequests, h.Tap.To("/oauth/token").Count());
        if (expectedTokenRequests == 1) Assert.IsType<GenesysAuthenticationException>(outcome);
        else Assert.Null(outcome);
    }

    [Fact]
    public async Task A_trickling_token_endpoint_surfaces_as_a_genesys_authentication_error_not_a_timeout_exception()
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.Tokens.FetchTimeout = TimeSpan.FromSeconds(10);
            o.HttpMessageHandler = new StallingHandler("/oauth/token", o.HttpMessageHandler!);
        });

        var outcome = await Outcome.Of(h.AdvanceUntilDoneAsync(h.GetUserAsync(h.Emulator.Users[0].Id), step: TimeSpan.FromSeconds(1)));

        var error = Assert.IsType<GenesysAuthenticationException>(outcome);
        Assert.Contains("FetchTimeout", error.Message);
    }

    /// <summary>A server that accepts the request and never answers on one path.</summary>
    private sealed class StallingHandler(string path, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == path) await Task.Delay(Timeout.Infinite, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

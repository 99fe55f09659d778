using System.Net;
using GenesysCloud.Typed.Testing;
using Polly;

namespace GenesysCloud.Typed.Tests;

/// <summary>What an outside review found, each as a class: no attempt starts once the call's budget is spent (whatever
/// order two timers due at once fire in), a caller's HttpClient.Timeout is a transport failure like any other, and no
/// exception in the chain a caller receives holds a secret.</summary>
public sealed class ReviewFindingsTests
{
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
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_supplied_HttpClient_whose_own_timeout_fires_gives_a_transport_exception(bool write)
    {
        var stall = new Stall();
        await using var h = await Harness.StartAsync(client: o =>
        {
            stall.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = null;
            o.HttpClient = new HttpClient(stall) { Timeout = TimeSpan.FromMilliseconds(100) };
            o.Retry.MaxRetries = 1;
        });
        var user = h.Emulator.Users[0];
        stall.Path = "/api/v2/users/" + user.Id;

        var call = write ? h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "x" }) : h.GetUserAsync(user.Id);
        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(200)));

        var transport = Assert.IsType<GenesysTransportException>(error);
        Assert.True(transport.MayHaveBeenProcessed);
        Assert.Contains("Timeout", transport.Message);
        Assert.Equal(write ? 1 : 2, stall.Seen);   // a read is retried, a write is not
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.ConfigurationLimitExceeded)]
    public async Task A_transport_failure_that_echoes_the_token_or_secret_leaks_it_nowhere_in_the_chain(HttpRequestError kind)
    {
        var echo = new Echo(kind);
        await using var h = await Harness.StartAsync(client: o =>
        {
            echo.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = echo;
            o.Retry.MaxRetries = 0;
        });

        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(h.PatchUserAsync(h.Emulator.Users[0].Id, new UpdateUser { Version = 1 })));

        Assert.IsType<GenesysTransportException>(error);
        Assert.IsType<HttpRequestException>(error!.InnerException);
        var everything = error.ToString();
        Assert.NotNull(echo.Token);
        Assert.DoesNotContain(echo.Token!, everything);
        Assert.DoesNotContain(EmulatorClient.Default.ClientSecret!, everything);
        Assert.Contains("[redacted]", everything);
    }

    private sealed class Stall : DelegatingHandler
    {
        public string? Path;
        public int Seen;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == Path)
            {
                Interlocked.Increment(ref Seen);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Echo(HttpRequestError kind) : DelegatingHandler
    {
        public string? Token;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.StartsWith("/api/v2/", StringComparison.Ordinal)) return base.SendAsync(request, cancellationToken);
            Token = request.Headers.Authorization!.Parameter;
            var echoed = new HttpRequestException($"proxy said: {request.Headers.Authorization} {EmulatorClient.Default.ClientSecret}");
            throw new HttpRequestException(kind, $"dropped while sending Bearer {Token}", echoed);
        }
    }
}

using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A generated method's CancellationToken parameter, or a CancellationToken? one (null: none), is the call's
/// token: it stops the call before it is sent, during a retry wait and while paging.</summary>
public sealed class ACancellationTokenParameterIsTheCallsToken
{
    [Fact]
    public async Task Null_and_a_live_token_both_make_the_call()
    {
        await using var h = await Harness.StartAsync(fakeClock: false);
        var users = IUsersApi.Create(h.Connection);
        var id = h.Emulator.Users[0].Id;
        using var live = new CancellationTokenSource();

        Assert.Equal(id, (await users.GetUserWithOptionalTokenAsync(id)).Id);
        Assert.Equal(id, (await users.GetUserWithOptionalTokenAsync(id, null)).Id);
        Assert.Equal(id, (await users.GetUserWithOptionalTokenAsync(id, live.Token)).Id);
        Assert.Equal(3, h.Tap.To("/api/v2/users/").Count());
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call_before_it_is_sent()
    {
        await using var h = await Harness.StartAsync(fakeClock: false);
        var users = IUsersApi.Create(h.Connection);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => users.GetUserWithOptionalTokenAsync(h.Emulator.Users[0].Id, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in users.QueryUsersWithOptionalTokenAsync(cancellationToken: cancelled.Token)) { }
        });
        Assert.Empty(h.Tap.To("/api/v2/"));
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_the_call()
    {
        await using var h = await Harness.StartAsync();
        var users = IUsersApi.Create(h.Connection);
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users/" + id,
            Status = 429,
            Body = """{"message":"Rate limit exceeded","code":"too.many.requests","status":429}""",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "60" },
        });
        using var cancel = new CancellationTokenSource();
        var call = users.GetUserWithOptionalTokenAsync(id, cancel.Token);
        for (var i = 0; i < 2000 && !h.Logs.Collector.GetSnapshot().Any(r => r.Message.Contains("waiting")); i++) await Task.Delay(5);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(h.Tap.To("/api/v2/"));
    }

    [Fact]
    public async Task A_cancelled_token_given_to_a_paged_method_stops_the_enumeration()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 200);
        var users = IUsersApi.Create(h.Connection);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in users.ListUsersAsync(pageSize: 10, cancellationToken: cancel.Token))
                if (++seen == 15) cancel.Cancel();
        });
        Assert.InRange(h.Tap.To("/api/v2/users").Count(), 2, 3);
    }
}

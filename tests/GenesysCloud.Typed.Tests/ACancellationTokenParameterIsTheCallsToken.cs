using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A <c>CancellationToken? cancellationToken = null</c> parameter is the call's token (null: none), as a
/// <c>CancellationToken</c> is: it stops the call before it is sent, during a retry wait and while paging.</summary>
public sealed class NullableTokenTests
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
}

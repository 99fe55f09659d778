using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A call whose budget ends says truthfully what was sent: a request that never left (waiting for pacing) is
/// MayHaveBeenProcessed: false, "never sent"; a budget that ends after attempts the server refused says how many were
/// sent and that none was processed.</summary>
public sealed class AFailedCallSaysWhetherItWasSent
{
    [Fact]
    public async Task A_request_that_timed_out_before_it_was_ever_sent_never_says_it_may_have_been_processed()
    {
        // One write a minute and a 5 s budget: the first goes out, the other nine wait for a turn that never comes in time.
        var wire = new InFlight();
        await using var h = await Harness.StartAsync(client: o =>
        {
            wire.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = wire;
            o.Pacing.RequestsPerMinute = 1;
            o.Pacing.Burst = 1;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        var users = h.Emulator.Users.Take(10).ToList();

        // The clock moves only between requests: the first write's budget cannot end while it is on the wire.
        var writes = users.Select(u => h.PatchUserAsync(u.Id, new UpdateUser { Version = u.Version, Title = "late" })).ToArray();
        await wire.AdvanceBetweenRequestsAsync(h, Task.WhenAll(writes).ContinueWith(_ => { }), TimeSpan.FromMilliseconds(250));

        Assert.Single(h.Tap.To("/api/v2/"));
        _ = Assert.Single(writes, w => w.IsCompletedSuccessfully);
        var failed = writes.Where(w => w.IsFaulted).Select(w => Assert.IsType<GenesysTransportException>(w.Exception!.InnerException)).ToList();
        Assert.Equal(9, failed.Count);
        Assert.All(failed, f => Assert.False(f.MayHaveBeenProcessed, f.Message));
        Assert.All(failed, f => Assert.Contains("never sent", f.Message));
    }

    [Fact]
    public async Task A_budget_that_ends_after_refused_attempts_says_how_many_were_sent_and_that_none_was_processed()
    {
        var wire = new InFlight();
        await using var h = await Harness.StartAsync(client: o =>
        {
            wire.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = wire;
            o.Timeout = TimeSpan.FromSeconds(3);
            o.Retry.MaxRetries = 100;
        });
        var user = h.Emulator.Users[0];
        var path = "/api/v2/users/" + user.Id;
        h.Emulator.Enqueue(new ScriptedResponse { Path = path, Status = 503, Times = 1000 });

        // The fake clock moves only while no request is on the wire, so the budget ends in a wait between refused attempts
        // (what this test is about), never during one (the server might have it: MayHaveBeenProcessed, rightly).
        var error = await Outcome.Of(wire.AdvanceBetweenRequestsAsync(h, h.GetUserAsync(user.Id), TimeSpan.FromMilliseconds(100)));

        var sent = h.Tap.To(path).Count();
        Assert.True(sent >= 2, $"{sent} sent");
        var timeout = Assert.IsType<GenesysTransportException>(error);
        Assert.False(timeout.MayHaveBeenProcessed);
        Assert.Contains($"{sent} attempts sent", timeout.Message);
        Assert.DoesNotContain("never sent", timeout.Message);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task A_request_sent_and_left_unanswered_past_its_attempt_timeout_says_it_may_have_been_processed(string method)
    {
        // The other side of "never sent": this request left, so the server may have acted on it.
        var (h, stall, path) = await Stall.StartAsync(maxRetries: 0);
        await using var _ = h;

        var error = await Stall.CallAsync(h, method, path);

        var transport = Assert.IsType<GenesysTransportException>(error);
        Assert.True(transport.MayHaveBeenProcessed, transport.Message);
        Assert.DoesNotContain("never sent", transport.Message);
        Assert.Equal(1, stall.Seen);
    }
}

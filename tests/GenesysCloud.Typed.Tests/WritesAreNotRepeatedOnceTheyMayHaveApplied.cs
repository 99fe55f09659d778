using System.Net;
using GenesysCloud.Typed.Testing;
using static GenesysCloud.Typed.Tests.Retrying;

namespace GenesysCloud.Typed.Tests;

/// <summary>A write that may have been applied (a 500, 502 or 504, a dropped connection, a timeout, the caller's own
/// HttpClient.Timeout) is not sent again unless it is marked [Idempotent]: the caller gets
/// GenesysTransportException.MayHaveBeenProcessed or the server's error. An answer that says it was not processed (503,
/// 408, 429) is retried even for a write.</summary>
public sealed class WritesAreNotRepeatedOnceTheyMayHaveApplied
{
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

    [Fact]
    public async Task Server_errors_on_patch_are_not_retried_unless_marked_idempotent()
    {
        // A 500 may have been applied; a 503 says it was not, and is retried even for a write (A_503_on_a_write_is_retried… below).
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        h.Emulator.Enqueue(new ScriptedResponse { Method = "PATCH", Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""" });

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Single(h.Tap.To("/api/v2/"));

        h.Emulator.Enqueue(new ScriptedResponse { Method = "PATCH", Path = UserPath(h), Status = 500, Body = """{"message":"boom","code":"internal.server.error","status":500}""" });
        var updated = await WaitAsync(h, h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }, idempotent: true));
        Assert.Equal("x", updated.Title);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count());
    }

    [Fact]
    public async Task A_patch_whose_connection_dropped_after_it_applied_is_not_replayed_and_says_it_may_have_been_processed()
    {
        await using var h = await Harness.StartAsync(e => e.Faults.DropAfterProcessingRate = 1);
        var user = h.Emulator.Users[0];

        var error = await Assert.ThrowsAsync<GenesysTransportException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "x", Version = user.Version }));

        Assert.True(error.MayHaveBeenProcessed);
        Assert.Contains("not idempotent", error.Message);
        Assert.Single(h.Tap.To("/api/v2/"));
        Assert.Equal(1, h.Emulator.Ledger.ChangesOf(user.Id));
    }

    [Fact]
    public async Task A_503_on_a_write_is_retried_because_it_was_not_processed_but_a_500_is_not()
    {
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        h.Emulator.Enqueue(Answer("/api/v2/users/" + user.Id, 503, "1") );
        var patched = await h.AdvanceUntilDoneAsync(h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "t" }),
            step: TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, h.Tap.To("/api/v2/").Count(r => r.Method == "PATCH"));

        h.Emulator.Enqueue(Answer("/api/v2/users/" + user.Id, 500, "1"));
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version + 1, Title = "u" }));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, h.Tap.To("/api/v2/").Count(r => r.Method == "PATCH"));
    }

    public static TheoryData<string, int> WritesAndAnswersThatMayHaveApplied()
    {
        var data = new TheoryData<string, int>();
        // PUT and DELETE are idempotent by HTTP's definition and are retried; PATCH and POST are not.
        foreach (var method in new[] { "PATCH", "POST" })
            foreach (var status in new[] { 500, 502, 504 }) data.Add(method, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(WritesAndAnswersThatMayHaveApplied))]
    public async Task A_write_answered_500_502_or_504_is_sent_once_and_the_servers_error_reaches_the_caller(string method, int status)
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 3);
        var path = UserPath(h);
        h.Emulator.Enqueue(new ScriptedResponse { Method = method, Path = path, Status = status, Times = 10,
            Body = $$"""{"message":"maybe applied","code":"server.error","status":{{status}}}""" });

        var call = h.Connection.SendAsync(new GenesysRequest(new HttpMethod(method), path, "/api/v2/users/{userId}")
        {
            Body = h.Connection.SerializeBody(new UpdateUser { Version = 1, Title = "x" }, TestJson.Default.UpdateUser),
        });
        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(250), limit: TimeSpan.FromMinutes(10)));

        Assert.Equal((HttpStatusCode)status, Assert.IsType<GenesysApiException>(error).Status);
        Assert.Single(h.Tap.To("/api/v2/"));
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task A_write_whose_attempt_timed_out_on_the_wire_is_not_sent_again_and_may_have_been_processed(string method)
    {
        var (h, stall, path) = await Stall.StartAsync(maxRetries: 3);
        await using var _ = h;

        var error = await Stall.CallAsync(h, method, path);

        var transport = Assert.IsType<GenesysTransportException>(error);
        Assert.True(transport.MayHaveBeenProcessed, transport.Message);
        Assert.Equal(1, stall.Seen);
    }

    [Fact]
    public async Task A_read_whose_attempt_timed_out_is_sent_again_until_the_retries_run_out()
    {
        // The counterpart of the write above: the same stall on a GET is retried, so the write's single send is the rule's doing.
        var (h, stall, path) = await Stall.StartAsync(maxRetries: 3);
        await using var _ = h;

        var error = await Stall.CallAsync(h, "GET", path);

        Assert.True(Assert.IsType<GenesysTransportException>(error).MayHaveBeenProcessed);
        Assert.Equal(4, stall.Seen);
    }
}

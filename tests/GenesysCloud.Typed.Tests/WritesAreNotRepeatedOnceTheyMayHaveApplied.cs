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
}

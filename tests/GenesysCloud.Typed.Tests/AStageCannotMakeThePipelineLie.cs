using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A stage, careless or hostile, cannot make the pipeline lie: it cannot touch the token, the framing headers
/// or the method, cannot make an answer up or send an attempt twice; next started and not awaited, its own exceptions,
/// a body changed in place, the attempt's cancellation ignored or swallowed, a saved next called later: what reached
/// the wire is what the caller is told, a stage's exception is its own (never retried, never "in transport"), and the
/// call still ends with its deadline, the caller's cancellation or disposal.</summary>
public sealed class AStageCannotMakeThePipelineLie
{
    private const string UsersPrefix = "/api/v2/users/";

    public static TheoryData<bool> Writes => new() { false, true };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Next_started_and_not_awaited_still_ends_the_attempt_with_what_the_server_answered(bool patch)
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Stage((m, next) =>
        {
            _ = next.ProcessAsync().AsTask();
            return ValueTask.CompletedTask;
        })));
        var user = h.Emulator.Users[0];

        var result = patch
            ? await h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "fire and forget" })
            : await h.GetUserAsync(user.Id);

        Assert.Equal(user.Id, result.Id);
        Assert.Single(h.Tap.To(UsersPrefix + user.Id));
        Assert.Equal(patch ? 1 : 0, h.Emulator.Ledger.ChangesOf(user.Id));
    }

    public static TheoryData<string, bool, bool> Throws()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var kind in Failures.Keys)
            foreach (var afterNext in new[] { false, true })
                foreach (var patch in new[] { false, true })
                    data.Add(kind, afterNext, patch);
        return data;
    }

    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["HttpRequestException"] = () => new HttpRequestException("audit store down"),
        ["HttpRequestException(ConnectionError)"] = () => new HttpRequestException(HttpRequestError.ConnectionError, "audit store refused"),
        ["IOException"] = () => new IOException("disk full"),
        ["InvalidOperationException"] = () => new InvalidOperationException("stage bug"),
        ["TimeoutException"] = () => new TimeoutException("audit timed out"),
        ["OperationCanceledException (its own)"] = () => new OperationCanceledException("the stage gave up"),
    };

    [Theory]
    [MemberData(nameof(Throws))]
    public async Task A_stage_s_own_exception_reaches_the_caller_as_it_is_and_is_never_retried(string kind, bool afterNext, bool patch)
    {
        var runs = 0;
        var thrown = Failures[kind]();
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Stage(async (m, next) =>
        {
            Interlocked.Increment(ref runs);
            if (afterNext) await next.ProcessAsync();
            throw thrown;
        })));
        var user = h.Emulator.Users[0];

        var error = await Outcome.Of(patch
            ? h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "audited" })
            : h.GetUserAsync(user.Id));

        Assert.Same(thrown, error);
        Assert.Equal(1, runs);
        Assert.Equal(afterNext ? 1 : 0, h.Tap.To(UsersPrefix + user.Id).Count());
        Assert.Equal(0, h.Connection.Telemetry.Counters.Retries);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("Zoë <b>")]
    [InlineData("")]
    public async Task Changing_the_body_a_stage_sees_changes_nothing_that_is_sent(string title)
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Stage(async (m, next) =>
        {
            if (m.Body is { } body && MemoryMarshal.TryGetArray(body, out var bytes)) Array.Fill(bytes.Array!, (byte)'Z', bytes.Offset, bytes.Count);
            await next.ProcessAsync();
        })));
        var user = h.Emulator.Users[0];
        h.Emulator.Enqueue(new ScriptedResponse { Method = "PATCH", Path = UsersPrefix + user.Id, Status = 503, Times = 1 });
        var expected = h.Connection.SerializeBody(new UpdateUser { Version = user.Version, Title = title }, TestJson.Default.UpdateUser).ToArray();

        var call = h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = title });
        await h.AdvanceUntilDoneAsync(call);

        var sent = h.Tap.To(UsersPrefix + user.Id).Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(r.Body!)));
        Assert.Equal(title, (await call).Title);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_attempt_that_timed_out_inside_a_stage_before_next_was_never_sent_and_a_write_is_tried_again(bool patch)
    {
        var runs = 0;
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.PipelineStages.Add(new Stage(async (m, next) =>
            {
                if (Interlocked.Increment(ref runs) == 1) await Task.Delay(Timeout.InfiniteTimeSpan, m.CancellationToken);
                await next.ProcessAsync();
            }));
        });
        var user = h.Emulator.Users[0];

        var call = patch
            ? h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "late" })
            : h.GetUserAsync(user.Id);
        await h.AdvanceUntilDoneAsync(call);

        Assert.Equal(2, runs);
        Assert.Single(h.Tap.To(UsersPrefix + user.Id));
        Assert.Equal(patch ? 1 : 0, h.Emulator.Ledger.ChangesOf(user.Id));
    }

    public enum Ending { CallerCancels, Disposal, AttemptTimeout, Budget }

    public static TheoryData<Ending, bool, bool> StuckStages()
    {
        var data = new TheoryData<Ending, bool, bool>();
        foreach (var ending in Enum.GetValues<Ending>())
            foreach (var honoursToken in new[] { false, true })
                foreach (var afterNext in new[] { false, true })
                    data.Add(ending, honoursToken, afterNext);
        return data;
    }

    [Theory]
    [MemberData(nameof(StuckStages))]
    public async Task A_stuck_stage_does_not_hold_the_call_past_its_deadline_the_caller_or_disposal(Ending ending, bool honoursToken, bool afterNext)
    {
        var stuck = new TaskCompletionSource();
        await using var h = await Harness.StartAsync(client: o =>
        {
            if (ending == Ending.AttemptTimeout) { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.Retry.MaxRetries = 0; }
            if (ending == Ending.Budget) o.Timeout = TimeSpan.FromSeconds(7);
            o.PipelineStages.Add(new Stage(async (m, next) =>
            {
                if (afterNext) await next.ProcessAsync();
                stuck.TrySetResult();
                if (honoursToken) await Task.Delay(Timeout.InfiniteTimeSpan, m.CancellationToken);
                else await new TaskCompletionSource().Task;   // never ends, whatever is cancelled
                if (!afterNext) await next.ProcessAsync();
            }));
        });
        using var caller = new CancellationTokenSource();
        var user = h.Emulator.Users[0];

        var call = h.GetUserAsync(user.Id, caller.Token);
        await stuck.Task.WaitAsync(TimeSpan.FromMinutes(1));
        switch (ending)
        {
            case Ending.CallerCancels: caller.Cancel(); break;
            case Ending.Disposal: await h.Connection.DisposeAsync(); break;
            default: h.FakeClock.Advance(TimeSpan.FromSeconds(8)); break;
        }
        var error = await Outcome.Of(call.WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.False(error is TimeoutException && !call.IsCompleted, "the call was still held by the stage");
        var sent = afterNext;
        switch (ending)
        {
            case Ending.CallerCancels:
                Assert.Contains(sent ? "may have been processed" : "it was not sent", Assert.IsAssignableFrom<OperationCanceledException>(error).Message);
                break;
            case Ending.Disposal:
                Assert.Contains(sent ? "may have been processed" : "it was not sent", Assert.IsType<ObjectDisposedException>(error).Message);
                break;
            default:
                var timeout = Assert.IsType<GenesysTransportException>(error);
                Assert.Equal(sent, timeout.MayHaveBeenProcessed);
                break;
        }
        Assert.Equal(sent ? 1 : 0, h.Tap.To(UsersPrefix + user.Id).Count());
    }

    [Fact]
    public async Task A_stage_that_swallows_the_attempt_s_cancellation_ends_an_unsent_attempt_not_a_stage_bug()
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.MaxRetries = 0;
            o.PipelineStages.Add(new Stage(async (m, next) =>
            {
                try { await Task.Delay(Timeout.InfiniteTimeSpan, m.CancellationToken); }
                catch (OperationCanceledException) { }
            }));
        });
        var user = h.Emulator.Users[0];

        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(h.PatchUserAsync(user.Id, new UpdateUser { Version = user.Version, Title = "x" })));

        var timeout = Assert.IsType<GenesysTransportException>(error);
        Assert.False(timeout.MayHaveBeenProcessed);
        Assert.Contains("never sent", timeout.Message);
        Assert.Empty(h.Tap.To(UsersPrefix + user.Id));
    }

    [Theory]
    [InlineData("X-HTTP-Method-Override")]
    [InlineData("x-http-method")]
    [InlineData("X-Method-Override")]
    public async Task A_stage_cannot_change_the_method_through_an_override_header(string name)
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Stage(async (m, next) =>
        {
            m.SetHeader(name, "DELETE");
            await next.ProcessAsync();
        })));
        var user = h.Emulator.Users[0];

        var error = await Outcome.Of(h.GetUserAsync(user.Id));

        Assert.Contains(name, Assert.IsType<ArgumentException>(error).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(h.Tap.To(UsersPrefix + user.Id));
    }

    [Fact]
    public async Task A_saved_next_called_after_its_attempt_ended_sends_nothing_and_says_so()
    {
        GenesysPipelineNext saved = default;
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Stage(async (m, next) =>
        {
            saved = next;
            await next.ProcessAsync();
        })));
        var user = h.Emulator.Users[0];
        await h.GetUserAsync(user.Id);

        var error = await Outcome.Of(Task.Run(async () => await saved.ProcessAsync()));

        Assert.Contains("after its attempt had ended", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.Single(h.Tap.To(UsersPrefix + user.Id));
    }

    private sealed class Stage(Func<GenesysPipelineMessage, GenesysPipelineNext, ValueTask> process) : GenesysPipelineStage
    {
        public override ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next) => process(message, next);
    }

    [Theory]
    [InlineData("Authorization", "Bearer stolen")]
    [InlineData("authorization", "Basic x")]
    [InlineData("Proxy-Authorization", "Bearer stolen")]
    [InlineData("Host", "evil.example.com")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("Content-Length", "1")]
    [InlineData("Transfer-Encoding", "chunked")]
    [InlineData("X-Ok", "line\r\nAuthorization: Bearer stolen")]
    public async Task A_stage_cannot_set_what_carries_the_token_or_frames_the_request(string name, string value)
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new HeaderSetter(name, value)));
        var path = UsersPrefix + h.Emulator.Users[0].Id;

        var error = await Outcome.Of(h.GetUserAsync(h.Emulator.Users[0].Id));

        var refused = Assert.IsType<ArgumentException>(error);
        Assert.Contains(name, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(h.Tap.To(path));
    }

    [Fact]
    public async Task A_stage_that_never_sends_cannot_make_an_answer_up()
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new Swallower()));
        var path = UsersPrefix + h.Emulator.Users[0].Id;

        var error = await Outcome.Of(h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Contains("must call next.ProcessAsync() once", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.Empty(h.Tap.To(path));
    }

    [Fact]
    public async Task A_stage_cannot_send_an_attempt_twice_around_the_pacing_and_retry()
    {
        await using var h = await Harness.StartAsync(client: o => o.PipelineStages.Add(new DoubleSender()));
        var path = UsersPrefix + h.Emulator.Users[0].Id;

        var error = await Outcome.Of(h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Contains("sent once", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.Single(h.Tap.To(path));
    }

    private sealed class HeaderSetter(string name, string value) : GenesysPipelineStage
    {
        public override ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next)
        {
            message.SetHeader(name, value);
            return next.ProcessAsync();
        }
    }

    private sealed class Swallower : GenesysPipelineStage
    {
        public override ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next) => default;
    }

    private sealed class DoubleSender : GenesysPipelineStage
    {
        public override async ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next)
        {
            await next.ProcessAsync();
            await next.ProcessAsync();
        }
    }
}

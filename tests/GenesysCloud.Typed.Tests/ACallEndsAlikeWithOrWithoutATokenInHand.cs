using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Every ending of a call is the same whether its first attempt had to wait for a token or already held one:
/// each scenario (success, final errors, 401 replayed or not, transient statuses, dropped connections, attempt and call
/// timeouts, caller cancellation, disposal) runs on a cold connection and on a warm one, and both end alike: the same
/// error type, status, MayHaveBeenProcessed, requests on the wire, retries and 401 replays. (Written for the fast first
/// send, which no longer exists; the single attempt loop must keep the same promise.)</summary>
public sealed class ACallEndsAlikeWithOrWithoutATokenInHand
{
    private const string UsersPrefix = "/api/v2/users/";

    public sealed record Scenario(string Name, Func<string, IReadOnlyList<ScriptedResponse>> Script, bool Patch, int Stalls = 0,
        Action<GenesysCloudOptions>? Options = null, Stop Stop = Stop.None)
    {
        public override string ToString() => Name;
    }

    public enum Stop { None, CallerCancels, Disposal, CancelledBeforeTheCall }

    private static ScriptedResponse Status(string path, int status, int times = 1, string? retryAfter = null, string code = "x") => new()
    {
        Path = path,
        Status = status,
        Times = times,
        Body = $$"""{"message":"scripted","code":"{{code}}","status":{{status}}}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    private static readonly Action<GenesysCloudOptions> ShortAttempt = o =>
    {
        o.AttemptTimeout = TimeSpan.FromSeconds(10);
        o.Timeout = TimeSpan.FromMinutes(5);
    };

    public static readonly Scenario[] Scenarios =
    [
        new("200", _ => [], Patch: false),
        new("200 on a write", _ => [], Patch: true),
        new("404", p => [Status(p, 404, code: "not.found")], Patch: false),
        new("409 on a write", p => [Status(p, 409, code: "conflict")], Patch: true),
        new("401 once, replayed", p => [Status(p, 401, code: "bad.credentials")], Patch: false),
        new("401 once on a write, replayed", p => [Status(p, 401, code: "bad.credentials")], Patch: true),
        new("401 twice", p => [Status(p, 401, times: 2, code: "bad.credentials")], Patch: false),
        new("401 ip.not.authorized", p => [Status(p, 401, code: "ip.not.authorized")], Patch: false),
        new("401 then 503 then 200", p => [Status(p, 401, code: "bad.credentials"), Status(p, 503, retryAfter: "1")], Patch: false),
        new("503 twice", p => [Status(p, 503, times: 2, retryAfter: "1")], Patch: false),
        new("503 on a write", p => [Status(p, 503, retryAfter: "1")], Patch: true),
        new("500 on a write", p => [Status(p, 500)], Patch: true),
        new("500 on a read", p => [Status(p, 500)], Patch: false),
        new("502 then 504", p => [Status(p, 502), Status(p, 504)], Patch: false),
        new("408", p => [Status(p, 408)], Patch: true),
        new("429 with Retry-After 2", p => [Status(p, 429, retryAfter: "2")], Patch: false),
        new("429 with Retry-After beyond the cap", p => [Status(p, 429, retryAfter: "3600")], Patch: false),
        new("429 with a garbage Retry-After", p => [Status(p, 429, retryAfter: "soon")], Patch: true),
        new("503 until retries run out", p => [Status(p, 503, times: 50, retryAfter: "1")], Patch: false),
        new("dropped connection on a read", p => [new ScriptedResponse { Path = p, DropConnection = true }], Patch: false),
        new("dropped connection on a write", p => [new ScriptedResponse { Path = p, DropConnection = true }], Patch: true),
        new("attempt timeout on a read, then 200", _ => [], Patch: false, Stalls: 1, Options: ShortAttempt),
        new("attempt timeout twice on a read, then 200", _ => [], Patch: false, Stalls: 2, Options: ShortAttempt),
        new("attempt timeout on a write", _ => [], Patch: true, Stalls: 1, Options: ShortAttempt),
        new("idempotent write, attempt timeout, then 200", _ => [], Patch: true, Stalls: 1, Options: ShortAttempt),
        new("call budget shorter than the attempt", _ => [], Patch: false, Stalls: 1, Options: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Timeout = TimeSpan.FromSeconds(15);
        }),
        new("call budget equal to the attempt", _ => [], Patch: false, Stalls: 5, Options: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.Timeout = TimeSpan.FromSeconds(15);
        }),
        new("budget ends during the retries", _ => [], Patch: false, Stalls: 50, Options: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Timeout = TimeSpan.FromSeconds(25);
        }),
        new("caller cancels while the answer is awaited", _ => [], Patch: true, Stalls: 1, Stop: Stop.CallerCancels),
        new("connection disposed while the answer is awaited", _ => [], Patch: false, Stalls: 1, Stop: Stop.Disposal),
        new("caller's token cancelled before a read", _ => [], Patch: false, Stop: Stop.CancelledBeforeTheCall),
        new("caller's token cancelled before a write", _ => [], Patch: true, Stop: Stop.CancelledBeforeTheCall),
    ];

    public static TheoryData<Scenario> All()
    {
        var data = new TheoryData<Scenario>();
        foreach (var scenario in Scenarios) data.Add(scenario);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task The_fast_first_send_ends_every_call_as_the_full_pipeline_does(Scenario scenario)
    {
        var cold = await RunAsync(scenario, warm: false);
        var warm = await RunAsync(scenario, warm: true);

        Assert.Equal(cold, warm);
    }

    [Fact]
    public void The_scenarios_cover_every_way_a_first_send_can_end()
    {
        // Success, final error, 401 (replayed or not), transient status, transport failure, attempt timeout, call timeout,
        // caller cancellation, disposal: each way a first attempt can end has a scenario.
        Assert.Contains(Scenarios, s => s.Stop == Stop.CallerCancels);
        Assert.Contains(Scenarios, s => s.Stop == Stop.Disposal);
        Assert.Contains(Scenarios, s => s.Stalls > 0 && s.Stop == Stop.None);
        Assert.Contains(Scenarios, s => s.Script(UsersPrefix + "x").Any(r => r.DropConnection));
        foreach (var status in new[] { 401, 404, 408, 429, 500, 502, 503, 504 })
            Assert.Contains(Scenarios, s => s.Script(UsersPrefix + "x").Any(r => r.Status == status && !r.DropConnection));
    }

    /// <summary>What a caller and an operator can see of how a call ended.</summary>
    public sealed record Ending(string? Error, HttpStatusCode? Status, bool? MayHaveBeenProcessed, int Sent, long Retries, long Replays);

    private static async Task<Ending> RunAsync(Scenario scenario, bool warm)
    {
        var stall = new StallingHandler();
        await using var h = await Harness.StartAsync(client: o =>
        {
            scenario.Options?.Invoke(o);
            stall.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = stall;
        });
        var user = h.Emulator.Users[0];
        var path = UsersPrefix + user.Id;
        if (warm) await h.GetUserAsync(h.Emulator.Users[1].Id);   // holds a token from here on
        var sentBefore = h.Tap.To(UsersPrefix).Count();
        var before = h.Connection.Telemetry.Counters;
        foreach (var response in scenario.Script(path)) h.Emulator.Enqueue(response);
        stall.Arm(path, scenario.Stalls);

        using var cancel = new CancellationTokenSource();
        if (scenario.Stop == Stop.CancelledBeforeTheCall) cancel.Cancel();
        var call = scenario.Patch
            ? h.Connection.SendAsync(new GenesysRequest(HttpMethod.Patch, path, "/api/v2/users/{userId}")
            {
                Body = h.Connection.SerializeBody(new UpdateUser { Version = user.Version, Title = "parity" }, TestJson.Default.UpdateUser),
                Idempotent = scenario.Name.StartsWith("idempotent", StringComparison.Ordinal) ? true : null,
            }, TestJson.Default.User, cancel.Token)
            : h.Connection.SendAsync(new GenesysRequest(HttpMethod.Get, path, "/api/v2/users/{userId}"), TestJson.Default.User, cancel.Token);

        Exception? error;
        if (scenario.Stop is Stop.None or Stop.CancelledBeforeTheCall)
        {
            error = await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(500), limit: TimeSpan.FromHours(2)));
        }
        else
        {
            await stall.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
            if (scenario.Stop == Stop.CallerCancels) cancel.Cancel();
            else h.Connection.Dispose();
            error = await Outcome.Of(call.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var after = h.Connection.Telemetry.Counters;
        return new Ending(
            // Which layer noticed a cancellation first (HttpClient or Polly) is not the caller's business: the outer type and
            // what the message says about the request are.
            error?.GetType().Name + (error is not OperationCanceledException && error?.InnerException is { } inner ? "/" + inner.GetType().Name : "") +
            (error is OperationCanceledException ? (error.Message.Contains("it was not sent") ? " (not sent)" : " (may have been processed)") : ""),
            (error as GenesysApiException)?.Status,
            error switch
            {
                GenesysTransportException t => t.MayHaveBeenProcessed,
                ObjectDisposedException d => d.Data["MayHaveBeenProcessed"] as bool?,
                _ => null,
            },
            h.Tap.To(UsersPrefix).Count() - sentBefore,
            after.Retries - before.Retries,
            after.AuthReplays - before.AuthReplays);
    }

    /// <summary>Accepts the next requests to one path and never answers them (until cancelled).</summary>
    private sealed class StallingHandler : DelegatingHandler
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _path;
        private int _remaining;

        public Task Stalled => _stalled.Task;

        public void Arm(string path, int times)
        {
            _path = path;
            Volatile.Write(ref _remaining, times);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == _path && Interlocked.Decrement(ref _remaining) >= 0)
            {
                _stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Typed.Tests;

/// <summary>A user's own GenesysPipelineStage runs once around every attempt that reaches the wire, every retry and the
/// 401 replay included, after the pacing turn and the token; stages run in the order they were added (those from
/// dependency injection after those on the options), each around the later ones.</summary>
public sealed class AStageRunsAroundEveryAttempt
{
    private const string UsersPrefix = "/api/v2/users/";

    public sealed record Script(string Name, bool Patch, Func<string, IReadOnlyList<ScriptedResponse>> Answers)
    {
        public override string ToString() => Name;
    }

    private static ScriptedResponse Status(string path, int status, int times = 1, string? retryAfter = null, string code = "x") => new()
    {
        Path = path,
        Status = status,
        Times = times,
        Body = $$"""{"message":"scripted","code":"{{code}}","status":{{status}}}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static readonly TheoryData<Script> Scripts =
    [
        new("200", false, _ => []),
        new("401, replayed", false, p => [Status(p, 401, code: "bad.credentials")]),
        new("401 twice: one replay, then the answer", false, p => [Status(p, 401, times: 2, code: "bad.credentials")]),
        new("401, replayed into a 503, retried", false, p => [Status(p, 401, code: "bad.credentials"), Status(p, 503, retryAfter: "1")]),
        new("503 then 401, replayed", false, p => [Status(p, 503, retryAfter: "1"), Status(p, 401, code: "bad.credentials")]),
        new("503 twice", false, p => [Status(p, 503, times: 2, retryAfter: "1")]),
        new("500", false, p => [Status(p, 500)]),
        new("502 then 504", false, p => [Status(p, 502), Status(p, 504)]),
        new("408", false, p => [Status(p, 408)]),
        new("429 with Retry-After 2", false, p => [Status(p, 429, retryAfter: "2")]),
        new("dropped connection", false, p => [new ScriptedResponse { Path = p, DropConnection = true }]),
        new("401 ip.not.authorized: no replay", false, p => [Status(p, 401, code: "ip.not.authorized")]),
        new("write: 200", true, _ => []),
        new("write: 429, retried", true, p => [Status(p, 429, retryAfter: "1")]),
        new("write: 401, replayed", true, p => [Status(p, 401, code: "bad.credentials")]),
        new("write: 500, not retried", true, p => [Status(p, 500)]),
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_stage_sees_every_attempt_on_the_wire_including_retries_and_401_replays(Script script)
    {
        var stage = new AttemptRecorder();
        var wire = new HeaderCapture("X-Attempt");
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.PipelineStages.Add(stage);
            wire.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = wire;
        });
        var user = h.Emulator.Users[0];
        var path = UsersPrefix + user.Id;
        foreach (var answer in script.Answers(path)) h.Emulator.Enqueue(answer);
        var before = h.Connection.Telemetry.Counters;

        var call = script.Patch
            ? h.Connection.SendAsync(new GenesysRequest(HttpMethod.Patch, path, "/api/v2/users/{userId}")
            {
                Body = h.Connection.SerializeBody(new UpdateUser { Version = user.Version, Title = "staged" }, TestJson.Default.UpdateUser),
            }, TestJson.Default.User)
            : h.Connection.SendAsync(new GenesysRequest(HttpMethod.Get, path, "/api/v2/users/{userId}"), TestJson.Default.User);
        await Outcome.Of(h.AdvanceUntilDoneAsync(call, step: TimeSpan.FromMilliseconds(500), limit: TimeSpan.FromHours(1)));

        var after = h.Connection.Telemetry.Counters;
        var seen = stage.Seen.Where(s => s.Path == path).ToList();
        var onWire = wire.Values(path);
        // Every request that reached the wire went through the stage, numbered in order, with its header.
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), onWire);
        Assert.Equal(Enumerable.Range(0, seen.Count), seen.Select(s => s.Attempt));
        Assert.Equal(after.Retries - before.Retries + after.AuthReplays - before.AuthReplays + 1, seen.Count);
        // A replay is exactly the send after a 401 that a fresh token may cure.
        for (var i = 0; i < seen.Count; i++)
            Assert.Equal(i > 0 && seen[i - 1].Status == HttpStatusCode.Unauthorized, seen[i].IsReplay);
        Assert.Equal(after.AuthReplays - before.AuthReplays, seen.Count(s => s.IsReplay));
        // The stage ran after the token: each attempt went out with one, and the stage never saw it.
        Assert.All(h.Tap.To(path), sent => Assert.StartsWith("Bearer ", sent.Authorization));
        Assert.All(seen, s => Assert.Null(s.AuthorizationSeen));
        Assert.All(seen.Where(s => s.Status is null), s => Assert.True(s.Failed));
    }

    [Fact]
    public async Task Stages_run_in_the_order_they_were_added_each_around_the_later_ones()
    {
        var trace = new ConcurrentQueue<string>();
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.PipelineStages.Add(new Tracer("a", trace));
            o.PipelineStages.Add(new Tracer("b", trace));
            o.PipelineStages.Add(new Tracer("c", trace));
        });
        await h.GetUserAsync(h.Emulator.Users[0].Id);

        Assert.Equal(["a in", "b in", "c in", "c out 200", "b out 200", "a out 200"], trace);
    }

    [Fact]
    public async Task A_stage_registered_with_dependency_injection_runs_after_those_on_the_options()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 2 });
        var trace = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddSingleton(trace);
        services.AddGenesysCloud(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ClientId = EmulatorClient.Default.ClientId;
            o.ClientSecret = EmulatorClient.Default.ClientSecret;
            o.TypeInfoResolver = TestJson.Default;
            o.PipelineStages.Add(new Tracer("options", trace));
        }).AddPipelineStage<RegisteredTracer>();
        await using var provider = services.BuildServiceProvider();
        var connection = provider.GetRequiredService<GenesysCloudConnection>();

        await connection.SendAsync(new GenesysRequest(HttpMethod.Get, UsersPrefix + emulator.Users[0].Id), TestJson.Default.User);

        Assert.Equal(["options in", "registered in", "registered out 200", "options out 200"], trace);
    }

    private sealed record SeenAttempt(string Path, int Attempt, bool IsReplay, HttpStatusCode? Status, bool Failed, string? AuthorizationSeen);

    private sealed class AttemptRecorder : GenesysPipelineStage
    {
        public ConcurrentQueue<SeenAttempt> Seen { get; } = new();

        public override async ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next)
        {
            message.SetHeader("X-Attempt", message.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var authorization = message.GetHeader("Authorization");
            var failed = false;
            try
            {
                await next.ProcessAsync();
            }
            catch (HttpRequestException)
            {
                failed = true;
                throw;
            }
            finally
            {
                Seen.Enqueue(new SeenAttempt(message.Path, message.Attempt, message.IsReplay, message.StatusCode, failed, authorization));
            }
        }
    }

    private class Tracer(string name, ConcurrentQueue<string> trace) : GenesysPipelineStage
    {
        public override async ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next)
        {
            trace.Enqueue(name + " in");
            await next.ProcessAsync();
            trace.Enqueue($"{name} out {(int?)message.StatusCode}");
        }
    }

    private sealed class RegisteredTracer(ConcurrentQueue<string> trace) : Tracer("registered", trace);

    /// <summary>Records one request header's value as it reached the transport, per path.</summary>
    private sealed class HeaderCapture(string header) : DelegatingHandler
    {
        private readonly ConcurrentQueue<(string Path, string? Value)> _seen = new();

        public IReadOnlyList<string?> Values(string path) => _seen.Where(s => s.Path == path).Select(s => s.Value).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _seen.Enqueue((request.RequestUri!.AbsolutePath, request.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

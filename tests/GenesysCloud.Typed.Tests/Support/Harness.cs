using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>An emulator and a connection to it, sharing one clock, with the wire tapped and the logs captured.</summary>
public sealed class Harness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = DateTimeOffset.Parse("2026-11-26T08:00:00Z");

    private Harness(GenesysCloudEmulator emulator, GenesysCloudConnection connection, WireTap tap, FakeLoggerProvider logs, TimeProvider clock)
    {
        Emulator = emulator;
        Connection = connection;
        Tap = tap;
        Logs = logs;
        Clock = clock;
    }

    public GenesysCloudEmulator Emulator { get; }
    public GenesysCloudConnection Connection { get; }
    public WireTap Tap { get; }
    public FakeLoggerProvider Logs { get; }
    public TimeProvider Clock { get; }
    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;

    public static async Task<Harness> StartAsync(Action<EmulatorOptions>? emulator = null, Action<GenesysCloudOptions>? client = null, bool fakeClock = true,
        Action<GenesysCloudEmulator>? beforeClient = null)
    {
        TimeProvider clock = fakeClock ? new FakeTimeProvider(Epoch) : TimeProvider.System;
        var emulatorOptions = new EmulatorOptions { TimeProvider = clock, UserCount = 50 };
        emulator?.Invoke(emulatorOptions);
        var server = await GenesysCloudEmulator.StartAsync(emulatorOptions);
        beforeClient?.Invoke(server);
        var tap = new WireTap();
        var logs = new FakeLoggerProvider();
        var options = new GenesysCloudOptions
        {
            BaseAddress = server.BaseAddress,
            ClientId = EmulatorClient.Default.ClientId,
            ClientSecret = EmulatorClient.Default.ClientSecret,
            HttpMessageHandler = tap,
            TimeProvider = clock,
            TypeInfoResolver = TestJson.Default,
            LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)),
        };
        if (fakeClock)
        {
            // AdvanceUntilDoneAsync moves the fake clock while real HTTP is in flight; budgets that guard against real
            // slowness must not fire on fake time. Tests that exercise a budget set their own.
            options.Tokens.FetchTimeout = TimeSpan.FromHours(20);
            options.AttemptTimeout = TimeSpan.FromHours(20);
            options.Timeout = TimeSpan.FromHours(24);
        }
        client?.Invoke(options);
        return new Harness(server, new GenesysCloudConnection(options), tap, logs, clock);
    }

    public Task<User> GetUserAsync(string id, CancellationToken cancellationToken = default) =>
        Connection.SendAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + id, "/api/v2/users/{userId}"), TestJson.Default.User, cancellationToken);

    public Task<User> PatchUserAsync(string id, UpdateUser body, bool? idempotent = null) =>
        Connection.SendAsync(new GenesysRequest(HttpMethod.Patch, "/api/v2/users/" + id, "/api/v2/users/{userId}")
        {
            Body = Connection.SerializeBody(body, TestJson.Default.UpdateUser),
            Idempotent = idempotent,
        }, TestJson.Default.User);

    public GenesysPageable<User> ListUsers(int pageSize, string extra = "") =>
        Connection.Paginate(new GenesysRequest(HttpMethod.Get, $"/api/v2/users?pageSize={pageSize}{extra}", "/api/v2/users"), TestJson.Default.User);

    /// <summary>Drives the fake clock forward until <paramref name="task"/> completes, so retry waits elapse without
    /// sleeping. Returns how much fake time passed.</summary>
    public async Task<TimeSpan> AdvanceUntilDoneAsync(Task task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (task.IsCompleted) break;
            var by = step ?? TimeSpan.FromMilliseconds(500);
            FakeClock.Advance(by);
            advanced += by;
            if (advanced > (limit ?? TimeSpan.FromHours(1))) throw new TimeoutException($"Still running after {advanced} of fake time.");
        }
        await task;
        return advanced;
    }

    public IReadOnlyList<string> LogLines() => Logs.Collector.GetSnapshot().Select(r => r.Level + " " + r.Message + " " + r.Exception).ToList();

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

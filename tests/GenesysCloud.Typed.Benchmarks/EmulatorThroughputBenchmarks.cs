using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Against the emulator on loopback. Paced rate: a server limit of L = 1,200 requests per minute (200 per
/// 10-second window, per client), 16 workers for 25 s (2.5 windows) through a connection pacing at 95% of L; reports the
/// achieved rate as a share of L and the share of 429s. Paging: 10,000 users in pages of 100 with 50 ms of server
/// latency and 50 ms of work per page, with and without prefetch. Each runs once: the figures are printed as METRIC lines.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EmulatorThroughputBenchmarks
{
    [Benchmark]
    public async Task PacedRate_vs_server_limit()
    {
        const int perWindow = 200;
        var window = TimeSpan.FromSeconds(10);
        var limitPerMinute = perWindow * (60 / window.TotalSeconds);
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = 50, RateLimit = { RequestsPerWindow = perWindow, Window = window, Key = RateLimitKey.Client },
        });
        await using var connection = new GenesysCloudConnection(new GenesysCloudOptions
        {
            BaseAddress = emulator.BaseAddress, ClientId = "emulator-client", ClientSecret = "emulator-secret", TypeInfoResolver = BenchJson.Default,
            Pacing = { RequestsPerMinute = (int)(limitPerMinute * 0.95) },
        });
        var users = IBenchUsersApi.Create(connection);
        var id = emulator.Users[0].Id;
        var duration = TimeSpan.FromSeconds(25);
        var stopAt = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (DateTime.UtcNow < stopAt) await users.GetUserAsync(id);
        }));
        var ok = emulator.Ledger.Requests("GET /api/v2/users/{userId}", 200);
        var total = emulator.Ledger.Requests("GET /api/v2/users/{userId}");
        var achieved = ok / duration.TotalMinutes;
        Console.WriteLine($"METRIC paced-rate: L={limitPerMinute:0}/min achieved={achieved:0}/min ({achieved / limitPerMinute:P1} of L), " +
                          $"429s={emulator.Ledger.Throttled} of {total} requests ({(double)emulator.Ledger.Throttled / total:P2})");
    }

    [Benchmark]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Paging_10000_users_with_50ms_latency(bool prefetch)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = 10_000, RateLimit = { Enabled = false }, Faults = { Latency = TimeSpan.FromMilliseconds(50) },
        });
        await using var connection = new GenesysCloudConnection(new GenesysCloudOptions
        {
            BaseAddress = emulator.BaseAddress, ClientId = "emulator-client", ClientSecret = "emulator-secret", TypeInfoResolver = BenchJson.Default,
        });
        var pages = IBenchUsersApi.Create(connection).ListUsers(100);
        var started = DateTime.UtcNow;
        var seen = 0;
        await foreach (var page in (prefetch ? pages.WithPrefetch() : pages).AsPages())
        {
            seen += page.Items.Count;
            await Task.Delay(50);   // the job's work on this page
        }
        Console.WriteLine($"METRIC paging prefetch={prefetch}: {seen} users in {(DateTime.UtcNow - started).TotalSeconds:0.00} s");
    }
}

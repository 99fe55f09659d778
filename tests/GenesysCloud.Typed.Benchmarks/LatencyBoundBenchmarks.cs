using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Refit;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Where a batch job really lives: every answer takes 20 ms, 64 callers share one client, 20,000 GETs. The
/// per-call overhead is hidden behind the latency, so generated, hand-written and Refit should be equal within noise.
/// Each client runs once; the figures are printed as METRIC lines.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class LatencyBoundBenchmarks
{
    private const int Calls = 20_000;
    private const int Callers = 64;
    private const string Id = "3f1c6c1e-0d2a-4b8e-9a53-8b1f1f3c2a10";
    private static readonly Uri Base = new("https://api.mypurecloud.com/");

    [Benchmark]
    [Arguments("hand-written")]
    [Arguments("generated")]
    [Arguments("refit")]
    public async Task Gets_with_20ms_answers(string client)
    {
        Func<Task> call;
        GenesysCloudConnection? connection = null;
        switch (client)
        {
            case "generated":
                connection = new GenesysCloudConnection(new GenesysCloudOptions
                {
                    BaseAddress = Base, ClientId = "id", ClientSecret = "secret", HttpMessageHandler = new SlowHandler(), TypeInfoResolver = BenchJson.Default,
                });
                var generated = IBenchUsersApi.Create(connection);
                call = () => generated.GetUserAsync(Id);
                break;
            case "refit":
                var refit = RestService.For<IRefitUsersApi>(new HttpClient(new SlowHandler()) { BaseAddress = Base },
                    new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(BenchJson.Default.Options) });
                call = () => refit.GetUserAsync(Id);
                break;
            default:
                var http = new HttpClient(new SlowHandler()) { BaseAddress = Base };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");
                call = async () =>
                {
                    using var response = await http.GetAsync("/api/v2/users/" + Uri.EscapeDataString(Id));
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadFromJsonAsync(BenchJson.Default.BenchUser);
                };
                break;
        }
        await call();   // warm: token, connection, JIT
        var remaining = Calls;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0) await call();
        }));
        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"METRIC latency-bound {client}: {Calls} GETs in {clock.Elapsed.TotalSeconds:0.00} s = {Calls / clock.Elapsed.TotalSeconds:0} req/s, " +
                          $"CPU {used.TotalMilliseconds / Calls * 1000:0} µs per call");
        connection?.Dispose();
    }

    /// <summary>The canned answers, each after 20 ms.</summary>
    private sealed class SlowHandler : DelegatingHandler
    {
        public SlowHandler() : base(new CannedHandler()) { }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

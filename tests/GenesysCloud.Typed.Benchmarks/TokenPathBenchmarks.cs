using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>The token path: attaching a valid token (a volatile read, no lock), and 1,000 concurrent callers at expiry
/// (one fetch; the time until all proceed).</summary>
[MemoryDiagnoser]
public class TokenPathBenchmarks
{
    private TokenSource _valid = null!;

    private sealed class Fetcher(TimeSpan lifetime) : ITokenFetcher
    {
        public int Calls;
        public string Grant => "bench";

        public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            await Task.Yield();   // a real fetch completes asynchronously
            return new AccessToken("bench-token", DateTimeOffset.UtcNow + lifetime);
        }
    }

    private static TokenSource Create(Fetcher fetcher) =>
        new(fetcher, new GenesysTokenOptions(), TimeProvider.System, NullLogger.Instance, new GenesysTelemetry(null), new SecretRedactor());

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _valid = Create(new Fetcher(TimeSpan.FromHours(24)));
        await _valid.GetTokenAsync(default);
    }

    [Benchmark]
    public ValueTask<AccessToken> ValidToken() => _valid.GetTokenAsync(default);

    [Benchmark]
    public async Task ThousandCallersAtExpiry()
    {
        var fetcher = new Fetcher(TimeSpan.FromHours(1));
        using var source = Create(fetcher);   // no token yet: everyone must wait for the one fetch
        var waiters = new Task<AccessToken>[1000];
        for (var i = 0; i < waiters.Length; i++) waiters[i] = source.GetTokenAsync(default).AsTask();
        await Task.WhenAll(waiters);
        if (fetcher.Calls != 1) throw new InvalidOperationException($"{fetcher.Calls} fetches for 1,000 callers");
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Refit;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Per-request overhead on the same in-memory transport: the generated client (full pipeline: token, retry,
/// telemetry) vs a hand-written HttpClient + System.Text.Json call vs Refit 16.4.</summary>
[MemoryDiagnoser]
[MinColumn]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RequestOverheadBenchmarks
{
    private const string Id = "3f1c6c1e-0d2a-4b8e-9a53-8b1f1f3c2a10";
    private static readonly Uri Base = new("https://api.mypurecloud.com/");
    private GenesysCloudConnection _connection = null!;
    private IBenchUsersApi _generated = null!;
    private HttpClient _http = null!;
    private IRefitUsersApi _refit = null!;
    private readonly BenchUpdate _update = new() { Department = "Sales", Version = 7 };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _connection = new GenesysCloudConnection(new GenesysCloudOptions
        {
            BaseAddress = Base, ClientId = "id", ClientSecret = "secret", HttpMessageHandler = new CannedHandler(), TypeInfoResolver = BenchJson.Default,
        });
        _generated = IBenchUsersApi.Create(_connection);
        await _generated.GetUserAsync(Id);   // the token is fetched once, outside the measurement
        _http = new HttpClient(new CannedHandler()) { BaseAddress = Base };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");
        _refit = RestService.For<IRefitUsersApi>(new HttpClient(new CannedHandler()) { BaseAddress = Base },
            new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(BenchJson.Default.Options) });
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("GET user")]
    public async Task<BenchUser?> HandWritten_Get()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/users/" + Uri.EscapeDataString(Id));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BenchJson.Default.BenchUser);
    }

    [Benchmark, BenchmarkCategory("GET user")]
    public Task<BenchUser> Generated_Get() => _generated.GetUserAsync(Id);

    [Benchmark, BenchmarkCategory("GET user")]
    public Task<BenchUser> Refit_Get() => _refit.GetUserAsync(Id);

    [Benchmark(Baseline = true), BenchmarkCategory("PATCH user")]
    public async Task<BenchUser?> HandWritten_Patch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v2/users/" + Uri.EscapeDataString(Id))
        {
            Content = JsonContent.Create(_update, BenchJson.Default.BenchUpdate),
        };
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BenchJson.Default.BenchUser);
    }

    [Benchmark, BenchmarkCategory("PATCH user")]
    public Task<BenchUser> Generated_Patch() => _generated.UpdateUserAsync(Id, _update);

    [Benchmark, BenchmarkCategory("PATCH user")]
    public Task<BenchUser> Refit_Patch() => _refit.UpdateUserAsync(Id, _update);

    [Benchmark(Baseline = true), BenchmarkCategory("page of 100")]
    public async Task<int> HandWritten_Page()
    {
        using var response = await _http.GetAsync("/api/v2/users?pageSize=100");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BenchJson.Default.BenchPage))!.Entities.Count;
    }

    [Benchmark, BenchmarkCategory("page of 100")]
    public async Task<int> Generated_Page()
    {
        var count = 0;
        await foreach (var _ in _generated.ListUsers(100)) count++;
        return count;
    }

    [Benchmark, BenchmarkCategory("page of 100")]
    public async Task<int> Refit_Page() => (await _refit.ListUsersAsync(100)).Entities.Count;

    // A page of one user: the page of 100 is ~95% System.Text.Json reading 100 users, the same work in all three clients,
    // so what each client adds to a page shows here.
    [Benchmark(Baseline = true), BenchmarkCategory("page of 1")]
    public async Task<int> HandWritten_PageOfOne()
    {
        using var response = await _http.GetAsync("/api/v2/users?pageSize=1");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BenchJson.Default.BenchPage))!.Entities.Count;
    }

    [Benchmark, BenchmarkCategory("page of 1")]
    public async Task<int> Generated_PageOfOne()
    {
        var count = 0;
        await foreach (var _ in _generated.ListUsers(1)) count++;
        return count;
    }

    [Benchmark, BenchmarkCategory("page of 1")]
    public async Task<int> Refit_PageOfOne() => (await _refit.ListUsersAsync(1)).Entities.Count;
}

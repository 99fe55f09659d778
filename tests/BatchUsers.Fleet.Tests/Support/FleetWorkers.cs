using System.Text.Json;

namespace BatchUsers.Fleet.Tests;

/// <summary>The BatchUsers workers of one test, on one emulator host: started with a run's options, their summaries read,
/// and every one ended (and its files removed) with the test.</summary>
internal sealed class FleetWorkers(EmulatorHostProcess host, string prefix) : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory(prefix).FullName;
    private readonly List<RunningProcess> _workers = [];

    public RunningProcess Start(string name, string runId, string redis, string tokenKey, int pace = 11400, string lease = "2s")
    {
        var worker = RunningProcess.Start("BatchUsers", [
            "--emulator", host.Address.ToString(), "--client-id", EmulatorHostProcess.ClientId, "--pace", pace.ToString(),
            "--concurrency", "8", "--page-size", "50", "--redis", redis, "--run-id", runId, "--lease", lease,
            "--json", Path.Combine(_dir, name + ".json"), "--checkpoint", Path.Combine(_dir, name + ".checkpoint.json"),
        ], new Dictionary<string, string> { ["GENESYS_CLIENT_SECRET"] = EmulatorHostProcess.ClientSecret, ["GENESYS_TOKEN_KEY"] = tokenKey });
        _workers.Add(worker);
        return worker;
    }

    public JsonElement Summary(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, name + ".json"))).RootElement.Clone();

    public async Task WaitForChangesAsync(int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await host.UsersChangedAsync() < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {atLeast} users changed after 2 minutes:\n{_workers[0].Tail()}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

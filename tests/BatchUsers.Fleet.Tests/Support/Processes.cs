using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace BatchUsers.Fleet.Tests;

/// <summary>The project's processes, started from their build output: the emulator host and BatchUsers workers.</summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static RunningProcess Start(string project, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Paths.Dll(project));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return new RunningProcess(Process.Start(info)!);
    }

    /// <summary>Waits for the exit; a process that outlives <paramref name="timeout"/> is killed and reported.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Process {_process.Id} did not exit within {timeout}. Output:\n{Tail()}");
        }
        _process.WaitForExit();   // drains the output
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill();

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int signal);

    public void Terminate()
    {
        if (SysKill(_process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastWin32Error()}");
    }

    public string Tail(int chars = 4000)
    {
        var text = Output;
        return text.Length <= chars ? text : text[^chars..];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>The emulator host as a process, with its address parsed from its first lines.</summary>
public sealed class EmulatorHostProcess : IAsyncDisposable
{
    public const string ClientId = "fleet-client", ClientSecret = "fleet-test-secret";
    private static readonly HttpClient Http = new();

    private EmulatorHostProcess(RunningProcess process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public RunningProcess Process { get; }
    public Uri Address { get; }

    public static async Task<EmulatorHostProcess> StartAsync(int users, string tokenLifetime, int ratePerMinute, double faultRate, double dropRate)
    {
        var process = RunningProcess.Start("EmulatorHost", [
            "--users", users.ToString(), "--token-lifetime", tokenLifetime, "--rate-limit", ratePerMinute.ToString(), "--rate-limit-key", "client",
            "--fault-rate", faultRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--drop-rate", dropRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--client-id", ClientId, "--client-secret", ClientSecret,
        ]);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var match = System.Text.RegularExpressions.Regex.Match(process.Output, @"http://127\.0\.0\.1:\d+/");
            if (match.Success) return new EmulatorHostProcess(process, new Uri(match.Value));
            await Task.Delay(100);
        }
        await process.DisposeAsync();
        throw new InvalidOperationException("The emulator host did not start:\n" + process.Output);
    }

    public async Task<JsonElement> StatsAsync() =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(Address, "emulator/stats"))).RootElement.Clone();

    public async Task<int> UsersChangedAsync()
    {
        var stats = await StatsAsync();
        return stats.GetProperty("usersChangedOnce").GetInt32() + stats.GetProperty("usersChangedMoreThanOnce").GetInt32();
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}

internal static class Paths
{
    private static readonly string Configuration =
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;

    public static string Root { get; } = FindRoot();

    public static string Dll(string project) => Path.Combine(Root, "samples", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ConversationExport;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport.Tests;

/// <summary>The export's promises: the NDJSON holds exactly the emulator's conversation ids, each once, in result order,
/// through expiring tokens, 5xx and dropped connections; a run killed at any point resumes without submitting the job
/// again and without writing a line twice; a job that fails, expires or is cancelled ends clearly.</summary>
public sealed class ExportTests : IDisposable
{
    private const string AllOf2026 = "2026-01-01T00:00:00Z/2027-01-01T00:00:00Z";
    private readonly string _dir = Directory.CreateTempSubdirectory("export-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ExportSettings Settings(bool resume = false, int pageSize = 500) => new()
    {
        OutputPath = Path.Combine(_dir, "conversations.ndjson"),
        JsonPath = Path.Combine(_dir, "summary.json"),
        Interval = AllOf2026,
        PageSize = pageSize,
        Resume = resume,
    };

    private static RemoteSettings Remote(GenesysCloudEmulator emulator) =>
        new(emulator.BaseAddress, null, EmulatorClient.Default.ClientId, EmulatorClient.Default.ClientSecret!);

    private static List<string> IdsIn(string ndjson) =>
        File.ReadLines(ndjson).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("conversationId").GetString()!).ToList();

    [Fact]
    public async Task Fifty_thousand_conversations_through_2s_tokens_5pct_5xx_and_2pct_drops_are_exported_exactly_once_in_order()
    {
        var settings = Settings();
        var emulator = new EmulatorSettings { Conversations = 50_000, TokenLifetime = TimeSpan.FromSeconds(2), FaultRate = 0.05, DropRate = 0.02, Seed = 7 };
        await using var reference = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 50_000, Seed = 7 });

        var (summary, exit) = await ExportApp.RunAsync(settings, emulator, remote: null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.Equal(reference.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        Assert.Equal(50_000, summary.Exported);
        Assert.Equal(1, summary.Jobs);
        Assert.True(summary.Polls >= 1);
        Assert.True(summary.Retries > 0, "faults were injected, so some calls must have been retried");
        var written = JsonDocument.Parse(File.ReadAllText(settings.JsonPath!)).RootElement;
        foreach (var field in new[] { "exported", "jobs", "polls", "tokenRequests", "retries", "elapsedSeconds" })
            Assert.True(written.TryGetProperty(field, out _), $"--json lacks {field}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    public async Task Stopped_after_any_page_and_resumed_every_conversation_is_written_once_and_the_job_is_not_submitted_again(int pagesBeforeStop)
    {
        await using var server = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 5_000, Seed = 3 });
        using var stop = new CancellationTokenSource();
        var first = Task.Run(() => ExportApp.RunAsync(Settings(pageSize: 250), null, Remote(server), TextWriter.Null, stop.Token));
        var checkpointPath = Settings().CheckpointPath;
        while (!first.IsCompleted && (Checkpoint(checkpointPath)?.Exported ?? 0) < pagesBeforeStop * 250) await Task.Delay(1);
        stop.Cancel();
        var (stopped, stoppedExit) = await first;

        var (resumed, exit) = await ExportApp.RunAsync(Settings(resume: true, pageSize: 250), null, Remote(server), TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(stoppedExit == ExportApp.ExitInterrupted || stopped.Completed);
        Assert.Equal(0, resumed.Jobs);
        Assert.Equal(server.Ledger.AllConversationIds(), IdsIn(Settings().OutputPath));
        Assert.Equal(1, server.Ledger.Requests("POST /api/v2/analytics/conversations/details/jobs", 202));
    }

    [Fact]
    public async Task Killed_with_sigkill_at_half_and_run_again_with_resume_it_is_still_exactly_once()
    {
        await using var server = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            ConversationCount = 50_000, Seed = 11, AccessTokenLifetime = TimeSpan.FromSeconds(2),
            Faults = { ServerErrorRate = 0.05, DropBeforeProcessingRate = 0.01, DropAfterProcessingRate = 0.01 },
        });
        var settings = Settings(pageSize: 100);
        string[] Args(bool resume) =>
        [
            "--emulator", server.BaseAddress.ToString(), "--client-id", EmulatorClient.Default.ClientId, "--out", settings.OutputPath,
            "--json", settings.JsonPath!, "--page-size", "100", "--interval", AllOf2026, .. resume ? new[] { "--resume" } : [],
        ];

        using (var first = Start(Args(resume: false)))
        {
            var deadline = Stopwatch.StartNew();
            while ((Checkpoint(settings.CheckpointPath)?.Exported ?? 0) < 25_000)
            {
                if (first.HasExited) Assert.Fail("the export ended before it could be killed: " + first.StandardOutput.ReadToEnd());
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "the export made no progress");
                await Task.Delay(5);
            }
            first.Kill();   // SIGKILL: no finally block, no flush, no checkpoint
            await first.WaitForExitAsync();
        }
        var atKill = Checkpoint(settings.CheckpointPath)!;
        Assert.InRange(atKill.Exported, 25_000, 49_999);

        using var second = Start(Args(resume: true));
        await second.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(second.ExitCode == 0, second.StandardOutput.ReadToEnd() + second.StandardError.ReadToEnd());

        Assert.Equal(server.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        var summary = JsonDocument.Parse(File.ReadAllText(settings.JsonPath!)).RootElement;
        Assert.Equal(0, summary.GetProperty("jobs").GetInt32());
        Assert.Equal(50_000, summary.GetProperty("exported").GetInt64());
        Assert.Equal(1, server.Ledger.Requests("POST /api/v2/analytics/conversations/details/jobs", 202));
    }

    [Fact]
    public async Task Without_an_interval_the_embedded_emulator_exports_its_whole_span_not_just_2026()
    {
        // 80,000 conversations one every ~7 minutes run into 2027: a fixed year would hold only the first 75,086.
        var settings = Settings(pageSize: 1000) with { Interval = null };
        var emulator = new EmulatorSettings { Conversations = 80_000, FaultRate = 0, DropRate = 0, Seed = 5 };
        await using var reference = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 5 });
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, emulator, remote: null, log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.Equal(reference.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.Exported);
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.DoesNotContain(" held ", log.ToString());
    }

    [Fact]
    public async Task Without_an_interval_an_emulator_host_is_exported_whole_as_the_embedded_emulator_is()
    {
        // A host, as samples/EmulatorHost runs it: 80,000 conversations run into 2027, past any fixed year.
        await using var host = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 5 });
        var settings = Settings(pageSize: 1000) with { Interval = null };
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, null, Remote(host), log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(summary.Completed);
        Assert.Equal(host.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.Exported);
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.DoesNotContain(" held ", log.ToString());
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z/2027-01-01T00:00:00Z")]
    [InlineData("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")]
    public async Task An_interval_holding_part_of_an_emulator_hosts_org_is_said_to_hold_n_of_m(string interval)
    {
        await using var host = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 3 });
        var parts = interval.Split('/');
        var expected = host.Ledger.ConversationIdsIn(DateTimeOffset.Parse(parts[0]), DateTimeOffset.Parse(parts[1]));
        var settings = Settings(pageSize: 1000) with { Interval = interval };
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, null, Remote(host), log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(expected.Count < 80_000);
        Assert.Equal(expected, IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.Contains($"The interval {interval} held {expected.Count} of the emulator's 80000 conversations", log.ToString());
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z/2026-01-02T00:00:00Z")]
    [InlineData("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z")]
    [InlineData("2026-01-20T00:00:00Z/2026-03-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")]
    public async Task An_interval_holding_part_of_the_org_exports_that_part_and_the_summary_says_how_many_it_held(string interval)
    {
        var settings = Settings(pageSize: 300) with { Interval = interval };
        var emulator = new EmulatorSettings { Conversations = 5_000, FaultRate = 0, DropRate = 0, Seed = 9 };
        await using var reference = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 5_000, Seed = 9 });
        var parts = interval.Split('/');
        var expected = reference.Ledger.ConversationIdsIn(DateTimeOffset.Parse(parts[0]), DateTimeOffset.Parse(parts[1]));
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, emulator, remote: null, log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(expected.Count < 5_000);
        Assert.Equal(expected, IdsIn(settings.OutputPath));
        Assert.Equal(expected.Count, summary.Exported);
        Assert.Equal(5_000, summary.OrgConversations);
        Assert.Equal(interval, summary.Interval);
        Assert.Contains($"The interval {interval} held {expected.Count} of the emulator's 5000 conversations", log.ToString());
    }

    [Theory]
    [InlineData("--page-size", "abc")]
    [InlineData("--page-size", "0")]
    [InlineData("--seed", "x")]
    [InlineData("--bogus", "1")]
    [InlineData("--token-lifetime", "1e400s")]
    [InlineData("--token-lifetime", "Infinitys")]
    [InlineData("--token-lifetime", "NaNs")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--interval", "2026-02-01T00:00:00Z/2026-01-01T00:00:00Z")]
    [InlineData("--emulator", "ftp://x")]
    [InlineData("--out", "/proc/nope/x.ndjson")]
    public async Task A_bad_flag_is_a_usage_error_that_names_it(string flag, string value)
    {
        using var process = Start(["--conversations", "10", flag, value, .. flag == "--out" ? Array.Empty<string>() : ["--out", Path.Combine(_dir, "o.ndjson")]]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == ExportApp.ExitUsage, $"exit {process.ExitCode}: {await stderr}{await stdout}");
        Assert.DoesNotContain("   at ", await stderr);   // a message, not a stack trace
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["GENESYS_CLIENT_SECRET"] = EmulatorClient.Default.ClientSecret!;
        info.Environment.Remove("GENESYS_CLIENT_ID");
        return Process.Start(info)!;
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "ConversationExport.dll");

    private static ExportCheckpoint? Checkpoint(string path)
    {
        try
        {
            return ExportCheckpoint.Load(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            return null;   // caught between write and rename
        }
    }
}

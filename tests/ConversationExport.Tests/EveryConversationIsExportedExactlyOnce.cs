using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ConversationExport;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport.Tests;

/// <summary>Every conversation is exported exactly once: the NDJSON holds exactly the emulator's conversation ids, each once, in
/// result order, through expiring tokens, 5xx and dropped connections; a run stopped after any page or killed resumes
/// without submitting the job again and without writing a line twice.</summary>
public sealed class EveryConversationIsExportedExactlyOnce : ExportRun
{

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
}

using System.Text.Json;

namespace BatchUsers.Tests;

/// <summary>The whole job against the emulator, faults and short tokens included, checked against the emulator's ledger.</summary>
public sealed class TheBatchJobChangesEveryUserExactlyOnce : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("batchusers-").FullName;

    private JobSettings Settings(bool resume = false) => new()
    {
        Change = UserChange.Parse("title", "Senior Agent"),
        Concurrency = 16,
        PageSize = 50,
        Resume = resume,
        CheckpointPath = Path.Combine(_directory, "checkpoint.json"),
        JsonPath = Path.Combine(_directory, "summary.json"),
    };

    // 1 s tokens, 5% 5xx, 2% dropped connections (half after the change applied), and a rate limit that bites.
    private static EmulatorSettings Hostile(int users) => new()
    {
        Users = users, TokenLifetime = TimeSpan.FromSeconds(1), FaultRate = 0.05, DropRate = 0.02, RateLimit = 6000, Seed = 7,
    };

    [Fact]
    public async Task Every_user_is_changed_exactly_once_and_the_summary_agrees_with_the_ledger()
    {
        var output = new StringWriter();
        var (summary, exit) = await BatchApp.RunAsync(Settings(), Hostile(400), null, new PlainProgressView(output, TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Equal(BatchApp.ExitOk, exit);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(400, summary.Processed);
        Assert.Equal(400, summary.Updated);
        Assert.Equal(400, summary.Emulator!.UsersChangedOnce);
        Assert.Equal(0, summary.Emulator.UsersChangedMoreThanOnce);
        Assert.Equal(0, summary.Emulator.UsersUnchanged);
        Assert.Equal(summary.Updated, summary.Emulator.UsersChangedOnce);
        Assert.True(summary.Emulator.FaultsServed > 0, "the run should have met faults");
        Assert.True(summary.TokenRequests >= 2, "the run should have crossed token lifetimes");

        var written = JsonDocument.Parse(await File.ReadAllTextAsync(Settings().JsonPath!)).RootElement;
        Assert.Equal(400, written.GetProperty("updated").GetInt64());
        Assert.Equal(400, written.GetProperty("emulator").GetProperty("usersChangedOnce").GetInt32());
        foreach (var key in new[] { "processed", "unchanged", "failed", "failures", "tokenRequests", "retries", "throttled", "elapsedSeconds", "throughputPerSecond" })
            Assert.True(written.TryGetProperty(key, out _), key);
        Assert.Contains("400 users changed once, 0 more than once", output.ToString());
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_redoing_finished_users()
    {
        // One emulator across both runs, so its ledger covers the whole job: a host process the job talks to over HTTP.
        await using var emulator = await GenesysCloud.Typed.Testing.GenesysCloudEmulator.StartAsync(new GenesysCloud.Typed.Testing.EmulatorOptions
        {
            UserCount = 300, AccessTokenLifetime = TimeSpan.FromSeconds(1), Seed = 3,
            Faults = { ServerErrorRate = 0.03, DropBeforeProcessingRate = 0.01, DropAfterProcessingRate = 0.01 },
        });
        using var stop = new CancellationTokenSource();
        var progress = new JobProgress { OnProcessed = n => { if (n == 120) stop.Cancel(); } };

        var first = await RunAgainstAsync(emulator, Settings(), progress, stop.Token);
        Assert.False(first.Completed);
        var changedBefore = emulator.Ledger.Snapshot().UserChanges.Count;
        Assert.InRange(changedBefore, 120, 160);                 // in-flight users finished after the stop

        var second = await RunAgainstAsync(emulator, Settings(resume: true), new JobProgress(), CancellationToken.None);
        Assert.True(second.Completed);

        var ledger = emulator.Ledger.Snapshot();
        Assert.Equal(300, ledger.UsersChangedOnce);
        Assert.Equal(0, ledger.UsersChangedMoreThanOnce);
        Assert.Equal(300, second.Checkpoint.Updated);            // totals carry across the resume
        Assert.Empty(second.Checkpoint.Failures);
    }

    [Fact]
    public async Task A_second_run_finds_every_user_already_right_and_changes_nothing()
    {
        await using var emulator = await GenesysCloud.Typed.Testing.GenesysCloudEmulator.StartAsync(new GenesysCloud.Typed.Testing.EmulatorOptions { UserCount = 120 });
        await RunAgainstAsync(emulator, Settings(), new JobProgress(), CancellationToken.None);
        var again = new JobProgress();
        await RunAgainstAsync(emulator, Settings() with { CheckpointPath = Path.Combine(_directory, "second.json") }, again, CancellationToken.None);

        Assert.Equal(120, again.Unchanged);
        Assert.Equal(0, again.Updated);
        Assert.Equal(120, emulator.Ledger.Snapshot().UsersChangedOnce);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        await using var emulator = await GenesysCloud.Typed.Testing.GenesysCloudEmulator.StartAsync(new GenesysCloud.Typed.Testing.EmulatorOptions { UserCount = 60 });
        var progress = new JobProgress();
        await RunAgainstAsync(emulator, Settings() with { Apply = false }, progress, CancellationToken.None);
        Assert.Equal(60, progress.Updated);                      // would be updated
        Assert.Empty(emulator.Ledger.Snapshot().UserChanges);
        Assert.Equal(0, emulator.Ledger.Requests("PATCH /api/v2/users/{userId}"));
    }

    private static async Task<(bool Completed, Checkpoint Checkpoint)> RunAgainstAsync(GenesysCloud.Typed.Testing.GenesysCloudEmulator emulator,
        JobSettings settings, JobProgress progress, CancellationToken stop)
    {
        await using var connection = new GenesysCloud.Typed.GenesysCloudConnection(new GenesysCloud.Typed.GenesysCloudOptions
        {
            BaseAddress = emulator.BaseAddress,
            ClientId = "emulator-client",
            ClientSecret = "emulator-secret",
            TypeInfoResolver = BatchJson.Default,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(50) },
        });
        return await new UserUpdateJob(IUsersApi.Create(connection), settings, progress).RunAsync(stop);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
